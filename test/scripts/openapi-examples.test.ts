import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import {
  pointer,
  refreshExamples,
  responseExamples,
  SPEC_TO_STRING,
} from '../../scripts/docs/openapi-examples';
import { NOT_PRODUCED, specExamples } from '../../scripts/docs/spec-examples';
import { OPENAPI_PATH } from '../../src/project-paths';

const SPEC = `openapi: 3.1.0
paths:
  /things:
    get:
      responses:
        '200':
          content:
            application/json:
              examples:
                few:
                  $ref: '#/components/examples/FewThings'
                inline:
                  summary: Written here
                  value: {count: 1}
        '404':
          $ref: '#/components/responses/NotFound'
  /other:
    get:
      responses:
        '404':
          $ref: '#/components/responses/NotFound'
components:
  responses:
    NotFound:
      content:
        application/problem+json:
          examples:
            notFound:
              value:
                status: 404
  examples:
    # the answers, as the server gives them
    FewThings:
      summary: 'Two things'
      value:
        things:
          - name: first # kept
            tags: [a, b]
          - name: second
            tags: [c]
`;

const FEW = ['components', 'examples', 'FewThings'];

function refreshed(value: unknown): { stale: string[]; text: string } {
  const document = parseDocument(SPEC);
  const stale = refreshExamples(document, [{ location: FEW, content: { value } }]);
  return { stale, text: document.toString(SPEC_TO_STRING) };
}

describe('the response examples of an OpenAPI document', () => {
  it('lists each example once, where it is defined, with its status', () => {
    const found = responseExamples(parseDocument(SPEC).toJS() as Record<string, unknown>);
    expect(found.map(({ location, status }) => ({ at: pointer(location), status }))).toEqual([
      { at: '#/components/examples/FewThings', status: '200' },
      {
        at: '#/paths/~1things/get/responses/200/content/application~1json/examples/inline',
        status: '200',
      },
      {
        at: '#/components/responses/NotFound/content/application~1problem+json/examples/notFound',
        status: '404',
      },
    ]);
  });
});

describe('refreshing an example', () => {
  describe('when it holds what the server answers', () => {
    it('reports nothing and writes the document back byte for byte', () => {
      const current = {
        things: [
          { name: 'first', tags: ['a', 'b'] },
          { name: 'second', tags: ['c'] },
        ],
      };
      expect(refreshed(current)).toEqual({ stale: [], text: SPEC });
    });
  });

  describe('when one field differs', () => {
    const { stale, text } = refreshed({
      things: [
        { name: 'first', tags: ['a', 'b'] },
        { name: 'changed', tags: ['c'] },
      ],
    });

    it('names the example', () => {
      expect(stale).toEqual(['#/components/examples/FewThings']);
    });

    it('changes only that field, keeping comments and the rest of the file', () => {
      expect(text).toBe(SPEC.replace('name: second', 'name: changed'));
    });
  });

  describe('when a list grows', () => {
    it('keeps the unchanged items and writes a short list of scalars in flow style', () => {
      const { text } = refreshed({
        things: [
          { name: 'first', tags: ['a', 'b'] },
          { name: 'second', tags: ['c', 'd'] },
          { name: 'third', tags: [] },
        ],
      });
      expect(text).toContain('          - name: first # kept\n            tags: [a, b]\n');
      expect(text).toContain('          - name: second\n            tags: [c, d]\n');
      expect(text).toContain('          - name: third\n            tags: []\n');
    });
  });
});

describe('the examples scripts/docs-examples.ts produces for openapi.yaml', () => {
  const spec = parseDocument(readFileSync(OPENAPI_PATH, 'utf8')).toJS() as Record<string, unknown>;

  it('cover every response example, but the ones it cannot produce', () => {
    const produced = specExamples(spec).map((example) => pointer(example.location));
    const all = responseExamples(spec).map((example) => pointer(example.location));
    expect([...produced, ...NOT_PRODUCED.keys()].sort()).toEqual([...all].sort());
  });

  it('leave out only 429, 500 and 503 answers', () => {
    const statuses = responseExamples(spec)
      .filter((example) => NOT_PRODUCED.has(pointer(example.location)))
      .map((example) => example.status);
    expect(statuses.sort()).toEqual(['429', '500', '503']);
  });

  it('include the answer to every request example of POST /v1/recommendations that has one', () => {
    const produced = specExamples(spec).map((example) => pointer(example.location));
    expect(produced).toEqual(
      expect.arrayContaining([
        '#/components/examples/HttpsWebApiRecommendation',
        '#/components/examples/GpuInferenceRecommendation',
      ]),
    );
  });
});
