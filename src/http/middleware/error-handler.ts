import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from '../../logger';
import {
  InternalProblem,
  MalformedJsonProblem,
  PayloadTooLargeProblem,
  Problem,
  UnsupportedMediaTypeProblem,
} from '../problem';
import { contextOf } from './request-context';

/** body-parser reports its failures as errors with a `type`; these are the caller's mistakes, not ours. */
interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
  message?: string;
  charset?: string;
}

/**
 * The one place errors become responses: every error is written as application/problem+json; anything
 * unexpected is logged (with the request id) and answered with a plain 500 that reveals no internals.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const context = contextOf(req);
    const log = context?.logger ?? logger;
    if (res.headersSent) {
      // A handler that failed mid-answer, or one that finished after its request timed out and was
      // answered 503: the answer cannot change now.
      if (context?.timedOut)
        log.debug('handler finished after its request timed out', { error: describe(error) });
      else
        log.error('request failed after its answer started', {
          method: req.method,
          path: req.path,
          error: describe(error),
        });
      if (!res.writableEnded) res.end();
      return;
    }
    const problem = toProblem(error);
    if (problem instanceof InternalProblem) {
      log.error('request failed', { method: req.method, path: req.path, error: describe(error) });
    }
    sendProblem(res, problem);
  };
}

/** Writes a problem as the answer: its status, its headers and its body as application/problem+json. */
export function sendProblem(res: Response, problem: Problem): void {
  res
    .status(problem.status)
    .set(problem.headers)
    .type('application/problem+json')
    .send(JSON.stringify(problem.toBody()));
}

/** An Error is logged as is (the logger writes its type, message and stack); anything else as text. */
function describe(error: unknown): unknown {
  return error instanceof Error ? error : String(error);
}

function toProblem(error: unknown): Problem {
  if (error instanceof Problem) return error;
  const parserError = error as BodyParserError;
  switch (parserError?.type) {
    case 'entity.too.large':
      return new PayloadTooLargeProblem(parserError.limit ?? 0);
    case 'entity.parse.failed':
      return new MalformedJsonProblem(parserError.message ?? 'unparseable body');
    case 'charset.unsupported':
      return new UnsupportedMediaTypeProblem(`application/json; charset=${parserError.charset ?? 'unknown'}`);
    case 'encoding.unsupported':
      return new Problem(
        415,
        'unsupported-media-type',
        'Unsupported content encoding',
        `The request body's Content-Encoding is not supported (${parserError.message ?? 'unknown encoding'}); send it uncompressed, or as gzip, deflate or br.`,
      );
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return new Problem(
        400,
        'invalid-request',
        'The request body could not be read',
        parserError.message ?? 'unreadable body',
      );
    default:
      if (typeof parserError?.status === 'number' && parserError.status >= 400 && parserError.status < 500) {
        return new Problem(
          parserError.status,
          'invalid-request',
          'Bad request',
          parserError.message ?? 'bad request',
        );
      }
      return new InternalProblem();
  }
}
