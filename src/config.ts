import { z } from 'zod';

/**
 * The service's configuration, read from the environment once at start-up and validated; the only
 * module that reads process.env (server.ts passes it in). A bad value stops the process with a message
 * naming the variable, the value received (never for a secret) and what is allowed. Every default is
 * declared here, next to its variable, and .env.example lists each variable set to its default (a test
 * checks that the two agree). An empty value counts as unset.
 */

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** An optional variable holding a whole number in [min, max]. */
function wholeNumber(fallback: number, min: number, max: number) {
  const allowed = `a whole number from ${min} to ${max}`;
  return z
    .string()
    .optional()
    .transform((raw, context) => {
      if (raw === undefined) return fallback;
      const value = Number(raw.trim());
      if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
        context.addIssue({ code: 'custom', message: `must be ${allowed}` });
        return z.NEVER;
      }
      return value;
    });
}

function flag(fallback: boolean) {
  return z
    .string()
    .optional()
    .transform((raw, context) => {
      if (raw === undefined) return fallback;
      const value = raw.trim().toLowerCase();
      if (value !== 'true' && value !== 'false') {
        context.addIssue({ code: 'custom', message: 'must be true or false' });
        return z.NEVER;
      }
      return value === 'true';
    });
}

/** An optional comma-separated list; each item trimmed, empty items dropped, each checked by `check`. */
function list(check: (item: string) => string | undefined) {
  return z
    .string()
    .optional()
    .transform((raw, context) => {
      const items = (raw ?? '')
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
      items.forEach((item, index) => {
        const problem = check(item);
        if (problem !== undefined)
          context.addIssue({ code: 'custom', message: `item ${index + 1} ${problem}` });
      });
      return items;
    });
}

const MIN_API_KEY_LENGTH = 16;

const configSchema = z.object({
  /** TCP port to listen on. Default 3000. */
  PORT: wholeNumber(3000, 0, 65_535),
  /** Largest accepted request body, in bytes. Default 64 KiB. */
  BERTH_BODY_LIMIT_BYTES: wholeNumber(64 * 1024, 1024, 10 * 1024 * 1024),
  /**
   * Bytes the answer cache may hold: the stored (compressed) answers with their keys. Default 32 MiB;
   * 0 turns the cache off.
   */
  BERTH_CACHE_BYTES: wholeNumber(32 * 1024 * 1024, 0, 4 * 1024 * 1024 * 1024),
  /** Lowest log level written (pino levels). Default info. */
  BERTH_LOG_LEVEL: z
    .string()
    .optional()
    .transform((raw, context): LogLevel => {
      if (raw === undefined) return 'info';
      const level = LOG_LEVELS.find((candidate) => candidate === raw.trim().toLowerCase());
      if (level === undefined) {
        context.addIssue({ code: 'custom', message: `must be one of ${LOG_LEVELS.join(', ')}` });
        return z.NEVER;
      }
      return level;
    }),
  /** Whether the request log includes request bodies. Default false: workloads may name private resources. */
  BERTH_LOG_BODIES: flag(false),
  /**
   * Comma-separated API keys. Default none: /v1/* and /mcp are open. When set, they require
   * `Authorization: Bearer <one of the keys>`; /healthz, /readyz, /docs, /openapi.* and the workbench's
   * page and assets (/, /assets/) stay open.
   */
  BERTH_API_KEYS: list((key) =>
    key.length < MIN_API_KEY_LENGTH
      ? `is ${key.length} characters long; an API key needs at least ${MIN_API_KEY_LENGTH}`
      : /\s/.test(key)
        ? 'contains whitespace, which an Authorization header cannot carry'
        : undefined,
  ),
  /** Whether /metrics requires an API key too (only when BERTH_API_KEYS is set). Default false. */
  BERTH_METRICS_REQUIRE_API_KEY: flag(false),
  /**
   * Comma-separated origins (scheme://host[:port]) that browsers may call the API from. Default none:
   * CORS is off and no Access-Control-* header is sent.
   */
  BERTH_CORS_ORIGINS: list((origin) => {
    try {
      const url = new URL(origin);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === origin
        ? undefined
        : `"${origin}" is not an origin; write it as scheme://host[:port], e.g. https://portal.example.com`;
    } catch {
      return `"${origin}" is not an origin; write it as scheme://host[:port], e.g. https://portal.example.com`;
    }
  }),
  /**
   * Requests each API key (or, without a key, each client IP) may make to /v1/* and /mcp per window.
   * Default 600; 0 turns rate limiting off.
   */
  BERTH_RATE_LIMIT_REQUESTS: wholeNumber(600, 0, 100_000_000),
  /**
   * A Redis (or Valkey) URL, `redis://` or `rediss://` (TLS), through which every replica shares the rate
   * limit's counts. Default none: each process counts its own.
   */
  BERTH_RATE_LIMIT_REDIS_URL: z
    .string()
    .optional()
    .superRefine((raw, context) => {
      if (raw === undefined) return;
      const allowed = 'must be a URL redis://[[user]:password@]host[:port][/database], or rediss://… for TLS';
      let url: URL;
      try {
        url = new URL(raw.trim());
      } catch {
        context.addIssue({ code: 'custom', message: allowed });
        return;
      }
      if ((url.protocol !== 'redis:' && url.protocol !== 'rediss:') || url.hostname === '') {
        context.addIssue({ code: 'custom', message: allowed });
      } else if (!/^\/?\d*$/.test(url.pathname)) {
        context.addIssue({ code: 'custom', message: `${allowed}: the path, if any, is a database number` });
      }
    })
    .transform((raw) => raw?.trim()),
  /** The rate-limit window, in seconds. Default 60. */
  BERTH_RATE_LIMIT_WINDOW_SECONDS: wholeNumber(60, 1, 86_400),
  /**
   * How many proxies (load balancers) stand in front of Berth, so the client IP is read from that many
   * X-Forwarded-For entries. Default 0 (the socket's address); 1 behind an Application Load Balancer.
   */
  BERTH_TRUST_PROXY_HOPS: wholeNumber(0, 0, 10),
  /**
   * Longest a request may take, receiving it and answering it, in milliseconds; a request still
   * unanswered then gets a 503. Default 10 000.
   */
  BERTH_REQUEST_TIMEOUT_MS: wholeNumber(10_000, 100, 600_000),
  /**
   * How long an idle keep-alive connection stays open, in milliseconds. Default 65 000: longer than an
   * Application Load Balancer's default 60 s idle timeout, so the load balancer closes first.
   */
  BERTH_KEEP_ALIVE_TIMEOUT_MS: wholeNumber(65_000, 1000, 600_000),
  /**
   * On SIGTERM or SIGINT, how long in-flight requests have to finish before the process gives up on
   * them and exits with status 1, in milliseconds. Default 25 000 (ECS and Kubernetes wait 30 s
   * before they kill the container).
   */
  BERTH_SHUTDOWN_TIMEOUT_MS: wholeNumber(25_000, 0, 600_000),
  /**
   * On SIGTERM or SIGINT, how long Berth keeps accepting connections (answering each with
   * `Connection: close`, /readyz failing) before it stops listening, in milliseconds: the time a load
   * balancer takes to notice. Part of BERTH_SHUTDOWN_TIMEOUT_MS, which counts from the same signal, so
   * it must be shorter. Default 5000; 0 stops listening at once.
   */
  BERTH_SHUTDOWN_DRAIN_MS: wholeNumber(5000, 0, 600_000),
});

