import { loadOpenApiDocument } from '../../src/contract/openapi-document';
import { TooManyRequestsProblem, UnauthorizedProblem } from '../../src/http/problem';
import { OPENAPI_PATH } from '../../src/project-paths';

type Node = Record<string, unknown>;

const document = loadOpenApiDocument(OPENAPI_PATH).json as Node;

function exampleOf(response: string, name: string): unknown {
  const responses = (document.components as Node).responses as Node;
  const content = (responses[response] as Node).content as Node;
  const examples = (content['application/problem+json'] as Node).examples as Node;
  return (examples[name] as Node).value;
}

// The 401 and 429 examples quote a configuration (keys, a limit) the test app does not have by default,
// so they are compared with what src/http/problem.ts builds for the request they describe.
describe('the examples in openapi.yaml', () => {
  it.each([
    {
      given: 'Unauthorized',
      example: exampleOf('Unauthorized', 'noKey'),
      want: new UnauthorizedProblem('/v1/recommendations', 'no-authorization-header').toBody(),
    },
    {
      given: 'TooManyRequests',
      example: exampleOf('TooManyRequests', 'tooMany'),
      want: new TooManyRequestsProblem('API key', 600, 60, 17).toBody(),
    },
  ])('$given is what src/http/problem.ts answers', ({ example, want }) => {
    expect(example).toEqual(want);
  });

  it('document 401 and 429 for every operation under /v1 and /mcp', () => {
    const missing = Object.entries(document.paths as Node)
      .filter(([path]) => path.startsWith('/v1/') || path === '/mcp')
      .flatMap(([path, item]) =>
        Object.entries(item as Node).flatMap(([method, operation]) =>
          ['401', '429']
            .filter((status) => ((operation as Node).responses as Node)[status] === undefined)
            .map((status) => `${method.toUpperCase()} ${path} ${status}`),
        ),
      );
    expect(missing).toEqual([]);
  });
});
