import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Advisor } from '../../advice/advisor';
import { loadOpenApiDocument } from '../../contract/openapi-document';
import { RuleSetError } from '../../engine/rule-set';
import { OPENAPI_PATH, PROJECT_ROOT, RULES_DIR } from '../../project-paths';
import { useInterpretedValidation } from '../../shared/interpreted-validation';
import { workloadRequestJsonSchema } from '../workload-json-schema';
import { platformsCommand, rulesCommand } from './catalogue-commands';
import { importCommand } from './import-command';
import { EXIT, err, out, UsageError } from './output';
import { recommendCommand } from './recommend-command';
import { usage } from './usage';

/**
 * `berth`: the command line of Berth. Runs one command and resolves to its exit code; `serve` and `mcp`
 * keep the process running until they are stopped.
 */
export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  useInterpretedValidation();
  try {
    switch (command) {
      case 'recommend':
        return await recommendCommand(args, Advisor.fromRulesDir(RULES_DIR));
      case 'import':
        return await importCommand(args, Advisor.fromRulesDir(RULES_DIR));
      case 'platforms':
        return platformsCommand(args, Advisor.fromRulesDir(RULES_DIR));
      case 'rules':
        return rulesCommand(args, Advisor.fromRulesDir(RULES_DIR));
      case 'serve':
        return serve(args);
      case 'mcp': {
        if (args.length > 0) throw new UsageError('mcp takes no arguments');
        // Loaded only here: the MCP SDK takes longer to load than the rest of a command takes to run.
        const { runStdioServer } = require('../mcp/stdio') as typeof import('../mcp/stdio');
        await runStdioServer();
        return EXIT.answered;
      }
      case 'help':
      case '--help':
      case '-h':
        out(usage(workloadRequestJsonSchema(loadOpenApiDocument(OPENAPI_PATH).json)));
        return EXIT.answered;
      case '--version':
        out(`${packageVersion()}\n`);
        return EXIT.answered;
      case undefined:
        err(usage(workloadRequestJsonSchema(loadOpenApiDocument(OPENAPI_PATH).json)));
        return EXIT.invalidInput;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      err(`berth: ${(error as Error).message}\nRun "berth help" for the commands and flags.\n`);
      return EXIT.invalidInput;
    }
    if (error instanceof RuleSetError) {
      err(`berth: a rule file is malformed: rules/${error.message}\n`);
      return EXIT.failed;
    }
    throw error;
  }
}

/**
 * `berth serve`: the API server, started by src/server.ts itself. That module starts the server when it
 * is loaded (it exports nothing), so loading it here runs the exact start-up of `npm start`, in this
 * process, with its configuration, logging and graceful shutdown; --port sets the PORT it reads.
 */
function serve(args: string[]): number {
  const { values } = parseArgs({ args, options: { port: { type: 'string', short: 'p' } }, strict: true });
  if (values.port !== undefined) process.env.PORT = values.port;
  // Loaded for its side effect, which is the whole start-up; require keeps it synchronous and in this process.
  require('../../server');
  return EXIT.answered;
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string })
    .version;
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

/** Runs `berth` with these arguments and sets the process's exit code: what bin/berth calls. */
export function run(argv: string[]): void {
  // A reader that stops early (`berth recommend ... | head`) closes the pipe: the command still finishes,
  // with its own exit code, instead of dying on EPIPE.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      err(`berth: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = EXIT.failed;
    },
  );
}

if (require.main === module) run(process.argv.slice(2));
