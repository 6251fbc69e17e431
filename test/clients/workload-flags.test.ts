import { applyWorkloadFlags, flagForPath, workloadFlagHelp } from '../../src/clients/cli/workload-flags';
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
