import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Request, Response } from 'express';

/** The content codings Berth sends, as Accept-Encoding and Content-Encoding name them. */
export type ContentCoding = 'gzip' | 'br' | 'identity';

/**
 * gzip's level, for answers compressed once when they are made and for everything the compression
 * middleware compresses. Measured on the twelve workload shapes of scripts/support/workload-shapes.ts
 * (answers of 55–82 KB; docs/performance.md has the table): level 6, zlib's default, costs twice
 * level 4's CPU for 3% fewer bytes.
 */
export const GZIP_LEVEL = 4;

/**
 * Brotli's quality for what the compression middleware compresses. The default, 11, takes about 150 ms
 * for one answer; 4 takes less than gzip's level 6 for the same size.
 */
export const BROTLI_QUALITY = 4;

const gzip = promisify(zlib.gzip);
const gunzip = promisify(zlib.gunzip);
const brotliCompress = promisify(zlib.brotliCompress);

/** Compresses an answer's bytes the way the cache stores them (off the event loop, in libuv's pool). */
export function gzipForStorage(body: Buffer): Promise<Buffer> {
  return gzip(body, { level: GZIP_LEVEL });
}

/**
 * The coding a request gets for an answer stored gzip-compressed: gzip whenever the client accepts it,
 * since that costs nothing; brotli for a client that accepts brotli but not gzip; no compression
 * otherwise, and when Accept-Encoding is absent.
 */
export function codingFor(req: Request): ContentCoding {
  if (req.acceptsEncodings('gzip') === 'gzip') return 'gzip';
  if (req.acceptsEncodings('br') === 'br') return 'br';
  return 'identity';
}

/** A stored gzip-compressed body in the coding a request gets. */
export async function inCoding(gzipped: Buffer, coding: ContentCoding): Promise<Buffer> {
  if (coding === 'gzip') return gzipped;
  const body = await gunzip(gzipped);
  if (coding === 'identity') return body;
  return brotliCompress(body, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
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
