import { isRecord } from '../../shared/json-value';
import type { JsonSchema } from '../workload-json-schema';

/** How a flag's text becomes a request value: `list` is comma-separated (`NET_ADMIN,SYS_PTRACE`). */
type Kind = 'string' | 'number' | 'boolean' | 'list';

interface WorkloadFlag {
  flag: string;
  /** The request field the flag sets, dotted as the API's error paths are. */
  path: string;
  kind: Kind;
}

/**
 * The flags of `berth recommend`, one per request field. The names are short where the issue that
 * asked for them used short names (`--type`, `--protocol`, `--kubernetes`); the values, defaults and
 * enums come from the request schema, and the values are checked by the API's own validation.
 */
export const WORKLOAD_FLAGS: readonly WorkloadFlag[] = [
  { flag: 'name', path: 'name', kind: 'string' },
  { flag: 'type', path: 'workloadType', kind: 'string' },
  { flag: 'protocol', path: 'traffic.protocol', kind: 'string' },
  { flag: 'exposure', path: 'traffic.exposure', kind: 'string' },
  { flag: 'pattern', path: 'traffic.pattern', kind: 'string' },
  { flag: 'requests-per-second', path: 'traffic.requestsPerSecond', kind: 'number' },
  { flag: 'tls-termination', path: 'traffic.tlsTermination', kind: 'string' },
  { flag: 'sticky-sessions', path: 'traffic.stickySessions', kind: 'boolean' },
  { flag: 'health-check-port', path: 'traffic.healthCheckPort', kind: 'number' },
  { flag: 'persistence', path: 'persistence.type', kind: 'string' },
  { flag: 'size-gib', path: 'persistence.sizeGiB', kind: 'number' },
  { flag: 'control', path: 'control.level', kind: 'string' },
  { flag: 'kubernetes', path: 'control.kubernetes', kind: 'string' },
  { flag: 'gpu', path: 'control.gpu', kind: 'boolean' },
  { flag: 'privileged', path: 'control.privileged', kind: 'boolean' },
  { flag: 'daemons', path: 'control.daemons', kind: 'boolean' },
  { flag: 'os', path: 'control.os', kind: 'string' },
  { flag: 'architecture', path: 'control.architecture', kind: 'string' },
  { flag: 'capabilities', path: 'control.capabilities', kind: 'list' },
  { flag: 'host-network', path: 'control.hostNetwork', kind: 'boolean' },
  { flag: 'cost', path: 'cost.sensitivity', kind: 'string' },
  { flag: 'interruptible', path: 'cost.interruptible', kind: 'boolean' },
  { flag: 'cpu', path: 'resources.cpu', kind: 'number' },
  { flag: 'memory-gib', path: 'resources.memoryGiB', kind: 'number' },
  { flag: 'min-tasks', path: 'resources.minTasks', kind: 'number' },
  { flag: 'max-tasks', path: 'resources.maxTasks', kind: 'number' },
  { flag: 'target-cpu-utilization', path: 'resources.targetCpuUtilization', kind: 'number' },
  { flag: 'ephemeral-storage-gib', path: 'resources.ephemeralStorageGiB', kind: 'number' },
  { flag: 'expected-run-minutes', path: 'resources.expectedRunMinutes', kind: 'number' },
  { flag: 'trigger', path: 'trigger.type', kind: 'string' },
  { flag: 'expression', path: 'trigger.expression', kind: 'string' },
  { flag: 'bucket', path: 'trigger.bucket', kind: 'string' },
  { flag: 'prefix', path: 'trigger.prefix', kind: 'string' },
  { flag: 'queue-name', path: 'trigger.queueName', kind: 'string' },
  { flag: 'container-port', path: 'containerPort', kind: 'number' },
  { flag: 'health-check-path', path: 'healthCheckPath', kind: 'string' },
  { flag: 'image', path: 'image', kind: 'string' },
  { flag: 'existing-app-runner-customer', path: 'existingAppRunnerCustomer', kind: 'boolean' },
  { flag: 'region', path: 'region', kind: 'string' },
];

/** `--access service:access:resource`, repeatable: one `awsAccess` entry each. */
const ACCESS_FLAG = { flag: 'access', path: 'awsAccess' } as const;
/** `--env NAME=value`, repeatable: one `environment` variable each. */
const ENV_FLAG = { flag: 'env', path: 'environment' } as const;
/** `--secret NAME`, repeatable: one `secrets` entry each. */
const SECRET_FLAG = { flag: 'secret', path: 'secrets' } as const;
const REPEATABLE_FLAGS = [ACCESS_FLAG, ENV_FLAG, SECRET_FLAG] as const;

type ParseArgsOption = { type: 'string' | 'boolean'; multiple?: boolean };

/** The workload flags as `util.parseArgs` options. */
export function workloadParseOptions(): Record<string, ParseArgsOption> {
  const options: Record<string, ParseArgsOption> = Object.fromEntries(
    WORKLOAD_FLAGS.map(({ flag, kind }) => [flag, { type: kind === 'boolean' ? 'boolean' : 'string' }]),
  );
  for (const { flag } of REPEATABLE_FLAGS) options[flag] = { type: 'string', multiple: true };
  return options;
}

