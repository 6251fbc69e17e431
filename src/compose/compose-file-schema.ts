import { z } from 'zod';
import { type PortMapping, parsePortEntry, portFromLongSyntax } from './compose-ports';
import { parseVolumeEntry, type VolumeMount } from './compose-volumes';

/**
 * The shape of the Compose keys Berth reads, after interpolation: what Docker Compose accepts for them
 * (https://docs.docker.com/reference/compose-file/), with short and long syntaxes read into one form
 * each. Keys Berth does not read pass through untouched (the caller lists them as ignored); which keys
 * exist at all is checked before this, against compose-keys.ts. Interpolation leaves strings where the
 * file had `${VAR}`, so numbers and booleans are also accepted as the strings Compose would cast.
 */
const integerLike = z.union(
  [
    z.int(),
    z
      .string()
      .regex(/^-?\d+$/)
      .transform(Number),
  ],
  {
    error: 'must be a whole number',
  },
);
const numberLike = z.union(
  [
    z.number(),
    z
      .string()
      .regex(/^\d+(\.\d+)?$/)
      .transform(Number),
  ],
  {
    error: 'must be a number',
  },
);
const booleanLike = z.union(
  [z.boolean(), z.enum(['true', 'false'], 'must be true or false').transform((text) => text === 'true')],
  {
    error: 'must be true or false',
  },
);
const stringList = z.array(z.string());

const BYTE_UNITS: Record<string, number> = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };
/** A size in bytes: a number, or "512m", "1.5g", "2gb" (Docker's units, powers of 1024). */
const byteSize = z
  .union(
    [
      z.int().nonnegative(),
      z.string().regex(/^\d+(\.\d+)?\s*[bkmg]?b?$/i, 'must be a size such as 512m or 2g'),
    ],
    {
      error: 'must be a size such as 512m or 2g',
    },
  )
  .transform((size) => {
    if (typeof size === 'number') return size;
    const [, amount = '0', unit = 'b'] = /^(\d+(?:\.\d+)?)\s*([bkmg])?b?$/i.exec(size) ?? [];
    return Math.round(Number(amount) * (BYTE_UNITS[unit.toLowerCase()] ?? 1));
  });

