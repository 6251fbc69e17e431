import pino from 'pino';
import type { LogLevel } from './config';

type Fields = Record<string, unknown>;

/**
 * Structured JSON lines (pino) on stdout, one object per line with `level`, `time`, `msg` and the
 * fields. The one place that writes logs, so the rest of the code never touches the console. Messages
 * come first and fields second, whatever pino's own argument order.
 */
export interface Logger {
  debug(message: string, fields?: Fields): void;
  info(message: string, fields?: Fields): void;
  warn(message: string, fields?: Fields): void;
  error(message: string, fields?: Fields): void;
  fatal(message: string, fields?: Fields): void;
  /** A logger that adds `bindings` to every line, e.g. the request id. */
  child(bindings: Fields): Logger;
  /** Settles once every line logged so far is written: call it before process.exit(). */
  flush(): Promise<void>;
}

export interface LoggerOptions {
  level: LogLevel;
  /** Where lines go; stdout (asynchronously, flushed when the process exits) when absent. */
  destination?: pino.DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger {
  const base = pino(
    {
      level: options.level,
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
      // An `error` field (an Error) is logged with its type, message and stack, as pino logs `err`.
      serializers: { error: pino.stdSerializers.err },
    },
    options.destination,
  );
  return wrap(base);
}

function wrap(base: pino.Logger): Logger {
  return {
    debug: (message, fields) => base.debug(fields ?? {}, message),
    info: (message, fields) => base.info(fields ?? {}, message),
    warn: (message, fields) => base.warn(fields ?? {}, message),
    error: (message, fields) => base.error(fields ?? {}, message),
    fatal: (message, fields) => base.fatal(fields ?? {}, message),
    child: (bindings) => wrap(base.child(bindings)),
    flush: () => new Promise((resolve) => base.flush(() => resolve())),
  };
}

const drop = () => undefined;

/** A logger that drops everything, for tests that do not look at logs. */
export const silentLogger: Logger = {
  debug: drop,
  info: drop,
  warn: drop,
  error: drop,
  fatal: drop,
  child: () => silentLogger,
  flush: () => Promise.resolve(),
};
