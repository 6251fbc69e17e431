import type { FieldError } from '../contract/field-errors';

/** An RFC 9457 problem document, as every error response carries it. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  [extension: string]: unknown;
}

/**
 * The one error hierarchy of the HTTP layer: each subclass is a stable problem `type` with its status.
 * The error-handling middleware turns any of them into application/problem+json.
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'Problem';
  }

  get type(): string {
    return `/problems/${this.code}`;
  }

  toBody(): ProblemBody {
    return {
      type: this.type,
      title: this.title,
      status: this.status,
      detail: this.detail,
      ...this.extensions,
    };
  }
}

export class InvalidRequestProblem extends Problem {
  constructor(errors: FieldError[]) {
    super(
      400,
      'invalid-request',
      'The request body does not describe a valid workload',
      `${errors.length} problem${errors.length === 1 ? '' : 's'} found: ${errors
        .slice(0, 3)
        .map((error) => `${error.path || '(body)'} ${error.message}`)
        .join('; ')}${errors.length > 3 ? '; …' : ''}`,
      { errors },
    );
  }
}

/** A query parameter that is missing, unknown, given twice, or has a value that is not allowed. */
export class InvalidQueryProblem extends Problem {
  constructor(errors: FieldError[]) {
    super(
      400,
      'invalid-request',
      'The query parameters do not describe a valid request',
      `${errors.length} problem${errors.length === 1 ? '' : 's'} found: ${errors
        .slice(0, 3)
        .map((error) => `${error.path} ${error.message}`)
        .join('; ')}${errors.length > 3 ? '; …' : ''}`,
      { errors },
      // As every 400 of /v1/recommendations: the sender fixes the request, nothing is worth storing.
      { 'Cache-Control': 'no-store' },
    );
  }
}

export class MalformedJsonProblem extends Problem {
  constructor(reason: string) {
    super(400, 'invalid-request', 'The request body is not valid JSON', reason, {
      errors: [{ path: '', message: `is not valid JSON: ${reason}` }],
    });
  }
}

/** What a 422 carries; `service` names the service of an application that no platform can run. */
type NoEligiblePlatformExtensions = {
  platforms: unknown[];
  suggestions: unknown[];
  rulesVersion: string;
  service?: string;
};

export class NoEligiblePlatformProblem extends Problem {
  constructor(extensions: NoEligiblePlatformExtensions) {
    super(
      422,
      'no-eligible-platform',
      'No platform meets every hard requirement',
      extensions.suggestions.length > 0
        ? 'Every platform is blocked by at least one hard requirement; `platforms` lists the blockers and `suggestions` the smallest changes that make one eligible.'
        : 'Every platform is blocked by at least one hard requirement, and no single change to the request lifts them; `platforms` lists the blockers.',
      extensions,
    );
  }
}

export class NotFoundProblem extends Problem {
  constructor(method: string, path: string) {
    super(
      404,
      'not-found',
      'No such resource',
      `${method} ${path} is not a Berth endpoint; see /openapi.json for the ones that exist.`,
    );
  }
}

/** GET /v1/platforms/{id} or /v1/rules/{name} for an entry the catalogue does not have. */
export class UnknownCatalogueEntryProblem extends Problem {
  constructor(kind: 'platform' | 'rule', received: string, listedAt: string, allowed: readonly string[]) {
    super(
      404,
      'not-found',
      `No such ${kind}`,
      `Berth has no ${kind} ${JSON.stringify(received)}; GET ${listedAt} lists every ${kind}.`,
      { received, allowed },
    );
  }
}

export class MethodNotAllowedProblem extends Problem {
  constructor(method: string, path: string, allowed: readonly string[]) {
    super(
      405,
      'method-not-allowed',
      'Method not allowed',
      `${path} does not accept ${method}; it accepts ${allowed.join(', ')}.`,
      { allowed: [...allowed] },
      { Allow: allowed.join(', ') },
    );
  }
}

export class PayloadTooLargeProblem extends Problem {
  constructor(limitBytes: number) {
    super(
      413,
      'payload-too-large',
      'Request body too large',
      `The request body exceeds the ${limitBytes}-byte limit.`,
      {
        limitBytes,
      },
    );
  }
}

export class UnsupportedMediaTypeProblem extends Problem {
  constructor(received: string | undefined) {
    super(
      415,
      'unsupported-media-type',
      'Unsupported media type',
      `The request body must be JSON (Content-Type: application/json); received ${received ? `"${received}"` : 'no Content-Type'}.`,
      { received: received ?? null, allowed: ['application/json'] },
    );
  }
}

export class NotReadyProblem extends Problem {
  constructor(reason: string) {
    super(503, 'not-ready', 'Not ready', reason);
  }
}

/** Why a request carries no usable API key, in the caller's words (the key itself is never repeated). */
export type MissingKeyReason = 'no-authorization-header' | 'not-bearer' | 'unknown-key';

const MISSING_KEY_RECEIVED: Record<MissingKeyReason, string> = {
  'no-authorization-header': 'the request has no Authorization header',
  'not-bearer': 'its Authorization header does not use the Bearer scheme',
  'unknown-key': 'its Bearer token is not one of the API keys this service accepts',
};

export class UnauthorizedProblem extends Problem {
  constructor(path: string, reason: MissingKeyReason) {
    super(
      401,
      'unauthorized',
      'API key required',
      `${path} needs an API key, sent as "Authorization: Bearer <key>"; ${MISSING_KEY_RECEIVED[reason]}.`,
      {},
      {
        'WWW-Authenticate':
          reason === 'unknown-key' ? 'Bearer realm="berth", error="invalid_token"' : 'Bearer realm="berth"',
      },
    );
  }
}

export class TooManyRequestsProblem extends Problem {
  constructor(
    caller: 'API key' | 'client address',
    limit: number,
    windowSeconds: number,
    retryAfterSeconds: number,
  ) {
    super(
      429,
      'too-many-requests',
      'Too many requests',
      `This ${caller} has made more than ${limit} requests in ${windowSeconds} s; retry after ${retryAfterSeconds} s.`,
      { retryAfterSeconds },
      { 'Retry-After': String(retryAfterSeconds) },
    );
  }
}

export class RequestTimeoutProblem extends Problem {
  constructor(timeoutMs: number) {
    super(
      503,
      'request-timeout',
      'Request timed out',
      `Berth did not finish answering within ${timeoutMs} ms (BERTH_REQUEST_TIMEOUT_MS); retry the request.`,
    );
  }
}

export class InternalProblem extends Problem {
  constructor() {
    super(
      500,
      'internal-error',
      'Internal error',
      'Berth failed to answer this request; the error has been logged.',
    );
  }
}
