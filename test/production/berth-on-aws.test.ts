import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { PROJECT_ROOT } from '../../src/project-paths';
import { testApp } from '../support/app';
import { jsonOf } from '../support/body';

type Node = Record<string, unknown>;

/** The "Berth on AWS" section of docs/operations.md: its request (in the curl command) and the answer it shows. */
function pageSection(): { body: unknown; shown: unknown } {
  const page = readFileSync(join(PROJECT_ROOT, 'docs', 'operations.md'), 'utf8');
  const section = page.slice(page.indexOf('\n## Berth on AWS\n'));
  const body = /-d '(\{[\s\S]*?\})'[\s\\]*\| jq/.exec(section)?.[1];
  const shown = /```json\n([\s\S]*?)```/.exec(section)?.[1];
  if (body === undefined || shown === undefined)
    throw new Error('docs/operations.md has no "Berth on AWS" request and answer');
  return { body: JSON.parse(body), shown: JSON.parse(shown) };
}

describe('the "Berth on AWS" section of docs/operations.md', () => {
  it('shows the answer Berth gives today for its own workload', async () => {
    const { body, shown } = pageSection();
    const response = await request(testApp())
      .post('/v1/recommendations')
      .send(body as object);
    expect(response.status).toBe(200);
    const answer = jsonOf(response) as Node & {
      platform: { id: string };
      loadBalancer: { type: string; scheme: string; targetGroup: { healthCheckPath: string } };
      scaling: { minCapacity: number; maxCapacity: number };
      alternatives: { platformId: string }[];
    };
    expect({
      platform: answer.platform.id,
      loadBalancer: {
        type: answer.loadBalancer.type,
        scheme: answer.loadBalancer.scheme,
        healthCheckPath: answer.loadBalancer.targetGroup.healthCheckPath,
      },
      tasks: { min: answer.scaling.minCapacity, max: answer.scaling.maxCapacity },
      runnerUp: answer.alternatives[1]?.platformId,
    }).toEqual(shown);
  });
});
