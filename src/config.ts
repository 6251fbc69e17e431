import { z } from 'zod';

/**
 * The service's configuration, read from the environment once at start-up and validated; the only
 * module that reads process.env. A bad value stops the process with a message naming the variable.
 */
const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  BERTH_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(10 * 1024 * 1024)
    .default(64 * 1024),
  BERTH_CACHE_ENTRIES: z.coerce.number().int().min(0).max(1_000_000).default(1024),
});

export interface Config {
  port: number;
  bodyLimitBytes: number;
  /** Distinct request bodies whose answers stay cached; 0 turns the cache off. */
  cacheEntries: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function readConfig(env: Record<string, string | undefined>): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues
        .map(
          (issue) =>
            `${issue.path.join('.')}=${JSON.stringify(env[String(issue.path[0])])}: ${issue.message}`,
        )
        .join('; '),
    );
  }
  return {
    port: parsed.data.PORT,
    bodyLimitBytes: parsed.data.BERTH_BODY_LIMIT_BYTES,
    cacheEntries: parsed.data.BERTH_CACHE_ENTRIES,
  };
}
