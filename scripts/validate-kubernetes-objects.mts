/**
 * Validates Kubernetes objects with the models of `kubernetes-models` (the upstream Kubernetes OpenAPI
 * schemas) and of the `@kubernetes-models/*` CRD packages, offline.
 *
 * Reads from stdin a JSON list of objects to check, `[{"label": "...", "object": {...}}, ...]`, finds each
 * object's model by its apiVersion and kind in MODEL_PACKAGES and calls the model's validate(). Prints
 * `{"checked": N, "byKind": {"apps/v1 Deployment": n}, "failures": [{label, kind, error}],
 * "unmodelled": [{label, kind}]}` and exits 0; 2 when the input is unusable.
 *
 * An ES module because the model packages are ES modules only (their exports have no require condition).
 */

/** The packages that hold models, each laid out as <package>/<group>/<version> exporting one class per kind. */
const MODEL_PACKAGES = ['kubernetes-models', '@kubernetes-models/karpenter'] as const;

interface Check {
  label: string;
  object: unknown;
}

interface Model {
  new (data: unknown): { validate(): void };
  apiVersion: string;
  kind: string;
}

interface Report {
  checked: number;
  byKind: Record<string, number>;
  failures: { label: string; kind: string; error: string }[];
  unmodelled: { label: string; kind: string }[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isModel(value: unknown, apiVersion: string, kind: string): value is Model {
  return (
    typeof value === 'function' &&
    'kind' in value &&
    'apiVersion' in value &&
    value.kind === kind &&
    value.apiVersion === apiVersion
  );
}

function isCheck(value: unknown): value is Check {
  return isRecord(value) && typeof value.label === 'string' && 'object' in value;
}

/** A package that does not export <group>/<version> holds no model of it: that is an answer, not a failure. */
async function groupVersionModule(pkg: string, apiVersion: string): Promise<Record<string, unknown>> {
  try {
    const loaded: unknown = await import(`${pkg}/${apiVersion}`);
    return isRecord(loaded) ? loaded : {};
  } catch (error) {
    const code = isRecord(error) ? error.code : undefined;
    if (code === 'ERR_PACKAGE_PATH_NOT_EXPORTED' || code === 'ERR_MODULE_NOT_FOUND') return {};
    throw error;
  }
}

const models = new Map<string, Model | null>();

async function modelOf(apiVersion: string, kind: string): Promise<Model | null> {
  const key = `${apiVersion} ${kind}`;
  const known = models.get(key);
  if (known !== undefined) return known;
  let found: Model | null = null;
  for (const pkg of MODEL_PACKAGES) {
    const candidate = (await groupVersionModule(pkg, apiVersion))[kind];
    if (isModel(candidate, apiVersion, kind)) {
      found = candidate;
      break;
    }
  }
  models.set(key, found);
  return found;
}

async function check(checks: readonly Check[]): Promise<Report> {
  const report: Report = { checked: 0, byKind: {}, failures: [], unmodelled: [] };
  for (const { label, object } of checks) {
    const apiVersion = isRecord(object) ? object.apiVersion : undefined;
    const kind = isRecord(object) ? object.kind : undefined;
    if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
      report.failures.push({ label, kind: '?', error: 'the object has no string apiVersion and kind' });
      continue;
    }
    const name = `${apiVersion} ${kind}`;
    const model = await modelOf(apiVersion, kind);
    if (model === null) {
      report.unmodelled.push({ label, kind: name });
      continue;
    }
    report.checked += 1;
    report.byKind[name] = (report.byKind[name] ?? 0) + 1;
    try {
      new model(object).validate();
    } catch (error) {
      report.failures.push({
        label,
        kind: name,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return report;
}

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text;
}

async function main(): Promise<number> {
  let checks: unknown;
  try {
    checks = JSON.parse(await readStdin());
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ error: `stdin is not JSON: ${String(error)}` })}\n`);
    return 2;
  }
  if (!Array.isArray(checks) || !checks.every(isCheck)) {
    process.stdout.write(`${JSON.stringify({ error: 'stdin must hold a JSON list of {label, object}' })}\n`);
    return 2;
  }
  process.stdout.write(`${JSON.stringify(await check(checks))}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
