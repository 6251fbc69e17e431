import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import type { PlatformId } from '../../src/catalogue/platform-catalogue';
import type { TemplateDocument } from '../../src/generators/cloudformation/template';
import { cloudFormationTemplate } from '../../src/generators/starter-config';
import { inputsOnEveryEligiblePlatform } from '../cloudformation/support/starter-inputs';
import {
  at,
  type Document,
  fileAt,
  jsonAt,
  kubernetesObject,
  starterFiles,
  yamlDocumentsAt,
} from './support/starter';

/**
 * What the load balancer in front of a web service checks and keeps, as every rendering writes it: the
 * health check must be one the container can pass (Network Load Balancers check UDP targets over TCP,
 * HTTP or HTTPS, https://docs.aws.amazon.com/elasticloadbalancing/latest/network/target-group-health-checks.html),
 * stickiness only when asked, and TLS passed through on a TCP listener when the service terminates it
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-listeners.html).
 */

type Body = Record<string, unknown>;
type Node = Record<string, unknown>;

const K8S = { kubernetes: 'required', daemons: true };
const GAME = {
  workloadType: 'web',
  name: 'game',
  traffic: { protocol: 'udp', healthCheckPort: 8081 },
  containerPort: 7777,
};

async function templateFor(body: Body, platform: PlatformId = 'ecs-fargate'): Promise<TemplateDocument> {
  const input = (await inputsOnEveryEligiblePlatform(body)).find(
    (candidate) => candidate.platform.id === platform,
  );
  if (input === undefined) throw new Error(`${platform} cannot run ${JSON.stringify(body)}`);
  return cloudFormationTemplate(input);
}

function resourcesOfType(template: TemplateDocument, type: string): Node[] {
  return Object.values(template.Resources)
    .filter((resource) => resource.Type === type)
    .map((resource) => (resource as unknown as { Properties: Node }).Properties);
}

function resource(template: TemplateDocument, logicalId: string): Node {
  const found = template.Resources[logicalId];
  if (found === undefined) throw new Error(`no ${logicalId} among ${Object.keys(template.Resources)}`);
  return (found as unknown as { Properties: Node }).Properties;
}

async function manifests(body: Body): Promise<Document[]> {
  return yamlDocumentsAt(await starterFiles(body), 'eks/manifests.yaml');
}

function annotations(document: Document): Record<string, string> {
  return (at(document, 'metadata', 'annotations') ?? {}) as Record<string, string>;
}

function podContainer(documents: Document[]): unknown {
  return at(kubernetesObject(documents, 'Deployment'), 'spec', 'template', 'spec', 'containers', 0);
}

