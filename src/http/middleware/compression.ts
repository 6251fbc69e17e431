import zlib from 'node:zlib';
import compression from 'compression';
import type { RequestHandler } from 'express';
import { BROTLI_QUALITY, GZIP_LEVEL, isCodedByRoute } from '../content-coding';

/** Answers smaller than this are sent uncompressed: the probes, most problems, the 304s. */
const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * gzip or brotli, whichever the client prefers (brotli on a tie), for every compressible answer of at
 * least 1 KiB, with `Vary: Accept-Encoding`; except the answers whose route chose their coding itself
 * (recommendations, stored compressed), which it must not compress again.
 */
export function responseCompression(): RequestHandler {
  return compression({
    threshold: COMPRESSION_THRESHOLD_BYTES,
    level: GZIP_LEVEL,
    brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } },
    filter: (req, res) => !isCodedByRoute(res) && compression.filter(req, res),
  });
}