/**
 * Lays the flags that were given over a request body (from --file, or empty). Values are converted only
 * as far as their kind says (a number flag that is not a number stays text), so every problem is found
 * and reported by the API's validation, with the field's path.
 */
export function applyWorkloadFlags(
  body: Record<string, unknown>,
  values: Record<string, unknown>,
): Record<string, unknown> {
  for (const { flag, path, kind } of WORKLOAD_FLAGS) {
    const value = values[flag];
    if (value === undefined) continue;
    setPath(body, path.split('.'), converted(kind, value));
  }
  const access = values[ACCESS_FLAG.flag];
  if (Array.isArray(access)) {
    const entries = Array.isArray(body.awsAccess) ? [...(body.awsAccess as unknown[])] : [];
    body.awsAccess = [...entries, ...access.map((entry) => accessEntry(String(entry)))];
  }
  const variables = values[ENV_FLAG.flag];
  if (Array.isArray(variables)) {
    const environment = isRecord(body.environment) ? { ...body.environment } : {};
    for (const entry of variables) {
      // NAME=value; a flag without "=" sets an empty value, and the API checks the name.
      const [name = '', ...value] = String(entry).split('=');
      environment[name] = value.join('=');
    }
    body.environment = environment;
  }
  const secrets = values[SECRET_FLAG.flag];
  if (Array.isArray(secrets)) {
    const entries = Array.isArray(body.secrets) ? [...(body.secrets as unknown[])] : [];
    body.secrets = [...entries, ...secrets.map((name) => ({ name: String(name) }))];
  }
  return body;
}

/** The flag that sets a request field, for error messages: `traffic.protocol` -> `--protocol`. */
export function flagForPath(path: string): string | undefined {
  const repeatable = REPEATABLE_FLAGS.find(
    (entry) => path === entry.path || path.startsWith(`${entry.path}.`),
  );
  if (repeatable !== undefined) return `--${repeatable.flag}`;
  const match = WORKLOAD_FLAGS.find((entry) => path === entry.path);
  return match === undefined ? undefined : `--${match.flag}`;
}

/** Help lines for the workload flags, with the enums and defaults of the request schema. */
export function workloadFlagHelp(schema: JsonSchema): string[] {
  const lines = WORKLOAD_FLAGS.map(({ flag, path, kind }) => {
    const field = fieldSchema(schema, path);
    const values = Array.isArray(field?.enum)
      ? (field.enum as unknown[]).join('|')
      : kind === 'boolean'
        ? ''
        : kind === 'number'
          ? 'N'
          : kind === 'list'
            ? 'A,B,...'
            : 'TEXT';
    const defaultValue = field?.default === undefined ? '' : ` (default ${JSON.stringify(field.default)})`;
    const required = path === 'workloadType' ? ' (required)' : '';
    return column(`--${flag}${values === '' ? '' : ` ${values}`}`, `${path}${required}${defaultValue}`);
  });
  lines.push(
    column(
      `--${ACCESS_FLAG.flag} SERVICE:ACCESS:RESOURCE`,
      'awsAccess[], repeatable, e.g. s3:read:arn:aws:s3:::uploads/*',
    ),
    column(`--${ENV_FLAG.flag} NAME=VALUE`, 'environment, repeatable; secret-looking names move to secrets'),
    column(`--${SECRET_FLAG.flag} NAME`, 'secrets[], repeatable: read from Secrets Manager'),
  );
  return lines;
}

function column(flag: string, field: string): string {
  const left = `  ${flag}`;
  return left.length < 56 ? `${left.padEnd(56)}${field}` : `${left}\n${' '.repeat(56)}${field}`;
}

function fieldSchema(schema: JsonSchema, path: string): JsonSchema | undefined {
  let current: JsonSchema | undefined = schema;
  for (const key of path.split('.')) {
    const properties = current?.properties as Record<string, JsonSchema> | undefined;
    current = properties?.[key];
  }
  return current;
}

function accessEntry(text: string): Record<string, string> {
  const [service, access, ...resource] = text.split(':');
  const entry: Record<string, string> = {};
  if (service) entry.service = service;
  if (access) entry.access = access;
  if (resource.length > 0) entry.resource = resource.join(':');
  return entry;
}

function converted(kind: Kind, value: unknown): unknown {
  if (kind === 'number') return toNumber(String(value));
  // An empty flag (`--capabilities ''`) is the empty list, not a list of one empty name.
  if (kind === 'list')
    return String(value) === ''
      ? []
      : String(value)
          .split(',')
          .map((item) => item.trim());
  return value;
}

function toNumber(text: string): number | string {
  const value = Number(text);
  return text.trim() === '' || Number.isNaN(value) ? text : value;
}

function setPath(body: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let current = body;
  for (const key of path.slice(0, -1)) {
    const next = current[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) current[key] = {};
    current = current[key] as Record<string, unknown>;
  }
  const last = path[path.length - 1];
  if (last !== undefined) current[last] = value;
}
