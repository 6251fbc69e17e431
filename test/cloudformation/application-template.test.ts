import fc from 'fast-check';
import { APPLICATION_TEMPLATE_PATH } from '../../src/generators/application/application-template';
import { validWorkloadRequest } from '../properties/arbitraries';
import { RANDOM_SEED } from '../support/random-seed';
import {
  applicationTemplateOf,
  type DesignedApplication,
  danglingReferences,
  designedApplication,
  designer,
  HTTPS_PAIR,
  resourcesOfType,
  SPLIT_WITH_UDP,
  WEB_API_WORKER,
} from './support/application-templates';

const CLUSTER = 'AWS::ECS::Cluster';
const LOAD_BALANCER = 'AWS::ElasticLoadBalancingV2::LoadBalancer';
const LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';
const RULE = 'AWS::ElasticLoadBalancingV2::ListenerRule';
const ECS_SERVICE = 'AWS::ECS::Service';

function loadBalancersOfType(designed: DesignedApplication, type: 'application' | 'network'): string[] {
  return resourcesOfType(designed.template, LOAD_BALANCER).filter(
    (logicalId) => designed.template.Resources[logicalId]?.Properties.Type === type,
  );
}

describe(`POST /v1/architectures: ${APPLICATION_TEMPLATE_PATH}`, () => {
  describe('for web, api and worker on ECS on Fargate', () => {
    let designed: DesignedApplication;
    beforeAll(async () => {
      designed = await designedApplication(WEB_API_WORKER);
    });

    it('runs all three on ECS on Fargate', () => {
      expect(designed.answer.services.map((service) => service.recommendation.platform.id)).toEqual([
        'ecs-fargate',
        'ecs-fargate',
        'ecs-fargate',
      ]);
    });

    it('creates one ECS cluster, which every ECS service runs in', () => {
      const { template } = designed;
      expect(resourcesOfType(template, CLUSTER)).toEqual(['Cluster']);
      const services = resourcesOfType(template, ECS_SERVICE);
      expect(services).toEqual(['WebService', 'ApiService', 'WorkerService']);
      for (const service of services)
        expect(template.Resources[service]?.Properties.Cluster).toEqual({ Ref: 'Cluster' });
    });

    it('creates one Application Load Balancer and one listener, whose default action is the first service', () => {
      const { template } = designed;
      expect(loadBalancersOfType(designed, 'application')).toEqual(['PublicAlbLoadBalancer']);
      expect(resourcesOfType(template, LISTENER)).toEqual(['PublicAlbListenerHTTP80']);
      expect(template.Resources.PublicAlbListenerHTTP80?.Properties.DefaultActions).toEqual([
        { Type: 'forward', TargetGroupArn: { Ref: 'WebTargetGroup' } },
      ]);
    });

    it('adds a listener rule for each route with a priority, with its path pattern and priority', () => {
      const { template, answer } = designed;
      const ruled = answer.ingress.routes.filter((route) => route.priority !== undefined);
      expect(ruled.map((route) => route.service)).toEqual(['api']);
      expect(
        resourcesOfType(template, RULE).map((logicalId) => {
          const properties = template.Resources[logicalId]?.Properties;
          return {
            logicalId,
            priority: properties?.Priority,
            conditions: properties?.Conditions,
            actions: properties?.Actions,
          };
        }),
      ).toEqual(
        ruled.map((route) => ({
          logicalId: 'ApiListenerRuleHTTP80',
          priority: route.priority,
          conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: [route.pathPattern] } }],
          actions: [{ Type: 'forward', TargetGroupArn: { Ref: 'ApiTargetGroup' } }],
        })),
      );
    });

    it('starts each service behind the load balancer after what routes to it', () => {
      const { Resources } = designed.template;
      expect(Resources.WebService?.DependsOn).toEqual(['PublicAlbListenerHTTP80']);
      expect(Resources.ApiService?.DependsOn).toEqual(['ApiListenerRuleHTTP80']);
    });

    it("admits the shared load balancer's security group into each service's tasks", () => {
      const { Resources } = designed.template;
      for (const service of ['Web', 'Api'])
        expect(Resources[`${service}TaskIngressFromLoadBalancer`]?.Properties).toMatchObject({
          GroupId: { Ref: `${service}TaskSecurityGroup` },
          SourceSecurityGroupId: { Ref: 'PublicAlbSecurityGroup' },
        });
    });

    it('shares the network parameters and gives each service its own image parameter', () => {
      expect(Object.keys(designed.template.Parameters)).toEqual(
        expect.arrayContaining([
          'VpcId',
          'PrivateSubnetIds',
          'PublicSubnetIds',
          'WebImageUri',
          'ApiImageUri',
        ]),
      );
      expect(Object.keys(designed.template.Parameters)).not.toContain('ImageUri');
    });

    it('refers only to parameters, resources and pseudo parameters it declares', () => {
      expect(danglingReferences(designed.template)).toEqual([]);
    });

    it('describes the template in the README, instead of saying there is none', () => {
      const readme = designed.answer.starterConfig.files.find((file) => file.path === 'README.md');
      expect(readme?.content).toContain(APPLICATION_TEMPLATE_PATH);
      expect(readme?.content).toContain('`api` at `/api/*` on HTTP:80 (rule priority 1)');
      expect(readme?.content).not.toMatch(/not yet|no whole-application template/);
    });
  });

  describe('for HTTPS services on a shared load balancer', () => {
    it('redirects HTTP on the shared listener and routes HTTPS by rule', async () => {
      const designed = await designedApplication(HTTPS_PAIR);
      const { Resources } = designed.template;
      expect(loadBalancersOfType(designed, 'application')).toHaveLength(1);
      expect(resourcesOfType(designed.template, LISTENER).sort()).toEqual([
        'PublicAlbListenerHTTP80',
        'PublicAlbListenerHTTPS443',
      ]);
      expect(Resources.PublicAlbListenerHTTP80?.Properties.DefaultActions).toMatchObject([
        { Type: 'redirect' },
      ]);
      expect(Resources.PublicAlbListenerHTTPS443?.Properties.Certificates).toEqual([
        { CertificateArn: { Ref: 'CertificateArn' } },
      ]);
      expect(resourcesOfType(designed.template, RULE)).toEqual(['AdminListenerRuleHTTPS443']);
      expect(danglingReferences(designed.template)).toEqual([]);
    });
  });

  describe('for a split application with a UDP service', () => {
    let designed: DesignedApplication;
    beforeAll(async () => {
      designed = await designedApplication(SPLIT_WITH_UDP);
    });

    it('runs kube on EKS and the others on ECS', () => {
      const platforms = designed.answer.services.map((service) => service.recommendation.platform.service);
      expect(platforms).toEqual(['ecs', 'eks', 'ecs']);
    });

    it("includes the EKS service's own resources under its name, beside the ECS services' one cluster", () => {
      const { template } = designed;
      expect(resourcesOfType(template, 'AWS::EKS::Cluster')).toEqual(['KubeCluster']);
      expect(resourcesOfType(template, CLUSTER)).toEqual(['Cluster']);
      expect(resourcesOfType(template, ECS_SERVICE)).toEqual(['WebService', 'GameService']);
    });

    it('keeps a Network Load Balancer for the UDP service, with its UDP listener', () => {
      expect(loadBalancersOfType(designed, 'network')).toEqual(['GameLoadBalancer']);
      expect(designed.template.Resources.GameListenerUDP7777?.Properties).toMatchObject({
        Protocol: 'UDP',
        Port: 7777,
        LoadBalancerArn: { Ref: 'GameLoadBalancer' },
      });
    });

    it('refers only to what it declares', () => {
      expect(danglingReferences(designed.template)).toEqual([]);
    });

    it('says in the README what the template does not do', () => {
      const readme = designed.answer.starterConfig.files.find((file) => file.path === 'README.md')?.content;
      expect(readme).toMatch(/The services on EKS \(kube\) each keep their own EKS cluster/);
      expect(readme).toMatch(/The layer-4 services \(game\) keep a Network Load Balancer each/);
    });
  });

  describe('for generated applications', () => {
    const application = fc.array(validWorkloadRequest, { minLength: 2, maxLength: 4 }).map((requests) => ({
      name: 'app',
      services: requests.map((request, index) => ({ ...request, name: `svc-${index}` })),
    }));

    it('declares every id once, refers to nothing it lacks, and holds every service', async () => {
      await fc.assert(
        fc.asyncProperty(application, async (body) => {
          const design = await designer.design(body);
          // An application with a service no platform can run has no template: drawn again, not counted.
          fc.pre(design.kind === 'architecture');
          if (design.kind !== 'architecture') return;
          // Reading it back refuses a mapping with a key twice: every logical id is unique.
          const { template } = applicationTemplateOf(design.answer);
          expect(danglingReferences(template)).toEqual([]);
          const ids = Object.keys(template.Resources);
          for (const { name } of design.answer.services) {
            const prefix = `Svc${name.slice('svc-'.length)}`;
            expect(ids.some((logicalId) => logicalId.startsWith(prefix))).toBe(true);
          }
          expect(resourcesOfType(template, CLUSTER).length).toBeLessThanOrEqual(1);
          // One Application Load Balancer for each shared one over ECS services (on EKS the controller makes it).
          const albs = resourcesOfType(template, LOAD_BALANCER).filter(
            (logicalId) => template.Resources[logicalId]?.Properties.Type === 'application',
          );
          expect(albs).toHaveLength(
            design.answer.ingress.loadBalancers.filter(
              (shared) => shared.type === 'alb' && shared.service === 'ecs',
            ).length,
          );
        }),
        { seed: RANDOM_SEED, numRuns: 30 },
      );
    }, 300_000);
  });
});
