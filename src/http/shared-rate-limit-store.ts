import {
  type ClientRateLimitInfo,
  type IncrementResponse,
  MemoryStore,
  type Options,
  type Store,
} from 'express-rate-limit';
import { type RedisReply, RedisStore } from 'rate-limit-redis';
import type { RedisConnection } from './redis-connection';

/** Every key Berth writes to Redis starts with this, so a shared cache can hold other applications' keys. */
export const RATE_LIMIT_KEY_PREFIX = 'berth:rl:';

/** After a failed command, how long requests are counted in this process before Redis is tried again. */
const RETRY_AFTER_FAILURE_MS = 5000;

type ReplyItem = boolean | number | string;

/** node-redis's reply as rate-limit-redis reads it: a nil becomes false, which it reads as no hits. */
function asRateLimitReply(reply: unknown): RedisReply {
  const item = (value: unknown): ReplyItem => {
    if (value === null || value === undefined) return false;
    if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
    throw new TypeError(`unexpected reply from Redis: ${JSON.stringify(value)}`);
  };
  return Array.isArray(reply) ? reply.map(item) : item(reply);
}

/**
 * express-rate-limit's counts in Redis, shared by every replica (rate-limit-redis's store, its keys under
 * `berth:rl:`), failing open: while Redis is unreachable, or after one of its commands failed, requests
 * are counted in this process's memory, as without Redis, so every request is still answered and each
 * replica still limits its callers. Once the connection is back, the shared counts resume; the scripts
 * are loaded again on every reconnection, since a restarted Redis has forgotten them.
 */
export class SharedRateLimitStore implements Store {
  readonly localKeys = false;
  readonly prefix = RATE_LIMIT_KEY_PREFIX;
  readonly #connection: RedisConnection;
  readonly #shared: RedisStore;
  readonly #local = new MemoryStore();
  #options: Options | undefined;
  /** The scripts loading on the current connection; undefined until they must be (re)loaded. */
  #scriptsLoaded: Promise<void> | undefined;
  #retryAt = 0;

  constructor(connection: RedisConnection) {
    this.#connection = connection;
    this.#shared = new RedisStore({
      prefix: RATE_LIMIT_KEY_PREFIX,
      sendCommand: async (...args: string[]) => asRateLimitReply(await connection.sendCommand(args)),
    });
    connection.onReady(() => {
      this.#scriptsLoaded = undefined;
      this.#retryAt = 0;
    });
  }

  init(options: Options): void {
    this.#options = options;
    this.#local.init(options);
  }

  async increment(key: string): Promise<IncrementResponse> {
    const shared = await this.#sharedOrUndefined((store) => store.increment(key));
    return shared ?? this.#local.increment(key);
  }

  async decrement(key: string): Promise<void> {
    await this.#sharedOrUndefined((store) => store.decrement(key));
    this.#local.decrement(key);
  }

  async resetKey(key: string): Promise<void> {
    await this.#sharedOrUndefined((store) => store.resetKey(key));
    this.#local.resetKey(key);
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    return (await this.#sharedOrUndefined((store) => store.get(key))) ?? this.#local.get(key);
  }

  shutdown(): void {
    this.#local.shutdown();
  }

  /** What `use` gives through Redis, or undefined when Redis cannot give it now (counted locally then). */
  async #sharedOrUndefined<T>(use: (store: RedisStore) => Promise<T>): Promise<T | undefined> {
    const options = this.#options;
    if (options === undefined || !this.#connection.isReady || Date.now() < this.#retryAt) return undefined;
    try {
      this.#scriptsLoaded ??= this.#shared.init(options);
      await this.#scriptsLoaded;
      return await use(this.#shared);
    } catch (error) {
      this.#scriptsLoaded = undefined;
      this.#retryAt = Date.now() + RETRY_AFTER_FAILURE_MS;
      this.#connection.commandFailed(error, 'counting rate limits in this process for a few seconds');
      return undefined;
    }
  }
}
