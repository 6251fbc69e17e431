import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';

/**
 * Just enough of a Dockerfile interpreter to run a build without a Docker engine: the stages, their
 * WORKDIR, ENV, COPY (from the build context or an earlier stage) and RUN steps, with each stage's
 * filesystem a folder on this machine. Any other instruction fails loudly, so the Dockerfile and this
 * interpreter cannot drift apart silently. Base images are not pulled: RUN steps use this machine's
 * Node.js and npm.
 */

export interface Instruction {
  keyword: string;
  args: string;
}

export interface Stage {
  name: string;
  image: string;
  /** The folder holding the stage's filesystem root. */
  root: string;
  workdir: string;
  env: Record<string, string>;
  user: string | undefined;
  healthcheck: string[] | undefined;
  cmd: string[] | undefined;
  /** The signal `docker stop` (and ECS, which does the same) sends; Docker's default is SIGTERM. */
  stopSignal: string | undefined;
  exposed: string[];
  /** The RUN commands, in order. */
  runs: string[];
}

/** The instructions of a Dockerfile: continuation lines joined, comments and the parser directive dropped. */
export function parseDockerfile(text: string): Instruction[] {
  const logical: string[] = [];
  let pending = '';
  for (const line of text.split('\n')) {
    if (pending === '' && /^\s*(#|$)/.test(line)) continue;
    if (line.trimEnd().endsWith('\\')) {
      pending += `${line.trimEnd().slice(0, -1)} `;
      continue;
    }
    logical.push(pending + line);
    pending = '';
  }
  return logical.map((line) => {
    const match = /^\s*(\S+)\s*(.*)$/.exec(line);
    if (match?.[1] === undefined) throw new Error(`unreadable Dockerfile line: ${line}`);
    return { keyword: match[1].toUpperCase(), args: (match[2] ?? '').trim() };
  });
}

/** The exec form of CMD or HEALTHCHECK CMD: a JSON array of strings. */
function execForm(args: string, keyword: string): string[] {
  const parsed: unknown = JSON.parse(args);
  if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'string')) {
    throw new Error(`${keyword} must use the exec form (a JSON array of strings): ${args}`);
  }
  return parsed;
}

/** Whether .dockerignore keeps `path` (relative, with /) out of the build context. */
export function dockerignored(patterns: string[], path: string): boolean {
  let ignored = false;
  for (const raw of patterns) {
    const negated = raw.startsWith('!');
    const pattern = posix.normalize((negated ? raw.slice(1) : raw).trim()).replace(/^\/+|\/+$/g, '');
    const source = pattern
      .split('/')
      .map((part) =>
        part === '**'
          ? '.*'
          : part
              .replace(/[.+^${}()|[\]\\]/g, '\\$&')
              .replace(/\*/g, '[^/]*')
              .replace(/\?/g, '[^/]'),
      )
      .join('/');
    // A pattern that matches a folder matches everything in it.
    if (new RegExp(`^${source}(/.*)?$`).test(path)) ignored = !negated;
  }
  return ignored;
}

function readDockerignore(contextDir: string): string[] {
  let text = '';
  try {
    text = readFileSync(join(contextDir, '.dockerignore'), 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/**
 * Copies the build context (the repository minus what .dockerignore excludes) to `target`. .git and
 * node_modules are not even walked: they are large, and the caller checks .dockerignore excludes them.
 */
export function copyBuildContext(
  repository: string,
  target: string,
): { patterns: string[]; files: string[] } {
  const patterns = readDockerignore(repository);
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const rel = relative(repository, path).split('\\').join('/');
      if (rel === '.git' || rel === 'node_modules') continue;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && !dockerignored(patterns, rel)) files.push(rel);
    }
  };
  walk(repository);
  for (const file of files) {
    mkdirSync(dirname(join(target, file)), { recursive: true });
    cpSync(join(repository, file), join(target, file));
  }
  return { patterns, files };
}

function splitArgs(args: string): { flags: Record<string, string>; rest: string[] } {
  const flags: Record<string, string> = {};
  const rest: string[] = [];
  for (const word of args.split(/\s+/).filter((part) => part !== '')) {
    const flag = /^--([a-z-]+)=(.*)$/.exec(word);
    if (flag?.[1] !== undefined && rest.length === 0) flags[flag[1]] = flag[2] ?? '';
    else rest.push(word);
  }
  return { flags, rest };
}

export interface BuildOptions {
  /** The build context (already filtered by .dockerignore). */
  contextDir: string;
  /** Where the stages' filesystems go. */
  workDir: string;
  /** The environment RUN steps start from (PATH, HOME...); each stage's ENV is added to it. */
  baseEnv: NodeJS.ProcessEnv;
  log: (line: string) => void;
}

