/** The CLI as the tests run it: the same runner the docs' examples use (scripts/support/berth-cli.ts). */
export { CLI_COMMAND, type CliRun, runBerth as berth } from '../../../scripts/support/berth-cli';
