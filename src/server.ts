import { createServer } from 'node:http';
import { Advisor } from './advice/advisor';
import { createApp } from './app';
import { type Config, ConfigError, readConfig } from './config';
import { loadOpenApiDocument } from './contract/openapi-document';
import { RuleSetError } from './engine/rule-set';
import { GracefulShutdown } from './http/graceful-shutdown';
import type { RedisConnection } from './http/redis-connection';
import type { Readiness } from './http/routes/health';
import type { SharedRateLimitStore } from './http/shared-rate-limit-store';
import { createLogger, type Logger } from './logger';
import { Metrics } from './observability/metrics';
import { OPENAPI_PATH, RULES_DIR } from './project-paths';
import { useInterpretedValidation } from './shared/interpreted-validation';

/**
 * Starts Berth: reads the configuration, loads the rules, listens, and shuts down gracefully on SIGTERM
 * or SIGINT. A bad configuration or rule file stops the process (status 1) with a message naming it.
 */
/**
 * The Redis client and its rate-limit store, loaded only when limits are shared: node-redis alone took a
 * fifth of the start-up of a server that never uses it.
 */
function sharedLimits(): {
  RedisConnection: typeof RedisConnection;
  SharedRateLimitStore: typeof SharedRateLimitStore;
} {
  const { RedisConnection } = require('./http/redis-connection') as typeof import('./http/redis-connection');
  const { SharedRateLimitStore } =
    require('./http/shared-rate-limit-store') as typeof import('./http/shared-rate-limit-store');
  return { RedisConnection, SharedRateLimitStore };
}

function main(): void {
  useInterpretedValidation();
  const config = readConfigOrExit();
  const logger = createLogger({ level: config.logLevel });
  process.on('uncaughtException', (error) => {
    logger.fatal('uncaught exception; exiting', { error });
    void exitAfterFlush(logger, 1);
  });
  process.on('unhandledRejection', (error) => {
    logger.fatal('unhandled promise rejection; exiting', { error });
    void exitAfterFlush(logger, 1);
  });
  for (const name of config.unknownVariables) {
    logger.warn(`${name} is set but Berth does not read it; see .env.example for the variables it does`);
  }
  for (const { variable, instead } of config.retiredVariables) {
    logger.warn(`${variable} is set but Berth no longer reads it: ${instead}`);
  }
  for (const warning of config.warnings) logger.warn(warning);

  const readiness: Readiness = { ready: false, reason: 'the rules are still loading' };
  const advisor = loadAdvisorOrExit(logger);
  // /readyz does not wait for Redis: without it each process counts its own limits and still answers.
  const redis =
    config.rateLimitRedisUrl === undefined || config.rateLimitRequests === 0
      ? undefined
      : new (sharedLimits().RedisConnection)({ url: config.rateLimitRedisUrl, logger });
  const app = createApp({
    advisor,
    openApi: loadOpenApiDocument(OPENAPI_PATH),
    logger,
    readiness,
    bodyLimitBytes: config.bodyLimitBytes,
    cacheBytes: config.cacheBytes,
    metrics: new Metrics({ processMetrics: true }),
    settings: config,
    rateLimitStore: redis === undefined ? undefined : new (sharedLimits().SharedRateLimitStore)(redis),
  });
  const server = createServer(
    {
      // Receiving a request (headers and body) may take this long; answering it is bounded by the app.
      requestTimeout: config.requestTimeoutMs,
      headersTimeout: config.requestTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, config.requestTimeoutMs),
    },
    app,
  );
  server.keepAliveTimeout = config.keepAliveTimeoutMs;
  const shutdown = new GracefulShutdown(server, {
    readiness,
    logger,
    drainMs: config.shutdownDrainMs,
    deadlineMs: config.shutdownTimeoutMs,
    release: async () => redis?.close(),
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      void shutdown.begin(signal).exitCode.then((code) => exitAfterFlush(logger, code));
    });
  }

  server.once('error', (error) => {
    logger.fatal(`cannot listen on port ${config.port}`, { error });
    void exitAfterFlush(logger, 1);
  });
  redis?.connect();
  server.listen(config.port, () => {
    readiness.ready = true;
    readiness.reason = '';
    logger.info('Berth is listening', {
      port: config.port,
      rulesVersion: advisor.ruleSet.version,
      docs: `http://localhost:${config.port}/docs`,
      apiKeys: config.apiKeys.length,
      corsOrigins: config.corsOrigins,
      rateLimit:
        config.rateLimitRequests === 0
          ? 'off'
          : `${config.rateLimitRequests} per ${config.rateLimitWindowMs / 1000} s, ${redis === undefined ? 'counted in this process' : 'shared through Redis'}`,
      requestTimeoutMs: config.requestTimeoutMs,
      shutdownDrainMs: config.shutdownDrainMs,
      shutdownTimeoutMs: config.shutdownTimeoutMs,
    });
  });
}

function readConfigOrExit(): Config {
  try {
    return readConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    createLogger({ level: 'fatal' }).fatal(`cannot start: bad configuration: ${error.message}`, {
      problems: error.problems,
    });
    process.exit(1);
  }
}

function loadAdvisorOrExit(logger: Logger): Advisor {
  try {
    return Advisor.fromRulesDir(RULES_DIR);
  } catch (error) {
    if (!(error instanceof RuleSetError)) throw error;
    logger.fatal(`cannot start: a rule file is malformed: rules/${error.message}`, {
      file: error.file,
      rule: error.rule,
    });
    process.exit(1);
  }
}

/** Exits once the log lines written so far are out, so the last of them (the reason) is not lost. */
async function exitAfterFlush(logger: Logger, code: number): Promise<never> {
  await logger.flush();
  process.exit(code);
}

main();
