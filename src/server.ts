import { createApp } from './app';
import { ConfigError, readConfig } from './config';
import { loadOpenApiDocument } from './contract/openapi-document';
import { Advisor } from './engine/advisor';
import { RuleSetError } from './engine/rule-set';
import { createLogger } from './logger';
import { OPENAPI_PATH, RULES_DIR } from './project-paths';

const logger = createLogger();
const readiness = { ready: false, reason: 'the rules are still loading' };

function start(): void {
  const config = readConfig(process.env);
  const advisor = Advisor.fromRulesDir(RULES_DIR);
  const app = createApp({
    advisor,
    openApi: loadOpenApiDocument(OPENAPI_PATH),
    logger,
    readiness,
    bodyLimitBytes: config.bodyLimitBytes,
    cacheEntries: config.cacheEntries,
  });
  const server = app.listen(config.port, () => {
    readiness.ready = true;
    logger.info('Berth is listening', {
      port: config.port,
      rulesVersion: advisor.ruleSet.version,
      docs: `http://localhost:${config.port}/docs`,
    });
  });
  const shutdown = (signal: string) => {
    readiness.ready = false;
    readiness.reason = 'shutting down';
    logger.info('shutting down', { signal });
    server.close(() => process.exit(0));
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

try {
  start();
} catch (error) {
  if (error instanceof RuleSetError) {
    logger.error(`cannot start: a rule file is malformed: rules/${error.message}`, {
      file: error.file,
      rule: error.rule,
    });
    process.exit(1);
  }
  if (error instanceof ConfigError) {
    logger.error(`cannot start: bad configuration: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
