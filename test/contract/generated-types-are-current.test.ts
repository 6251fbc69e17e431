import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/project-paths';

const GENERATED = join(PROJECT_ROOT, 'src/contract/generated/openapi-types.ts');

describe('src/contract/generated/openapi-types.ts', () => {
  it('is exactly what openapi-typescript generates from openapi.yaml', () => {
    const dir = mkdtempSync(join(tmpdir(), 'berth-types-'));
    try {
      const output = join(dir, 'openapi-types.ts');
      const run = spawnSync(
        join(PROJECT_ROOT, 'node_modules/.bin/openapi-typescript'),
        ['openapi.yaml', '--enum-values', '-o', output],
        { cwd: PROJECT_ROOT, encoding: 'utf8' },
      );
      expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: expect.any(String) });
      const fresh = readFileSync(output);
      const committed = readFileSync(GENERATED);
      if (!fresh.equals(committed)) {
        throw new Error(
          'src/contract/generated/openapi-types.ts is out of date with openapi.yaml: run npm run generate:types',
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
