import { createServer, type Server, type ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';
import { Advisor } from './advice/advisor';
import { createApp } from './app';
import { type Config, ConfigError, readConfig } from './config';
import { loadOpenApiDocument } from './contract/openapi-document';
import { RuleSetError } from './engine/rule-set';
import type { Readiness } from './http/routes/health';
import { createLogger, type Logger } from './logger';
import { Metrics } from './observability/metrics';
import { OPENAPI_PATH, RULES_DIR } from './project-paths';

/**
 * Starts Berth: reads the configuration, loads the rules, listens, and shuts down gracefully on SIGTERM
 * or SIGINT. A bad configuration or rule file stops the process (status 1) with a message naming it.
 */
function main(): void {
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

  const readiness: Readiness = { ready: false, reason: 'the rules are still loading' };
  const advisor = loadAdvisorOrExit(logger);
  const app = createApp({
    advisor,
    openApi: loadOpenApiDocument(OPENAPI_PATH),
    logger,
    readiness,
    bodyLimitBytes: config.bodyLimitBytes,
    cacheBytes: config.cacheBytes,
    metrics: new Metrics({ processMetrics: true }),
    settings: config,
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
  const shutdown = gracefulShutdown(server, readiness, logger, config.shutdownTimeoutMs);
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  server.once('error', (error) => {
    logger.fatal(`cannot listen on port ${config.port}`, { error });
    void exitAfterFlush(logger, 1);
  });
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
          : `${config.rateLimitRequests} per ${config.rateLimitWindowMs / 1000} s`,
      requestTimeoutMs: config.requestTimeoutMs,
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

/** How long after the signal idle connections are closed: enough to read requests already sent on them. */
const UNREAD_REQUEST_GRACE_MS = 100;

/**
 * What SIGTERM and SIGINT do: readiness turns false, the server stops accepting connections and closes
 * the idle ones, every request in flight is answered (with `Connection: close`, so no connection is kept
 * for another), and the process exits 0 once the last connection closes. If requests are still in
 * flight `deadlineMs` after the signal, their connections are cut and the process exits 1.
 */
function gracefulShutdown(
  server: Server,
  readiness: Readiness,
  logger: Logger,
  deadlineMs: number,
): (signal: string) => void {
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  server.on('request', (_req, res: ServerResponse) => {
    inFlight.add(res);
    if (draining) res.setHeader('Connection', 'close');
    res.once('close', () => {
      inFlight.delete(res);
      // A keep-alive connection whose answer was already under way when shutdown began is idle now.
      if (draining) setImmediate(() => server.closeIdleConnections());
    });
  });

  return (signal) => {
    if (draining) {
      logger.warn(`${signal} received while already shutting down`, { inFlight: inFlight.size });
      return;
    }
    draining = true;
    readiness.ready = false;
    readiness.reason = 'shutting down';
    logger.info('shutting down: accepting no new connections, finishing the requests in flight', {
      signal,
      inFlight: inFlight.size,
      deadlineMs,
    });
    for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    let exiting = false;
    const exit = (code: 0 | 1) => {
      if (exiting) return;
      exiting = true;
      if (code === 0) logger.info('shut down: every request was answered', { signal });
      void exitAfterFlush(logger, code);
    };
    const deadline = setTimeout(() => {
      const unanswered = inFlight.size;
      if (unanswered > 0) {
        logger.error('shutdown deadline passed: closing connections with requests still in flight', {
          signal,
          inFlight: unanswered,
          deadlineMs,
        });
      }
      server.closeAllConnections();
      exit(unanswered > 0 ? 1 : 0);
    }, deadlineMs);
    // Stop listening, but without http.Server#close(), which would also close every idle connection at
    // once: a connection whose request has arrived but not been read yet looks idle, and would be reset.
    // The idle ones are closed a moment later instead, once those requests are being answered.
    Reflect.apply(NetServer.prototype.close, server, [
      () => {
        clearTimeout(deadline);
        exit(0);
      },
    ]);
    setTimeout(() => server.closeIdleConnections(), UNREAD_REQUEST_GRACE_MS);
  };
}

/** Exits once the log lines written so far are out, so the last of them (the reason) is not lost. */
async function exitAfterFlush(logger: Logger, code: number): Promise<never> {
  await logger.flush();
  process.exit(code);
}

main();
