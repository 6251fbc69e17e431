import request from 'supertest';
import type { ApplicationArchitecture } from '../../src/workbench/api/architecture-client';
import { overviewOf, serviceNodeId } from '../../src/workbench/application/overview-layout';
import { testApp } from '../support/app';

const COMPOSE = `
services:
  web:
    image: nginx:1.27
    ports: ["8080:80"]
    depends_on: [api, db]
  api:
    image: example/api:1
    expose: ["3000"]
    depends_on: [db, worker]
  worker:
    image: example/worker:1
  db:
    image: postgres:16
`;

async function architecture(): Promise<ApplicationArchitecture> {
  const response = await request(testApp())
    .post('/v1/architectures/from-compose')
    .set('Content-Type', 'application/yaml')
    .send(COMPOSE);
  expect(response.status).toBe(200);
  return response.body as ApplicationArchitecture;
}

describe('the application overview', () => {
  let answer: ApplicationArchitecture;
  beforeAll(async () => {
    answer = await architecture();
  });

  it('has the clients, each shared load balancer, each service and each managed service', () => {
    const overview = overviewOf(answer);
    expect(overview.nodes.map((node) => `${node.kind} ${node.label}`)).toEqual(
      expect.arrayContaining([
        'clients Clients',
        'load-balancer public-alb',
        'load-balancer internal-alb',
        'service web',
        'service api',
        'service worker',
        'managed Amazon RDS for PostgreSQL',
      ]),
    );
    expect(overview.groups.map((group) => group.label)).toEqual(['Amazon ECS on AWS Fargate']);
  });

  it('draws the routes and the connections, each named by its mechanism', () => {
    const edges = overviewOf(answer).edges.map((edge) => `${edge.from} → ${edge.to} ${edge.label}`);
    expect(edges).toEqual(
      expect.arrayContaining([
        'clients → lb:public-alb ',
        'lb:public-alb → service:web HTTP:80 /*',
        `${serviceNodeId('web')} → ${serviceNodeId('api')} service-connect`,
        `${serviceNodeId('api')} → ${serviceNodeId('worker')} start-order`,
      ]),
    );
  });

  it('draws each service that used a replaced container to the managed service instead', () => {
    const edges = overviewOf(answer).edges.map((edge) => `${edge.from} → ${edge.to} ${edge.label}`);
    expect(edges).toEqual(
      expect.arrayContaining([
        `${serviceNodeId('web')} → managed:db uses`,
        `${serviceNodeId('api')} → managed:db uses`,
      ]),
    );
  });

  it('places every box inside the drawing, none overlapping another', () => {
    const overview = overviewOf(answer);
    for (const node of overview.nodes) {
      expect(node.x + node.width).toBeLessThanOrEqual(overview.width);
      expect(node.y + node.height).toBeLessThanOrEqual(overview.height);
    }
    for (const [index, a] of overview.nodes.entries()) {
      for (const b of overview.nodes.slice(index + 1)) {
        const apart =
          a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart).toBe(true);
      }
    }
  });
});
