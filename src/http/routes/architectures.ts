import express, { type Request, Router } from 'express';
import type { Advisor } from '../../advice/advisor';
import {
  type ApplicationDesign,
  ApplicationDesigner,
  type ComposeOrigin,
} from '../../advice/application/application-designer';
import type { FieldError } from '../../contract/field-errors';
import { isRecord } from '../../shared/json-value';
import { requireJson } from '../middleware/require-json';
import {
  InvalidRequestProblem,
  MalformedJsonProblem,
  NoEligiblePlatformProblem,
  UnsupportedMediaTypeProblem,
} from '../problem';

const YAML_TYPES = ['application/yaml', 'text/yaml', 'application/x-yaml'];

/**
 * POST /v1/architectures: the services of one application designed together (ApplicationDesigner). A
 * service's field errors come back at `services.<index>.<field>`; a service no platform can run is a 422
 * with that service's blockers, and its suggestions' paths point into that service.
 *
 * POST /v1/architectures/from-compose: the same, from a Compose file (the body itself, as YAML, or JSON
 * `{ compose, defaults, variables, profiles }`), read by applicationFromCompose; problems in the file come
 * back at their path inside it (`services.db.ports[1]`) with their line.
 */
export function architecturesRouter(advisor: Advisor, bodyLimitBytes: number): Router {
  const designer = new ApplicationDesigner(advisor);
  const catalogues = {
    mapping: advisor.ruleSet.composeMapping,
    managedServices: advisor.ruleSet.managedServices,
  };
  const rulesVersion = advisor.ruleSet.version;
  const router = Router();
  const text = express.text({ type: () => true, limit: bodyLimitBytes });
  // The Compose file's bytes, decoded here: express.text would put U+FFFD for bytes that are not UTF-8
  // and so change the file's values without a word.
  const bytes = express.raw({ type: () => true, limit: bodyLimitBytes });

  router.post('/v1/architectures', requireJson, text, async (req, res) => {
    const design = await designer.design(parsedJson(req));
    res.type('application/json').send(JSON.stringify(answered(design, rulesVersion, (path) => path)));
  });

  router.post('/v1/architectures/from-compose', bytes, async (req, res) => {
    const body = composeBody(req);
    // The Compose reader (and the yaml package) is loaded with the first file, not at start-up.
    const { applicationFromCompose, composePathOf } =
      require('../../compose/application-from-compose') as typeof import('../../compose/application-from-compose');
    const application = applicationFromCompose(body.compose, body, catalogues);
    if (!application.ok)
      throw new InvalidRequestProblem(
        // The path and line say where; the value is not echoed, since a file's values may be secrets.
        application.problems.map(({ path, message, line }) => ({
          path,
          message,
          ...(line === undefined ? {} : { line }),
        })),
      );
    const { request, composeNames: _names, ...origin } = application;
    const design = await designer.design(request, origin satisfies ComposeOrigin);
    // An error found in the request the file made is reported at the Compose service it came from.
    const inFile = (path: string) => composePathOf(application, path);
    res.type('application/json').send(JSON.stringify(answered(design, rulesVersion, inFile)));
  });
  return router;
}

function parsedJson(req: Request): unknown {
  return parsedJsonText(typeof req.body === 'string' ? req.body : '');
}

function parsedJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MalformedJsonProblem((error as Error).message);
  }
}

interface ComposeBody {
  compose: string;
  variables: ReadonlyMap<string, string>;
  defaults?: Record<string, unknown>;
  profiles?: string[];
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The body as text: a Compose file is UTF-8 (YAML 1.2 and Docker Compose read it so), and JSON is too, so
 * bytes that are not UTF-8 are refused at the top of the body, never replaced.
 */
function bodyText(req: Request): string {
  const charset = req.headers['content-type']?.match(/charset=["']?([^"';\s]+)/i)?.[1];
  if (charset !== undefined && !/^utf-?8$/i.test(charset))
    throw new UnsupportedMediaTypeProblem(req.headers['content-type']);
  if (!Buffer.isBuffer(req.body)) return '';
  try {
    return UTF8.decode(req.body);
  } catch {
    throw new InvalidRequestProblem([
      { path: '', message: 'is not UTF-8 text: send the Compose file as UTF-8, as Docker Compose reads it' },
    ]);
  }
}

/** The Compose file and its options, from a YAML body or the JSON envelope. */
function composeBody(req: Request): ComposeBody {
  if (
    req.headers['content-type'] === undefined ||
    (!req.is(YAML_TYPES) && req.is(['application/json', 'application/*+json']) === false)
  )
    throw new UnsupportedMediaTypeProblem(req.headers['content-type']);
  const raw = bodyText(req);
  if (req.is(YAML_TYPES)) return { compose: raw, variables: new Map() };
  const body = parsedJsonText(raw);
  const errors: FieldError[] = [];
  if (!isRecord(body))
    throw new InvalidRequestProblem([{ path: '', message: 'must be an object with compose' }]);
  for (const key of Object.keys(body))
    if (!['compose', 'defaults', 'variables', 'profiles'].includes(key))
      errors.push({
        path: key,
        message: 'is not a field of this request',
        allowed: ['compose', 'defaults', 'variables', 'profiles'],
      });
  const { compose, defaults, variables = {}, profiles } = body;
  if (typeof compose !== 'string')
    errors.push({ path: 'compose', message: 'must be the Compose file, as text' });
  if (defaults !== undefined && !isRecord(defaults))
    errors.push({ path: 'defaults', message: 'must be an object' });
  if (!isRecord(variables) || Object.values(variables).some((value) => typeof value !== 'string'))
    errors.push({ path: 'variables', message: 'must map names to string values' });
  if (
    profiles !== undefined &&
    (!Array.isArray(profiles) || profiles.some((profile) => typeof profile !== 'string'))
  )
    errors.push({ path: 'profiles', message: 'must be a list of profile names' });
  if (errors.length > 0 || typeof compose !== 'string') throw new InvalidRequestProblem(errors);
  return {
    compose,
    variables: new Map(Object.entries(variables as Record<string, string>)),
    ...(isRecord(defaults) ? { defaults } : {}),
    ...(Array.isArray(profiles) ? { profiles: profiles as string[] } : {}),
  };
}

/** The 200 body, or the problem that answers instead, with error paths where the caller wrote them. */
function answered(
  design: ApplicationDesign,
  rulesVersion: string,
  pathOf: (path: string) => string,
): unknown {
  if (design.kind === 'invalid')
    throw new InvalidRequestProblem(design.errors.map((error) => ({ ...error, path: pathOf(error.path) })));
  if (design.kind === 'no-eligible-platform') {
    const { service, index, answer } = design;
    throw new NoEligiblePlatformProblem({
      service,
      platforms: answer.platforms,
      suggestions: answer.suggestions.map((suggestion) => ({
        ...suggestion,
        changes: suggestion.changes.map((change) => ({
          ...change,
          path: pathOf(`services.${index}.${change.path}`),
        })),
      })),
      rulesVersion,
    });
  }
  return design.answer;
}