/**
 * Variables Berth read once and no longer does, each with what to set instead: start-up warns about each
 * one still set, so a setting that stopped working does not go unnoticed.
 */
const RETIRED_VARIABLES: Readonly<Record<string, string>> = {
  BERTH_CACHE_ENTRIES:
    'the answer cache is bounded in bytes now, not in entries: set BERTH_CACHE_BYTES instead (default 33554432, 32 MiB; 0 turns the cache off)',
};

/**
 * Checks between variables, once each is valid on its own: the drain is part of the shutdown deadline,
 * so a drain as long as the deadline would cut the requests it accepted.
 */
const checkedConfigSchema = configSchema.superRefine((values, context) => {
  const drain = values.BERTH_SHUTDOWN_DRAIN_MS;
  const deadline = values.BERTH_SHUTDOWN_TIMEOUT_MS;
  if (drain > 0 && drain >= deadline) {
    context.addIssue({
      code: 'custom',
      path: ['BERTH_SHUTDOWN_DRAIN_MS'],
      message: `(a drain of ${drain} ms) must be shorter than BERTH_SHUTDOWN_TIMEOUT_MS (${deadline} ms), which counts from the same signal and must leave time to answer the requests accepted during the drain; 0 turns the drain off`,
    });
  }
});

/** Settings that are allowed but unwise, logged as warnings at start-up. */
function warningsFor(values: z.output<typeof configSchema>): string[] {
  const warnings: string[] = [];
  if (values.BERTH_RATE_LIMIT_REDIS_URL !== undefined && values.BERTH_RATE_LIMIT_REQUESTS === 0) {
    warnings.push(
      'BERTH_RATE_LIMIT_REDIS_URL is set but BERTH_RATE_LIMIT_REQUESTS is 0: there is no limit to share',
    );
  }
  const { BERTH_SHUTDOWN_DRAIN_MS: drain, BERTH_REQUEST_TIMEOUT_MS: request } = values;
  const deadline = values.BERTH_SHUTDOWN_TIMEOUT_MS;
  if (drain + request > deadline) {
    warnings.push(
      `BERTH_SHUTDOWN_DRAIN_MS (${drain}) + BERTH_REQUEST_TIMEOUT_MS (${request}) is more than BERTH_SHUTDOWN_TIMEOUT_MS (${deadline}): a request accepted late in the drain may be cut by the shutdown deadline before its own timeout`,
    );
  }
  return warnings;
}

