import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';

/** Writes each starter file under `dir`, refusing any path that would land outside it. */
export function writeStarterFiles(
  dir: string,
  files: readonly { path: string; content: string }[],
): string[] {
  const root = resolve(dir);
  return files.map((file) => {
    const target = resolve(root, file.path);
    if (!target.startsWith(root + sep)) throw new Error(`starter file path ${file.path} leaves ${dir}`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
    return relative(root, target);
  });
}
