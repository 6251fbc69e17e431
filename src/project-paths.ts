import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root (the folder holding package.json), whether running from src/ or dist/src/. */
function findProjectRoot(start: string): string {
  let current = start;
  while (!existsSync(join(current, 'package.json'))) {
    const parent = dirname(current);
    if (parent === current) throw new Error(`package.json not found above ${start}`);
    current = parent;
  }
  return current;
}

export const PROJECT_ROOT = findProjectRoot(__dirname);
export const RULES_DIR = join(PROJECT_ROOT, 'rules');
export const OPENAPI_PATH = join(PROJECT_ROOT, 'openapi.yaml');
/** The built workbench (`npm run build` writes it with Vite from src/workbench/). */
export const WORKBENCH_DIR = join(PROJECT_ROOT, 'dist', 'workbench');