describe('the load balancer in front of a web service', () => {
  describe('when the protocol is udp and traffic.healthCheckPort names a TCP port', () => {
    it('health-checks that port over TCP in the CloudFormation target group', async () => {
      expect(resource(await templateFor(GAME), 'TargetGroup')).toMatchObject({
        Protocol: 'UDP',
        Port: 7777,
        HealthCheckProtocol: 'TCP',
        HealthCheckPort: '8081',
      });
    });

    it('admits UDP on the game port and TCP on the health-check port from the load balancer', async () => {
      const ingress = resourcesOfType(await templateFor(GAME), 'AWS::EC2::SecurityGroupIngress').map(
        ({ IpProtocol, FromPort, ToPort }) => ({ IpProtocol, FromPort, ToPort }),
      );
      expect(ingress).toEqual(
        expect.arrayContaining([
          { IpProtocol: 'udp', FromPort: 7777, ToPort: 7777 },
          { IpProtocol: 'tcp', FromPort: 8081, ToPort: 8081 },
        ]),
      );
      expect(ingress).not.toContainEqual({ IpProtocol: 'tcp', FromPort: 7777, ToPort: 7777 });
    });

    it('maps the health-check port in the task definition, as the API file and the template write it', async () => {
      const want = [
        { name: 'game-7777', containerPort: 7777, protocol: 'udp' },
        { name: 'game-8081', containerPort: 8081, protocol: 'tcp' },
      ];
      const definition = jsonAt<RegisterTaskDefinitionCommandInput>(
        await starterFiles(GAME),
        'ecs/task-definition.json',
      );
      expect(definition.containerDefinitions?.[0]?.portMappings).toEqual(want);
      const [taskDefinition] = resourcesOfType(await templateFor(GAME), 'AWS::ECS::TaskDefinition');
      expect(at(taskDefinition, 'ContainerDefinitions', 0, 'PortMappings')).toEqual(
        want.map(({ name, containerPort, protocol }) => ({
          Name: name,
          ContainerPort: containerPort,
          Protocol: protocol,
        })),
      );
    });

    it('creates the target group with that health-check port in the README steps', async () => {
      expect(fileAt(await starterFiles(GAME), 'README.md').content).toContain(
        '--health-check-protocol TCP --health-check-port 8081',
      );
    });

    it('annotates the EKS Service with the health-check port and probes it over TCP', async () => {
      const documents = await manifests({ ...GAME, control: K8S });
      expect(annotations(kubernetesObject(documents, 'Service'))).toMatchObject({
        'service.beta.kubernetes.io/aws-load-balancer-healthcheck-protocol': 'TCP',
        'service.beta.kubernetes.io/aws-load-balancer-healthcheck-port': '8081',
      });
      expect(podContainer(documents)).toMatchObject({
        ports: [
          { name: 'udp', containerPort: 7777, protocol: 'UDP' },
          { name: 'health', containerPort: 8081, protocol: 'TCP' },
        ],
        readinessProbe: { tcpSocket: { port: 8081 } },
      });
    });
  });

  describe('when the protocol is udp and no health-check port is named', () => {
    const body = { workloadType: 'web', traffic: { protocol: 'udp' }, containerPort: 5353 };

    it('maps the same port over TCP too, which the TCP health check connects to', async () => {
      const definition = jsonAt<RegisterTaskDefinitionCommandInput>(
        await starterFiles(body),
        'ecs/task-definition.json',
      );
      expect(definition.containerDefinitions?.[0]?.portMappings).toEqual([
        { name: 'app-5353', containerPort: 5353, protocol: 'udp' },
        { name: 'app-5353-tcp', containerPort: 5353, protocol: 'tcp' },
      ]);
      expect(resource(await templateFor(body), 'TargetGroup')).not.toHaveProperty('HealthCheckPort');
    });
  });

  describe.each(['http', 'https', 'websocket'])('when the protocol is %s', (protocol) => {
    const body = { workloadType: 'web', traffic: { protocol } };

    it('counts a redirect as healthy, as the container check (curl -f) does', async () => {
      expect(resource(await templateFor(body), 'TargetGroup')).toMatchObject({
        HealthCheckPath: '/',
        Matcher: { HttpCode: '200-399' },
      });
      expect(fileAt(await starterFiles(body), 'README.md').content).toContain('--matcher HttpCode=200-399');
      const ingress = kubernetesObject(await manifests({ ...body, control: K8S }), 'Ingress');
      expect(annotations(ingress)['alb.ingress.kubernetes.io/success-codes']).toBe('200-399');
    });
  });

  describe('when the protocol is websocket', () => {
    it('keeps no client on one task unless stickySessions asks for it', async () => {
      const body = { workloadType: 'web', traffic: { protocol: 'websocket' } };
      const attributes = at(resource(await templateFor(body), 'TargetGroup'), 'TargetGroupAttributes');
      expect(attributes).not.toContainEqual({ Key: 'stickiness.enabled', Value: 'true' });
      const ingress = kubernetesObject(await manifests({ ...body, control: K8S }), 'Ingress');
      expect(annotations(ingress)).not.toHaveProperty('alb.ingress.kubernetes.io/target-group-attributes');
    });

    it('sets a load-balancer cookie when stickySessions is true', async () => {
      const body = { workloadType: 'web', traffic: { protocol: 'websocket', stickySessions: true } };
      expect(at(resource(await templateFor(body), 'TargetGroup'), 'TargetGroupAttributes')).toEqual(
        expect.arrayContaining([
          { Key: 'stickiness.enabled', Value: 'true' },
          { Key: 'stickiness.type', Value: 'lb_cookie' },
        ]),
      );
      const ingress = kubernetesObject(await manifests({ ...body, control: K8S }), 'Ingress');
      expect(annotations(ingress)['alb.ingress.kubernetes.io/target-group-attributes']).toContain(
        'stickiness.enabled=true',
      );
    });
  });

  describe('when a TCP service asks for sticky sessions', () => {
    const body = {
      workloadType: 'web',
      traffic: { protocol: 'tcp', stickySessions: true },
      containerPort: 1883,
    };

    it('routes each client by source IP, the stickiness a Network Load Balancer has', async () => {
      expect(at(resource(await templateFor(body), 'TargetGroup'), 'TargetGroupAttributes')).toEqual(
        expect.arrayContaining([
          { Key: 'stickiness.enabled', Value: 'true' },
          { Key: 'stickiness.type', Value: 'source_ip' },
        ]),
      );
      const service = kubernetesObject(await manifests({ ...body, control: K8S }), 'Service');
      expect(
        annotations(service)['service.beta.kubernetes.io/aws-load-balancer-target-group-attributes'],
      ).toBe('stickiness.enabled=true,stickiness.type=source_ip');
    });
  });

  describe.each([
    { protocol: 'https', containerPort: 8443 },
    { protocol: 'tls', containerPort: 9443 },
  ])('when $protocol traffic is terminated by the service itself', ({ protocol, containerPort }) => {
    const body = { workloadType: 'web', traffic: { protocol, tlsTermination: 'service' }, containerPort };

    it('passes TLS through a TCP listener on 443 of a Network Load Balancer, with no certificate', async () => {
      const template = await templateFor(body);
      expect(resource(template, 'LoadBalancer')).toMatchObject({ Type: 'network' });
      expect(resourcesOfType(template, 'AWS::ElasticLoadBalancingV2::Listener')).toEqual([
        expect.objectContaining({ Protocol: 'TCP', Port: 443 }),
      ]);
      expect(resource(template, 'TargetGroup')).toMatchObject({
        Protocol: 'TCP',
        Port: containerPort,
        HealthCheckProtocol: 'TCP',
      });
      expect(Object.keys(template.Parameters ?? {})).not.toContain('CertificateArn');
    });

    it('writes no certificate into the listener command of the README', async () => {
      const readme = fileAt(await starterFiles(body), 'README.md').content;
      expect(readme).toContain('--protocol TCP --port 443 --default-actions');
      expect(readme).not.toContain('CertificateArn=');
    });

    it('annotates the EKS Service as a plain TCP Network Load Balancer on 443, with no certificate', async () => {
      const service = kubernetesObject(await manifests({ ...body, control: K8S }), 'Service');
      expect(annotations(service)).not.toHaveProperty(
        'service.beta.kubernetes.io/aws-load-balancer-ssl-cert',
      );
      expect(at(service, 'spec', 'ports')).toEqual([
        { name: 'tcp-443', port: 443, targetPort: containerPort, protocol: 'TCP' },
      ]);
    });
  });
});
