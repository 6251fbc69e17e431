import { parseArgs } from 'node:util';
import {
  applyWorkloadFlags,
  flagForPath,
  workloadFlagHelp,
  workloadParseOptions,
} from '../../src/clients/cli/workload-flags';
import { workloadRequestJsonSchema } from '../../src/clients/workload-json-schema';
import { loadOpenApiDocument } from '../../src/contract/openapi-document';
import { OPENAPI_PATH } from '../../src/project-paths';

describe('berth recommend --capabilities', () => {
  it('sets control.capabilities from a comma-separated list', () => {
    expect(applyWorkloadFlags({}, { capabilities: 'NET_ADMIN, NET_RAW' })).toEqual({
      control: { capabilities: ['NET_ADMIN', 'NET_RAW'] },
    });
  });

  it('sets the empty list from an empty value, replacing the file’s', () => {
    expect(applyWorkloadFlags({ control: { capabilities: ['SYS_PTRACE'] } }, { capabilities: '' })).toEqual({
      control: { capabilities: [] },
    });
  });

  it('names the flag in errors about control.capabilities', () => {
    expect(flagForPath('control.capabilities')).toBe('--capabilities');
  });

  it('is listed in help with its field and default', () => {
    const help = workloadFlagHelp(workloadRequestJsonSchema(loadOpenApiDocument(OPENAPI_PATH).json));
    expect(help.join('\n')).toMatch(/--capabilities A,B,\.\.\. +control\.capabilities \(default \[\]\)/);
  });
});

describe('berth recommend --host-network', () => {
  it('sets control.hostNetwork', () => {
    const { values } = parseArgs({ args: ['--host-network'], options: workloadParseOptions(), strict: true });
    expect(applyWorkloadFlags({}, values)).toEqual({ control: { hostNetwork: true } });
  });

  it('names the flag in errors about control.hostNetwork', () => {
    expect(flagForPath('control.hostNetwork')).toBe('--host-network');
  });

  it('is listed in help with its field and default', () => {
    const help = workloadFlagHelp(workloadRequestJsonSchema(loadOpenApiDocument(OPENAPI_PATH).json));
    expect(help.join('\n')).toMatch(/--host-network +control\.hostNetwork \(default false\)/);
  });
});

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
