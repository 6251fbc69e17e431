import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';
import type { Logger } from '../logger';
import type { Readiness } from './routes/health';

export interface GracefulShutdownOptions {
  readiness: Readiness;
  logger: Logger;
  /**
   * How long after the signal the server keeps accepting connections (BERTH_SHUTDOWN_DRAIN_MS), so that
   * a load balancer still routing to it while it notices /readyz failing gets answers, not resets.
   */
  drainMs: number;
  /**
   * How long after the signal requests still in flight are cut (BERTH_SHUTDOWN_TIMEOUT_MS); it counts
   * from the signal, drain included, so it bounds the whole shutdown.
   */
  deadlineMs: number;
  /** Closes what the server used (the Redis connection), once no request needs it any more. */
  release?: () => Promise<void>;
}

export type ShutdownExitCode = 0 | 1;

/** What one shutdown does, as it happens. */
export interface ShutdownProgress {
  /** Settles once the drain period is over and the server no longer accepts connections. */
  stoppedListening: Promise<void>;
  /** 0 once every request accepted was answered; 1 when the deadline cut some. */
  exitCode: Promise<ShutdownExitCode>;
}

export const SHUTDOWN_MESSAGES = {
  draining: 'shutting down: /readyz fails; still accepting connections for the drain period',
  stoppedListening: 'drain period over: accepting no new connections, finishing the requests in flight',
  answeredAll: 'shut down: every request was answered',
  deadlinePassed: 'shutdown deadline passed: closing connections with requests still in flight',
} as const;

/**
 * A connection that has never carried a request is closed once it has been open this long after the
 * server stopped listening: by then a request sent on it would have been read.
 */
const UNUSED_CONNECTION_GRACE_MS = 1000;

interface ConnectionState {
  openedAt: number;
  /** Requests on it whose answers have not finished. */
  unanswered: number;
  /** Bytes read from it when its last answer finished: more since means another request is arriving. */
  bytesReadWhenIdle: number | undefined;
}

/**
 * Shuts an HTTP server down without losing a request: on the signal /readyz fails at once and every
 * answer carries `Connection: close`, but the server keeps accepting connections for the drain period,
 * since a load balancer routes new connections to it until it sees /readyz fail (a listener that closed
 * at once would reset the connections waiting in the kernel's accept queue). Then it stops listening,
 * answers every request in flight, closes the connections that are idle (never one a client has sent
 * bytes on), releases what it used, and reports exit code 0. Requests still in flight at the deadline
 * are cut and it reports 1.
 */
export class GracefulShutdown {
  readonly #server: Server;
  readonly #options: GracefulShutdownOptions;
  readonly #connections = new Map<Socket, ConnectionState>();
  readonly #inFlight = new Set<ServerResponse>();
  #progress: ShutdownProgress | undefined;
  #listening = true;

  constructor(server: Server, options: GracefulShutdownOptions) {
    this.#server = server;
    this.#options = options;
    server.on('connection', (socket: Socket) => {
      this.#connections.set(socket, { openedAt: Date.now(), unanswered: 0, bytesReadWhenIdle: undefined });
      socket.once('close', () => this.#connections.delete(socket));
    });
    server.on('request', (req: IncomingMessage, res: ServerResponse) => this.#track(req, res));
  }

  /** Starts shutting down; a second signal changes nothing and gets the same progress. */
  begin(signal: string): ShutdownProgress {
    const { logger, readiness, drainMs, deadlineMs } = this.#options;
    if (this.#progress !== undefined) {
      logger.warn(`${signal} received while already shutting down`, { inFlight: this.#inFlight.size });
      return this.#progress;
    }
    readiness.ready = false;
    readiness.reason = 'shutting down';
    logger.info(SHUTDOWN_MESSAGES.draining, { signal, drainMs, deadlineMs, inFlight: this.#inFlight.size });
    for (const res of this.#inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');

    let settle: (code: ShutdownExitCode) => void = () => undefined;
    const exitCode = new Promise<ShutdownExitCode>((resolve) => {
      settle = resolve;
    });
    let settled = false;
    const finish = (code: ShutdownExitCode) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      clearTimeout(drain);
      settle(code);
    };
    const release = async () => {
      try {
        await this.#options.release?.();
      } catch (error) {
        logger.warn('could not release a resource while shutting down', { error });
      }
    };

    const deadline = setTimeout(() => {
      const cut = this.#inFlight.size;
      if (cut > 0) logger.error(SHUTDOWN_MESSAGES.deadlinePassed, { signal, inFlight: cut, deadlineMs });
      this.#server.closeAllConnections();
      // The deadline bounds the whole shutdown: releasing is not waited for any longer.
      void release();
      finish(cut > 0 ? 1 : 0);
    }, deadlineMs);
    // The listener and the connections keep the process alive while they matter; the timers need not.
    deadline.unref();

    let drain: NodeJS.Timeout | undefined;
    const stoppedListening = new Promise<void>((resolve) => {
      const stopListening = () => {
        this.#listening = false;
        logger.info(SHUTDOWN_MESSAGES.stoppedListening, { signal, inFlight: this.#inFlight.size });
        // net.Server#close stops listening; http.Server#close would also close every connection that
        // looks idle at once, including one whose request has arrived but not been read yet.
        Reflect.apply(NetServer.prototype.close, this.#server, [
          () => {
            if (settled) return;
            logger.info(SHUTDOWN_MESSAGES.answeredAll, { signal });
            void release().then(() => finish(0));
          },
        ]);
        this.#closeIdleConnections();
        resolve();
      };
      if (drainMs === 0) stopListening();
      else drain = setTimeout(stopListening, drainMs).unref();
    });
    this.#progress = { stoppedListening, exitCode };
    return this.#progress;
  }

  #track(req: IncomingMessage, res: ServerResponse): void {
    const state = this.#connections.get(req.socket);
    if (state !== undefined) state.unanswered += 1;
    this.#inFlight.add(res);
    if (this.#progress !== undefined) res.setHeader('Connection', 'close');
    res.once('close', () => {
      this.#inFlight.delete(res);
      if (state !== undefined) {
        state.unanswered -= 1;
        state.bytesReadWhenIdle = req.socket.bytesRead;
      }
      // A keep-alive connection whose answer was under way when shutdown began is idle now.
      if (!this.#listening) this.#closeIdleConnections();
    });
  }

  /**
   * Closes the connections nobody is using: a keep-alive connection whose last answer is out and that
   * has received nothing since, and one that never received a byte once it is old enough for a request
   * to have been read from it. Run after the poll phase (setImmediate), so bytes that have arrived are
   * counted first; a connection that has started a request is left to the server's timeouts.
   */
  #closeIdleConnections(): void {
    setImmediate(() => {
      const now = Date.now();
      for (const [socket, state] of this.#connections) {
        if (state.unanswered > 0) continue;
        if (state.bytesReadWhenIdle === undefined) {
          if (socket.bytesRead > 0) continue;
          const age = now - state.openedAt;
          if (age >= UNUSED_CONNECTION_GRACE_MS) socket.destroy();
          else setTimeout(() => this.#closeIdleConnections(), UNUSED_CONNECTION_GRACE_MS - age).unref();
        } else if (socket.bytesRead === state.bytesReadWhenIdle) {
          socket.destroy();
        }
      }
    });
  }
}