const DURATION_SECONDS: Record<string, number> = { us: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
/** A duration in seconds, from Compose's "1m30s", "10s", "500ms". */
const duration = z
  .string()
  .regex(/^(\d+(\.\d+)?(us|ms|s|m|h))+$/, 'must be a duration such as 30s or 1m30s')
  .transform((text) =>
    [...text.matchAll(/(\d+(?:\.\d+)?)(us|ms|s|m|h)/g)].reduce(
      (seconds, [, amount = '0', unit = 's']) => seconds + Number(amount) * (DURATION_SECONDS[unit] ?? 0),
      0,
    ),
  );

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
/** `["A=1", "B"]` or `{ A: 1, B: null }`, as environment, labels and sysctls take. */
const listOrMap = z
  .union([stringList, z.record(z.string(), scalar)], { error: 'must be a list of "NAME=value" or a map' })
  .transform((entries): { name: string; value: string | null }[] =>
    Array.isArray(entries)
      ? entries.map((entry) => {
          const equals = entry.indexOf('=');
          return equals < 0
            ? { name: entry, value: null }
            : { name: entry.slice(0, equals), value: entry.slice(equals + 1) };
        })
      : Object.entries(entries).map(([name, value]) => ({
          name,
          value: value === null ? null : String(value),
        })),
  );

const port = z
  .union(
    [
      z.string(),
      z.int(),
      z.looseObject({
        target: integerLike,
        published: z.union([z.string(), z.int()]).optional(),
        protocol: z.string().optional(),
        host_ip: z.string().optional(),
        app_protocol: z.string().optional(),
      }),
    ],
    { error: 'must be a port such as "8080:80" or { target: 80 }' },
  )
  .transform((entry, context): PortMapping => {
    const parsed = typeof entry === 'object' ? portFromLongSyntax(entry) : parsePortEntry(entry);
    if (parsed.ok) return parsed.value;
    context.issues.push({ code: 'custom', message: parsed.message, input: entry });
    return z.NEVER;
  });

const VOLUME_TYPES = ['volume', 'bind', 'tmpfs', 'npipe', 'cluster', 'image'] as const;
const volume = z
  .union(
    [
      z.string(),
      z.looseObject({
        type: z.enum(VOLUME_TYPES),
        source: z.string().optional(),
        target: z.string(),
        read_only: booleanLike.optional(),
      }),
    ],
    { error: 'must be a volume such as "data:/var/lib/data" or { type, source, target }' },
  )
  .transform((entry, context): VolumeMount => {
    if (typeof entry === 'object') {
      return {
        type: entry.type,
        ...(entry.source === undefined ? {} : { source: entry.source }),
        target: entry.target,
        readOnly: entry.read_only ?? false,
      };
    }
    const parsed = parseVolumeEntry(entry);
    if (parsed.ok) return parsed.value;
    context.issues.push({ code: 'custom', message: parsed.message, input: entry });
    return z.NEVER;
  });

const resources = z.looseObject({
  cpus: numberLike.optional(),
  memory: byteSize.optional(),
  devices: z
    .array(
      z.looseObject({
        capabilities: stringList.optional(),
        count: z.union([integerLike, z.literal('all')]).optional(),
        driver: z.string().optional(),
        device_ids: stringList.optional(),
      }),
    )
    .optional(),
});

export const SERVICE_NAME_PATTERN = /^[a-zA-Z0-9._-]+$/;

export const composeServiceSchema = z
  .looseObject({
    image: z.string().optional(),
    build: z
      .union(
        [z.string(), z.looseObject({ context: z.string().optional(), dockerfile: z.string().optional() })],
        {
          error: 'must be a build context path or { context, dockerfile }',
        },
      )
      .optional(),
    ports: z.array(port).optional(),
    expose: z.array(port).optional(),
    volumes: z.array(volume).optional(),
    cap_add: stringList.optional(),
    cap_drop: stringList.optional(),
    privileged: booleanLike.optional(),
    network_mode: z.string().optional(),
    devices: z
      .array(
        z.union([z.string(), z.looseObject({ source: z.string(), target: z.string().optional() })], {
          error: 'must be a device such as "/dev/ttyUSB0:/dev/ttyUSB0" or { source, target }',
        }),
      )
      .optional(),
    deploy: z
      .looseObject({
        replicas: integerLike.optional(),
        resources: z
          .looseObject({ limits: resources.optional(), reservations: resources.optional() })
          .optional(),
      })
      .nullable()
      .optional(),
    cpus: numberLike.optional(),
    mem_limit: byteSize.optional(),
    platform: z.string().optional(),
    healthcheck: z
      .looseObject({
        test: z.union([z.string(), stringList], { error: 'must be a command string or a list' }).optional(),
        interval: duration.optional(),
        timeout: duration.optional(),
        retries: integerLike.optional(),
        start_period: duration.optional(),
        disable: booleanLike.optional(),
      })
      .optional(),
    command: z.union([z.string(), stringList, z.null()], { error: 'must be a string or a list' }).optional(),
    entrypoint: z
      .union([z.string(), stringList, z.null()], { error: 'must be a string or a list' })
      .optional(),
    environment: listOrMap.optional(),
    env_file: z
      .union([z.string(), z.array(z.union([z.string(), z.looseObject({ path: z.string() })]))], {
        error: 'must be a path or a list of paths',
      })
      .optional(),
    secrets: z
      .array(
        z.union([z.string(), z.looseObject({ source: z.string(), target: z.string().optional() })], {
          error: 'must be a secret name or { source, target }',
        }),
      )
      .optional(),
    depends_on: z
      .union(
        [
          stringList,
          z.record(
            z.string(),
            z.looseObject({ condition: z.string().optional(), required: booleanLike.optional() }),
          ),
        ],
        { error: 'must be a list of service names or a map of them' },
      )
      .transform((dependsOn) => (Array.isArray(dependsOn) ? dependsOn : Object.keys(dependsOn)))
      .optional(),
    restart: z.string().optional(),
    profiles: stringList.optional(),
    sysctls: listOrMap.optional(),
    ulimits: z
      .record(z.string(), z.union([integerLike, z.looseObject({ soft: integerLike, hard: integerLike })]))
      .optional(),
    gpus: z
      .union([z.literal('all'), z.array(z.looseObject({}))], { error: 'must be "all" or a list' })
      .optional(),
    scale: integerLike.optional(),
    read_only: booleanLike.optional(),
    stop_grace_period: duration.optional(),
  })
  .superRefine((service, context) => {
    if (service.image === undefined && service.build === undefined)
      context.addIssue({ code: 'custom', message: 'needs an image or a build', path: [] });
  });

export type ComposeService = z.output<typeof composeServiceSchema>;

const named = z.looseObject({ name: z.string().optional(), external: z.unknown().optional() }).nullable();

export const composeFileSchema = z.looseObject({
  version: z.union([z.string(), z.number()]).optional(),
  name: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9_-]*$/,
      'must be lowercase letters, digits, dashes and underscores, from a letter or digit',
    )
    .optional(),
  services: z
    .record(z.string().regex(SERVICE_NAME_PATTERN), composeServiceSchema)
    .refine((services) => Object.keys(services).length > 0, 'must define at least one service'),
  networks: z.record(z.string(), named).optional(),
  volumes: z
    .record(
      z.string(),
      z
        .looseObject({
          driver: z.string().optional(),
          name: z.string().optional(),
          external: z.unknown().optional(),
        })
        .nullable(),
    )
    .optional(),
  secrets: z
    .record(
      z.string(),
      z.looseObject({
        file: z.string().optional(),
        environment: z.string().optional(),
        name: z.string().optional(),
      }),
    )
    .optional(),
});

export type ComposeFileContent = z.output<typeof composeFileSchema>;
