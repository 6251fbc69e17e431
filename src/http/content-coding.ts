import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Request, Response } from 'express';

/** The content codings Berth sends, as Accept-Encoding and Content-Encoding name them. */
export type ContentCoding = 'gzip' | 'br' | 'identity';

/** The codings the answer cache keeps an answer's bytes in. */
export type StoredCoding = 'gzip' | 'identity';

/**
 * gzip's level, for answers compressed once when they are made and for everything the compression
 * middleware compresses; and brotli's quality, for what the middleware compresses and for clients that
 * accept brotli but not gzip. Each is the best that costs well under a millisecond for one answer: on the
 * answers to the twelve workload shapes of scripts/support/workload-shapes.ts (55–82 KB), gzip 3 makes
 * 14.0 KB in 0.6–0.8 ms of CPU, brotli 3 makes 13.1 KB in 0.6–0.8 ms, where gzip 6 (zlib's default) takes
 * 1.2–1.5 ms for 12.6 KB, brotli 4 0.8–1.0 ms for 12.7 KB, and brotli 11 (its default) 90–160 ms for
 * 10.6 KB (docs/performance.md).
 */
export const GZIP_LEVEL = 3;
export const BROTLI_QUALITY = 3;

const gzip = promisify(zlib.gzip);
const gunzip = promisify(zlib.gunzip);
const brotliCompress = promisify(zlib.brotliCompress);

/** Compresses an answer's bytes for storage and for gzip clients (off the event loop, in libuv's pool). */
export function gzipped(body: Buffer): Promise<Buffer> {
  return gzip(body, { level: GZIP_LEVEL });
}

/**
 * The coding a request gets for an answer: gzip whenever the client accepts it (stored answers are kept
 * gzip-compressed for such clients); brotli for a client that accepts brotli but not gzip; no compression
 * otherwise, and when Accept-Encoding is absent.
 */
export function codingFor(req: Request): ContentCoding {
  if (req.acceptsEncodings('gzip') === 'gzip') return 'gzip';
  if (req.acceptsEncodings('br') === 'br') return 'br';
  return 'identity';
}

/** The coding an answer made for a request is stored in: gzip for a client that takes it, else none. */
export function storedCodingFor(coding: ContentCoding): StoredCoding {
  return coding === 'gzip' ? 'gzip' : 'identity';
}

/** A body stored in `stored` coding, in the coding a request gets. */
export async function inCoding(body: Buffer, stored: StoredCoding, coding: ContentCoding): Promise<Buffer> {
  if (coding === stored) return body;
  const plain = stored === 'gzip' ? await gunzip(body) : body;
  if (coding === 'identity') return plain;
  if (coding === 'gzip') return gzipped(plain);
  return brotliCompress(plain, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: plain.length,
    },
  });
}

const codedByRoute = new WeakSet<Response>();

/**
 * Marks a response whose route chose its content coding itself (from bytes it stored compressed), so the
 * compression middleware leaves it alone, even when it sends it uncompressed.
 */
export function codesItsOwnContent(res: Response): void {
  codedByRoute.add(res);
}

export function isCodedByRoute(res: Response): boolean {
  return codedByRoute.has(res);
}
