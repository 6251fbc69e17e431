import { parseArgs } from 'node:util';
import { applyWorkloadFlags, flagForPath, workloadParseOptions } from '../../src/clients/cli/workload-flags';

/** `berth recommend --env NAME=value --secret NAME`: the request's environment and secrets from flags. */
function bodyFrom(args: string[], file: Record<string, unknown> = {}): Record<string, unknown> {
  const { values } = parseArgs({ args, options: workloadParseOptions(), strict: true });
  return applyWorkloadFlags(file, values);
}

describe('the environment and secrets flags of berth recommend', () => {
  it('sets one environment variable per --env, keeping "=" inside the value', () => {
    expect(bodyFrom(['--env', 'LOG_LEVEL=info', '--env', 'QUERY=a=b']).environment).toEqual({
      LOG_LEVEL: 'info',
      QUERY: 'a=b',
    });
  });

  it('adds to the variables of the file, a flag overriding the same name', () => {
    const body = bodyFrom(['--env', 'LOG_LEVEL=debug'], { environment: { LOG_LEVEL: 'info', PORT: '80' } });
    expect(body.environment).toEqual({ LOG_LEVEL: 'debug', PORT: '80' });
  });

  it('adds one secret per --secret after those of the file', () => {
    const body = bodyFrom(['--secret', 'DB_PASSWORD', '--secret', 'API_TOKEN'], {
      secrets: [{ name: 'A_KEY' }],
    });
    expect(body.secrets).toEqual([{ name: 'A_KEY' }, { name: 'DB_PASSWORD' }, { name: 'API_TOKEN' }]);
  });

  it('names the flag in errors about the fields', () => {
    expect(flagForPath('environment.1ST')).toBe('--env');
    expect(flagForPath('secrets.0.name')).toBe('--secret');
  });
});
