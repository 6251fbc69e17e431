import type { Logger } from '../../src/logger';

export interface LogLine {
  level: string;
  message: string;
  fields: Record<string, unknown>;
}

/** A logger that keeps every line in `lines`, for tests that look at what was logged. */
export function recordingLogger(lines: LogLine[]): Logger {
  const at =
    (level: string) =>
    (message: string, fields: Record<string, unknown> = {}) =>
      lines.push({ level, message, fields });
  const logger: Logger = {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    fatal: at('fatal'),
    child: () => logger,
    flush: () => Promise.resolve(),
  };
  return logger;
}
