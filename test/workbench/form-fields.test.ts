import { loadOpenApiDocument } from '../../src/contract/openapi-document';
import { OPENAPI_PATH } from '../../src/project-paths';
import {
  controlId,
  type FormField,
  fieldForErrorPath,
  type OpenApiDocumentJson,
  workloadFieldGroups,
} from '../../src/workbench/workload/form-fields';

describe('the workbench form, built from the contract', () => {
  const document = loadOpenApiDocument(OPENAPI_PATH).json as OpenApiDocumentJson;
  const groups = workloadFieldGroups(document);
  const fields = groups.flatMap((group) => group.fields);
  const field = (path: string): FormField => {
    const found = fields.find((candidate) => candidate.path === path);
    if (found === undefined) throw new Error(`no field ${path}`);
    return found;
  };

  it('has one group of its own fields, then one per object of WorkloadRequest', () => {
    expect(groups.map((group) => group.name)).toEqual([
      '',
      'traffic',
      'persistence',
      'control',
      'cost',
      'resources',
      'trigger',
    ]);
  });

  const cases: { path: string; kind: FormField['kind']; allowed?: unknown[]; default?: unknown }[] = [
    { path: 'workloadType', kind: 'choice', allowed: ['web', 'worker', 'batch'], default: undefined },
    { path: 'traffic.exposure', kind: 'choice', allowed: ['public', 'private'], default: 'public' },
    { path: 'control.gpu', kind: 'boolean', allowed: [true, false], default: false },
    { path: 'containerPort', kind: 'integer', default: 8080 },
    { path: 'resources.cpu', kind: 'number', default: 0.5 },
    { path: 'name', kind: 'text', default: 'app' },
    { path: 'awsAccess', kind: 'json', default: [] },
  ];
  it.each(cases)('edits $path as $kind, with the allowed values and default the contract states', (want) => {
    const got = field(want.path);
    expect(got.kind).toBe(want.kind);
    if (want.allowed !== undefined) expect(got.allowed).toEqual(want.allowed);
    expect(got.default).toEqual(want.default);
  });

  it('gives every field the description from the contract', () => {
    expect(
      fields.filter((candidate) => candidate.description === '').map((candidate) => candidate.path),
    ).toEqual([]);
  });

  it('marks workloadType, and trigger.type (required in a trigger), as required', () => {
    expect(fields.filter((candidate) => candidate.required).map((candidate) => candidate.path)).toEqual([
      'workloadType',
      'trigger.type',
    ]);
  });

  describe('when a 400 names a path', () => {
    const cases: { errorPath: string; field: string | undefined }[] = [
      { errorPath: 'traffic.protocol', field: 'traffic.protocol' },
      { errorPath: 'awsAccess.0.resource', field: 'awsAccess' },
      { errorPath: 'awsAccess[0].resource', field: 'awsAccess' },
      { errorPath: '', field: undefined },
      { errorPath: 'workload', field: undefined },
    ];
    it.each(cases)('shows "$errorPath" at the field $field', ({ errorPath, field: want }) => {
      expect(fieldForErrorPath(fields, errorPath)?.path).toBe(want);
    });
  });

  it('gives every control an id of its own', () => {
    const ids = fields.map((candidate) => controlId(candidate.path));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
