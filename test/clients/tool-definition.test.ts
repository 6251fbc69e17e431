import Ajv2020 from 'ajv/dist/2020';
import request from 'supertest';
import { compactWorkloadSchema } from '../../src/clients/tool-input-schema';
import { loadOpenApiDocument } from '../../src/contract/openapi-document';
import { OPENAPI_PATH } from '../../src/project-paths';
import { advisor } from '../support/advisor';
import { testApp } from '../support/app';
import { jsonOf } from '../support/body';

type Node = Record<string, unknown>;

const document = loadOpenApiDocument(OPENAPI_PATH).json;

function documentedSchema(): Node {
  const operation = ((document.paths as Node)['/v1/tool-definition'] as Node).get as Node;
  const ok = (operation.responses as Node)['200'] as Node;
  return ((ok.content as Node)['application/json'] as Node).schema as Node;
}

describe('GET /v1/tool-definition', () => {
  const app = testApp();

  it('answers the tool in the shape openapi.yaml documents', async () => {
    const response = await request(app).get('/v1/tool-definition');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const validate = new Ajv2020({ strict: false }).compile(documentedSchema());
    expect(validate(jsonOf(response)) ? [] : validate.errors).toEqual([]);
  });

  describe('in the Chat Completions shape (openai)', () => {
    it('is a function named recommend_container_platform whose parameters are the compact request schema', async () => {
      const { openai } = jsonOf(await request(app).get('/v1/tool-definition')) as { openai: Node };
      expect(openai).toEqual({
        type: 'function',
        function: {
          name: 'recommend_container_platform',
          description: expect.stringContaining('Only workloadType is required'),
          parameters: compactWorkloadSchema(document),
        },
      });
    });
  });

  describe('its description', () => {
    it('names every platform of the catalogue, and a platform closed to new customers as such', async () => {
      const { anthropic } = jsonOf(await request(app).get('/v1/tool-definition')) as {
        anthropic: { description: string };
      };
      for (const platform of advisor.ruleSet.platforms) {
        const closed = platform.capabilities.newCustomers.supported === false;
        expect(anthropic.description).toContain(
          closed ? `${platform.name} (existing customers only)` : platform.name,
        );
      }
    });
  });

  describe('in the Anthropic Messages shape (anthropic)', () => {
    it('has the same name, description and schema as input_schema', async () => {
      const { openai, anthropic } = jsonOf(await request(app).get('/v1/tool-definition')) as {
        openai: { function: Node };
        anthropic: Node;
      };
      expect(anthropic).toEqual({
        name: openai.function.name,
        description: openai.function.description,
        input_schema: openai.function.parameters,
      });
    });
  });

  describe('with another method', () => {
    it('answers 405 with Allow', async () => {
      const response = await request(app).post('/v1/tool-definition').send({});
      expect(response.status).toBe(405);
      expect(response.headers.allow).toBe('GET, HEAD');
    });
  });
});
