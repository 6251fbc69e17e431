import { createClient } from 'redis';
import type { Logger } from '../logger';
import { WarningThrottle } from '../observability/warning-throttle';

export interface RedisConnectionOptions {
  /** `redis://` or `rediss://` (TLS) `[[user]:password@]host[:port][/database]`. */
  url: string;
  logger: Logger;
  /** How long one command may wait for Redis before it fails. Default 1000 ms. */
  commandTimeoutMs?: number;
  /** How often a warning about an unreachable Redis is repeated. Default 60 000 ms. */
  warningIntervalMs?: number;
}

type RedisClient = ReturnType<typeof createClient>;

/** A Redis reply to a raw command, as node-redis gives it. */
export type RedisReply = Awaited<ReturnType<RedisClient['sendCommand']>>;

/** Where Redis is, for logs: the URL without its password. */
export function redisLocation(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname.length > 1 ? parsed.pathname : ''}`;
}

/** How long a reconnection waits: 100 ms, doubling, at most 5 s. It never gives up. */
function reconnectDelay(retries: number): number {
  return Math.min(100 * 2 ** retries, 5000);
}

/**
 * One connection to Redis (node-redis) that never stands in the way of an answer: it connects in the
 * background (start-up and /readyz do not wait for it), reconnects forever, fails a command at once while it is
 * not connected (no offline queue to wait in) and after `commandTimeoutMs` when Redis does not answer,
 * and logs when Redis goes away and comes back (repeating the warning at most once a minute), never
 * throwing from its connection errors.
 */
export class RedisConnection {
  readonly #client: RedisClient;
  readonly #logger: Logger;
  readonly #location: string;
  readonly #unreachable: WarningThrottle;
  readonly #readyListeners: (() => void)[] = [];
  #wasReady = false;
  #closing = false;

  constructor(options: RedisConnectionOptions) {
    this.#logger = options.logger;
    this.#location = redisLocation(options.url);
    this.#unreachable = new WarningThrottle(options.warningIntervalMs ?? 60_000);
    this.#client = createClient({
      url: options.url,
      disableOfflineQueue: true,
      // A connection a NAT or a failover dropped silently is noticed within this, not at the next request.
      pingInterval: 10_000,
      commandOptions: { timeout: options.commandTimeoutMs ?? 1000 },
      socket: { connectTimeout: 5000, reconnectStrategy: reconnectDelay },
    });
    this.#client.on('ready', () => this.#onReady());
    this.#client.on('error', (error: unknown) => this.#onError(error));
  }

  /**
   * Starts connecting, in the background: nothing waits for it. Call it once start-up's synchronous work
   * is done, or a busy event loop can make the first attempt time out.
   */
  connect(): void {
    this.#client.connect().catch((error: unknown) => {
      if (!this.#closing) this.#logger.error('cannot connect to Redis', { redis: this.#location, error });
    });
  }

  get isReady(): boolean {
    return this.#client.isReady;
  }

  /** Calls `listener` every time the connection becomes ready (after start-up, and after each outage). */
  onReady(listener: () => void): void {
    this.#readyListeners.push(listener);
  }

  sendCommand(args: string[]): Promise<RedisReply> {
    return this.#client.sendCommand(args);
  }

  /**
   * Reports a command that failed although the connection looked ready (a timeout, an error reply), with
   * the same throttled warning as a lost connection.
   */
  commandFailed(error: unknown, consequence: string): void {
    const decision = this.#unreachable.next();
    if (decision.log) {
      this.#logger.warn(`a Redis command failed: ${consequence}`, {
        redis: this.#location,
        error,
        heldBack: decision.heldBack,
      });
    }
  }

  /** Closes the connection: waits up to a second for the commands under way, then drops them. */
  async close(): Promise<void> {
    this.#closing = true;
    if (!this.#client.isOpen) return;
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<'gave up'>((resolve) => {
      timer = setTimeout(() => resolve('gave up'), 1000);
    });
    const closed = this.#client.close().then(() => 'closed' as const);
    if ((await Promise.race([closed, gaveUp])) === 'gave up') this.#client.destroy();
    clearTimeout(timer);
    this.#logger.info('closed the connection to Redis', { redis: this.#location });
  }

  #onReady(): void {
    this.#logger.info(
      this.#wasReady
        ? 'Redis is reachable again: rate limits are shared through it again'
        : 'connected to Redis: rate limits are shared through it',
      { redis: this.#location },
    );
    this.#wasReady = true;
    this.#unreachable.reset();
    for (const listener of this.#readyListeners) listener();
  }

  #onError(error: unknown): void {
    if (this.#closing) return;
    const decision = this.#unreachable.next();
    if (!decision.log) return;
    this.#logger.warn(
      'Redis is unreachable: each process counts rate limits on its own until it is back; retrying',
      { redis: this.#location, error, heldBack: decision.heldBack },
    );
  }
}
