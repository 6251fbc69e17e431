import { createApp } from './app';
import { loadOpenApiDocument } from './contract/openapi-document';
import { Advisor } from './engine/advisor';
import { RuleSetError } from './engine/rule-set';
import { createLogger } from './logger';
import { OPENAPI_PATH, RULES_DIR } from './project-paths';

const logger = createLogger();
const port = Number(process.env.PORT ?? 3000);
const readiness = { ready: false, reason: 'the rules are still loading' };

let advisor: Advisor;
try {
  advisor = Advisor.fromRulesDir(RULES_DIR);
} catch (error) {
  if (error instanceof RuleSetError) {
    logger.error(`cannot start: rules/${error.message}`, { file: error.file, rule: error.rule });
    process.exit(1);
  }
  throw error;
}

const app = createApp({
  advisor,
  openApi: loadOpenApiDocument(OPENAPI_PATH),
  logger,
  readiness,
  bodyLimitBytes: 64 * 1024,
  cacheEntries: 1024,
});

const server = app.listen(port, () => {
  readiness.ready = true;
  logger.info('Berth is listening', {
    port,
    rulesVersion: advisor.ruleSet.version,
    docs: `http://localhost:${port}/docs`,
  });
});

function shutdown(signal: string): void {
  readiness.ready = false;
  readiness.reason = 'shutting down';
  logger.info('shutting down', { signal });
  server.close(() => process.exit(0));
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
