import { echo, fieldErrorsFromZod } from '../contract/field-errors';
import { isRecord, valueAtPath } from '../shared/json-value';
import { type ComposeFileContent, composeFileSchema } from './compose-file-schema';
import { isExtensionKey, nearestKey, SERVICE_KEYS, TOP_LEVEL_KEYS } from './compose-keys';
import { type ComposePath, formatComposePath } from './compose-path';
import type { ComposeProblem } from './compose-problem';
import { parseComposeYaml } from './compose-yaml';
import { interpolateTree, type Variables } from './interpolation';

/**
 * A Compose file read the way Docker Compose reads it, up to the point where Berth maps it: YAML with merge
 * keys, interpolated from the caller's variables, every key checked against the Compose Specification,
 * the keys Berth reads checked for shape, and references between services (depends_on, named volumes,
 * secrets) checked to resolve. Every problem found is reported at once, each at its path in the file and
 * on its line.
 */
export type ComposeFileReading =
  | { ok: true; file: ComposeFileContent; lineOf: (path: ComposePath) => number | undefined }
  | { ok: false; problems: ComposeProblem[] };

export function readComposeFile(text: string, variables: Variables): ComposeFileReading {
  const yaml = parseComposeYaml(text);
  if (!yaml.ok) return yaml;
  const at = (path: ComposePath, message: string, extra: Partial<ComposeProblem> = {}): ComposeProblem => {
    const line = yaml.lineOf(path);
    return { path: formatComposePath(path), message, ...(line === undefined ? {} : { line }), ...extra };
  };
  if (!isRecord(yaml.value))
    return {
      ok: false,
      problems: [at([], 'is not a Compose file: its top level must be a map with "services"')],
    };

  const interpolated = interpolateTree(yaml.value, variables);
  const problems = interpolated.problems.map((problem) => at(problem.path, problem.message));
  // Interpolation rewrites strings only, so the map stays a map.
  const content = isRecord(interpolated.value) ? interpolated.value : yaml.value;
  problems.push(...unknownKeys(content, at));
  if (problems.length > 0) return { ok: false, problems };

  const parsed = composeFileSchema.safeParse(content);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const [error] = fieldErrorsFromZod([issue], content);
        const received = valueAtPath(content, issue.path.map(String));
        return at(
          issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment)),
          error?.message ?? issue.message,
          received === undefined ? {} : { received: echo(received) },
        );
      }),
    };
  }
  const references = unresolvedReferences(parsed.data, at);
  if (references.length > 0) return { ok: false, problems: references };
  return { ok: true, file: parsed.data, lineOf: yaml.lineOf };
}

type Locate = (path: ComposePath, message: string, extra?: Partial<ComposeProblem>) => ComposeProblem;

/** Keys the Compose Specification does not define, at the top level and in each service. */
function unknownKeys(content: Record<string, unknown>, at: Locate): ComposeProblem[] {
  const problems: ComposeProblem[] = [];
  const check = (
    object: Record<string, unknown>,
    known: readonly string[],
    path: ComposePath,
    where: string,
  ) => {
    for (const key of Object.keys(object)) {
      if (known.includes(key) || isExtensionKey(key)) continue;
      const nearest = nearestKey(key, known);
      problems.push(
        at(
          [...path, key],
          `is not a key of ${where} in the Compose Specification${nearest === undefined ? '' : ` (did you mean "${nearest}"?)`}; extensions start with "x-"`,
        ),
      );
    }
  };
  check(content, TOP_LEVEL_KEYS, [], 'a Compose file');
  if ('include' in content)
    problems.push(
      at(
        ['include'],
        'names other files, which Berth cannot read: send the merged file (`docker compose config`)',
      ),
    );
  const services = content.services;
  if (services === undefined) problems.push(at([], 'has no "services": a Compose file defines at least one'));
  else if (!isRecord(services)) problems.push(at(['services'], 'must be a map of service names to services'));
  else {
    for (const [name, service] of Object.entries(services)) {
      if (!isRecord(service)) {
        problems.push(
          at(['services', name], 'must be a map of the service\'s keys (at least "image" or "build")'),
        );
        continue;
      }
      check(service, SERVICE_KEYS, ['services', name], 'a service');
      if ('extends' in service)
        problems.push(
          at(
            ['services', name, 'extends'],
            'is not resolved by Berth: send the merged file (`docker compose config`)',
          ),
        );
    }
  }
  return problems;
}

/** depends_on naming no service (or forming a cycle), and named volumes or secrets the file never declares. */
function unresolvedReferences(file: ComposeFileContent, at: Locate): ComposeProblem[] {
  const problems: ComposeProblem[] = [];
  const services = Object.keys(file.services);
  const declaredVolumes = new Set(Object.keys(file.volumes ?? {}));
  const declaredSecrets = new Set(Object.keys(file.secrets ?? {}));
  for (const [name, service] of Object.entries(file.services)) {
    for (const [index, dependency] of (service.depends_on ?? []).entries()) {
      if (!services.includes(dependency))
        problems.push(
          at(
            ['services', name, 'depends_on', index],
            `names "${dependency}", which is not a service of this file`,
            { allowed: services },
          ),
        );
    }
    for (const [index, mount] of (service.volumes ?? []).entries()) {
      if (mount.type === 'volume' && mount.source !== undefined && !declaredVolumes.has(mount.source))
        problems.push(
          at(
            ['services', name, 'volumes', index],
            `uses the volume "${mount.source}", which the file's top-level "volumes" does not declare`,
          ),
        );
    }
    for (const [index, secret] of (service.secrets ?? []).entries()) {
      const source = typeof secret === 'string' ? secret : secret.source;
      if (!declaredSecrets.has(source))
        problems.push(
          at(
            ['services', name, 'secrets', index],
            `uses the secret "${source}", which the file's top-level "secrets" does not declare`,
          ),
        );
    }
  }
  const cycle = dependencyCycle(file);
  if (cycle !== undefined)
    problems.push(
      at(
        ['services', cycle[0] ?? '', 'depends_on'],
        `forms a cycle: ${cycle.join(' → ')}; Compose cannot start any of them first`,
      ),
    );
  return problems;
}

/** The first depends_on cycle, as the services along it (the first repeated at the end), if any. */
function dependencyCycle(file: ComposeFileContent): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string): string[] | undefined => {
    if (state.get(name) === 'done') return undefined;
    if (state.get(name) === 'visiting') return [...stack.slice(stack.indexOf(name)), name];
    state.set(name, 'visiting');
    stack.push(name);
    for (const dependency of file.services[name]?.depends_on ?? []) {
      if (file.services[dependency] === undefined) continue;
      const cycle = visit(dependency);
      if (cycle !== undefined) return cycle;
    }
    stack.pop();
    state.set(name, 'done');
    return undefined;
  };
  for (const name of Object.keys(file.services).sort()) {
    const cycle = visit(name);
    if (cycle !== undefined) return cycle;
  }
  return undefined;
}