/** Runs every stage of the Dockerfile; returns them, the last being the image. */
export function build(instructions: Instruction[], options: BuildOptions): Stage[] {
  const args: Record<string, string> = {};
  const stages: Stage[] = [];
  const substitute = (text: string) =>
    text.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (whole, name: string) => args[name] ?? whole);
  const current = (keyword: string): Stage => {
    const stage = stages[stages.length - 1];
    if (stage === undefined) throw new Error(`${keyword} before the first FROM`);
    return stage;
  };
  const hostPath = (stage: Stage, path: string) =>
    join(stage.root, posix.isAbsolute(path) ? path : posix.join(stage.workdir, path));

  for (const { keyword, args: raw } of instructions) {
    switch (keyword) {
      case 'ARG': {
        const [name, value] = raw.split('=', 2);
        if (name !== undefined) args[name] = value ?? '';
        break;
      }
      case 'FROM': {
        const match = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(substitute(raw));
        if (match?.[1] === undefined) throw new Error(`unreadable FROM: ${raw}`);
        const name = match[2] ?? String(stages.length);
        const root = join(options.workDir, `stage-${name}`);
        mkdirSync(root, { recursive: true });
        stages.push({
          name,
          image: match[1],
          root,
          workdir: '/',
          env: {},
          user: undefined,
          healthcheck: undefined,
          cmd: undefined,
          stopSignal: undefined,
          exposed: [],
          runs: [],
        });
        break;
      }
      case 'WORKDIR': {
        const stage = current(keyword);
        stage.workdir = posix.resolve(stage.workdir, raw);
        mkdirSync(hostPath(stage, stage.workdir), { recursive: true });
        break;
      }
      case 'ENV': {
        const [name, value] = raw.split('=', 2);
        if (name === undefined || value === undefined) throw new Error(`ENV must be NAME=value: ${raw}`);
        current(keyword).env[name] = value;
        break;
      }
      case 'COPY': {
        const stage = current(keyword);
        const { flags, rest } = splitArgs(raw);
        const destination = rest.pop();
        if (destination === undefined || rest.length === 0)
          throw new Error(`COPY needs a source and a destination: ${raw}`);
        const from =
          flags.from === undefined ? undefined : stages.find((candidate) => candidate.name === flags.from);
        if (flags.from !== undefined && from === undefined)
          throw new Error(`COPY --from=${flags.from}: no such stage`);
        const target = hostPath(stage, destination);
        const intoFolder = destination.endsWith('/') || rest.length > 1;
        for (const source of rest) {
          const origin = from === undefined ? join(options.contextDir, source) : hostPath(from, source);
          if (statSync(origin).isDirectory()) {
            // Docker copies a folder's contents, not the folder itself.
            cpSync(origin, target, { recursive: true, verbatimSymlinks: true });
          } else {
            const file = intoFolder ? join(target, posix.basename(source)) : target;
            mkdirSync(dirname(file), { recursive: true });
            cpSync(origin, file);
          }
        }
        break;
      }
      case 'RUN': {
        const stage = current(keyword);
        if (raw.startsWith('[')) throw new Error(`RUN must use the shell form: ${raw}`);
        stage.runs.push(raw);
        options.log(`[${stage.name}] RUN ${raw}`);
        execFileSync('/bin/sh', ['-c', raw], {
          cwd: hostPath(stage, stage.workdir),
          env: { ...options.baseEnv, ...stage.env },
          stdio: ['ignore', 'pipe', 'pipe'],
          maxBuffer: 64 * 1024 * 1024,
        });
        break;
      }
      case 'USER':
        current(keyword).user = raw;
        break;
      case 'STOPSIGNAL':
        current(keyword).stopSignal = raw;
        break;
      case 'EXPOSE':
        current(keyword).exposed.push(...raw.split(/\s+/));
        break;
      case 'HEALTHCHECK': {
        const match = /^(?:--\S+\s+)*CMD\s+(.*)$/.exec(raw);
        if (match?.[1] === undefined) throw new Error(`HEALTHCHECK must be [options] CMD [...]: ${raw}`);
        current(keyword).healthcheck = execForm(match[1], keyword);
        break;
      }
      case 'CMD':
        current(keyword).cmd = execForm(raw, keyword);
        break;
      default:
        throw new Error(
          `the Dockerfile uses ${keyword}, which test/production/support/dockerfile.ts does not know; teach it, or keep to the instructions it knows`,
        );
    }
  }
  return stages;
}