/** Variables whose values are never repeated in an error message or a log. */
// A Redis URL may carry a password.
const SECRET_VARIABLES = new Set(['BERTH_API_KEYS', 'BERTH_RATE_LIMIT_REDIS_URL']);

/** Every variable Berth reads, as .env.example documents them. */
export const CONFIG_VARIABLES = Object.keys(configSchema.shape);

export interface Config {
  port: number;
  bodyLimitBytes: number;
  /** Bytes the answer cache may hold; 0 turns the cache off. */
  cacheBytes: number;
  logLevel: LogLevel;
  logBodies: boolean;
  /** The accepted API keys; empty leaves the API open. */
  apiKeys: string[];
  metricsRequireApiKey: boolean;
  corsOrigins: string[];
  /** Requests per window per caller; 0 turns rate limiting off. */
  rateLimitRequests: number;
  rateLimitWindowMs: number;
  /** The Redis through which replicas share rate-limit counts; undefined: each process counts its own. */
  rateLimitRedisUrl: string | undefined;
  trustProxyHops: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  shutdownTimeoutMs: number;
  /** How long after the signal Berth keeps accepting connections; part of shutdownTimeoutMs. */
  shutdownDrainMs: number;
  /** Allowed but unwise combinations of values, logged at start-up. */
  warnings: string[];
  /** BERTH_* variables that are set but that Berth does not read (a typo, usually); logged at start-up. */
  unknownVariables: string[];
  /** Variables that are set but that Berth no longer reads, each with what to set instead; logged at start-up. */
  retiredVariables: RetiredVariable[];
}

export interface RetiredVariable {
  variable: string;
  instead: string;
}

/** One bad variable: its name, the value received (hidden for secrets) and what is allowed. */
export interface ConfigProblem {
  variable: string;
  received: string;
  message: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';

  constructor(readonly problems: ConfigProblem[]) {
    super(problems.map((problem) => `${problem.variable}=${problem.received} ${problem.message}`).join('; '));
  }
}

export function readConfig(env: Record<string, string | undefined>): Config {
  const set = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = checkedConfigSchema.safeParse(set);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const variable = String(issue.path[0]);
        return {
          variable,
          received: SECRET_VARIABLES.has(variable)
            ? '(hidden)'
            : variable in set
              ? JSON.stringify(set[variable])
              : '(not set)',
          message: issue.message,
        };
      }),
    );
  }
  const values = parsed.data;
  return {
    port: values.PORT,
    bodyLimitBytes: values.BERTH_BODY_LIMIT_BYTES,
    cacheBytes: values.BERTH_CACHE_BYTES,
    logLevel: values.BERTH_LOG_LEVEL,
    logBodies: values.BERTH_LOG_BODIES,
    apiKeys: values.BERTH_API_KEYS,
    metricsRequireApiKey: values.BERTH_METRICS_REQUIRE_API_KEY,
    corsOrigins: values.BERTH_CORS_ORIGINS,
    rateLimitRequests: values.BERTH_RATE_LIMIT_REQUESTS,
    rateLimitWindowMs: values.BERTH_RATE_LIMIT_WINDOW_SECONDS * 1000,
    rateLimitRedisUrl: values.BERTH_RATE_LIMIT_REDIS_URL,
    trustProxyHops: values.BERTH_TRUST_PROXY_HOPS,
    requestTimeoutMs: values.BERTH_REQUEST_TIMEOUT_MS,
    keepAliveTimeoutMs: values.BERTH_KEEP_ALIVE_TIMEOUT_MS,
    shutdownTimeoutMs: values.BERTH_SHUTDOWN_TIMEOUT_MS,
    shutdownDrainMs: values.BERTH_SHUTDOWN_DRAIN_MS,
    warnings: warningsFor(values),
    unknownVariables: Object.keys(set).filter(
      (name) => name.startsWith('BERTH_') && !CONFIG_VARIABLES.includes(name) && !(name in RETIRED_VARIABLES),
    ),
    retiredVariables: Object.entries(RETIRED_VARIABLES)
      .filter(([variable]) => variable in set)
      .map(([variable, instead]) => ({ variable, instead })),
  };
}
