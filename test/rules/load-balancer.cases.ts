import type { components } from '../../src/contract/generated/openapi-types';
import { batchWorkload, webWorkload, workerWorkload } from '../support/workloads';
import type { DeepPartial, DesignCase } from './rule-case';

type LoadBalancer = components['schemas']['LoadBalancer'];

const httpsWithRedirect = [
  { protocol: 'HTTPS', port: 443, action: 'forward' },
  { protocol: 'HTTP', port: 80, action: 'redirect-to-https' },
] as const;

/**
 * rules/load-balancer.json: ALB for HTTP, HTTPS, gRPC and WebSockets; NLB for TCP, UDP and TLS; the
 * platform's own endpoint on App Runner and Express Mode; nothing for workers and batch jobs
 * (docs/sources.md §2 "Load balancers", summary 7). `want` is compared with toMatchObject: listener lists
 * must match exactly.
 */
export const loadBalancerCases: DesignCase<DeepPartial<LoadBalancer>>[] = [
  {
    given: 'a web service takes plain HTTP',
    rule: 'alb-for-http',
    workload: webWorkload(),
    platform: 'ecs-fargate',
    want: {
      type: 'alb',
      scheme: 'internet-facing',
      listeners: [{ protocol: 'HTTP', port: 80, action: 'forward' }],
      targetGroup: {
        protocol: 'HTTP',
        protocolVersion: 'HTTP1',
        port: 8080,
        targetType: 'ip',
        healthCheckPath: '/',
        healthCheckPort: 8080,
        healthCheckMatcher: { HttpCode: '200-399' },
        stickiness: false,
      },
    },
  },
  {
    given: 'a plain HTTP service asks for sticky sessions',
    rule: 'alb-for-http',
    workload: webWorkload({ traffic: { stickySessions: true } }),
    platform: 'ecs-fargate',
    want: { type: 'alb', targetGroup: { protocol: 'HTTP', stickiness: true } },
  },
  // EKS Fargate pods take ALB and NLB traffic through IP targets only.
  {
    given: 'a Kubernetes web service takes plain HTTP',
    rule: 'alb-for-http',
    workload: webWorkload({ control: { kubernetes: 'required' }, containerPort: 3000 }),
    platform: 'eks-auto-mode',
    want: {
      type: 'alb',
      listeners: [{ protocol: 'HTTP', port: 80 }],
      targetGroup: { protocol: 'HTTP', port: 3000, targetType: 'ip' },
    },
  },
  {
    given: 'a minimal-ops team serves plain HTTP',
    rule: 'alb-for-http',
    workload: webWorkload({ control: { level: 'minimal' } }),
    platform: 'ecs-express-mode',
    fires: false,
    want: { type: 'built-in' },
  },
  {
    given: 'a web service takes HTTPS',
    rule: 'alb-for-https-with-redirect',
    workload: webWorkload({ traffic: { protocol: 'https' } }),
    platform: 'ecs-fargate',
    want: {
      type: 'alb',
      listeners: [...httpsWithRedirect],
      targetGroup: { protocol: 'HTTP', protocolVersion: 'HTTP1', port: 8080 },
    },
  },
  {
    given: 'a web service speaks gRPC (its clients do not follow redirects, so no HTTP listener on 80)',
    rule: 'alb-for-grpc',
    workload: webWorkload({ traffic: { protocol: 'grpc' }, containerPort: 50051 }),
    platform: 'ecs-fargate',
    want: {
      type: 'alb',
      listeners: [{ protocol: 'HTTPS', port: 443, action: 'forward' }],
      targetGroup: {
        protocol: 'HTTP',
        protocolVersion: 'GRPC',
        port: 50051,
        healthCheckPath: '/AWS.ALB/healthcheck',
      },
    },
  },
  {
    given: 'a web service speaks WebSockets',
    rule: 'alb-for-websockets',
    workload: webWorkload({ traffic: { protocol: 'websocket' } }),
    platform: 'ecs-fargate',
    want: {
      type: 'alb',
      listeners: [...httpsWithRedirect],
      targetGroup: { protocol: 'HTTP', protocolVersion: 'HTTP1', stickiness: false },
    },
  },
  // A WebSocket stays on its task once upgraded; cookie stickiness only matters for reconnects, so only when asked.
  {
    given: 'a WebSocket service asks for sticky sessions',
    rule: 'alb-for-websockets',
    workload: webWorkload({ traffic: { protocol: 'websocket', stickySessions: true } }),
    platform: 'ecs-fargate',
    want: { type: 'alb', targetGroup: { stickiness: true } },
  },
  {
    given: 'an MQTT broker takes TCP on port 1883',
    rule: 'nlb-for-tcp',
    workload: webWorkload({ traffic: { protocol: 'tcp' }, containerPort: 1883 }),
    platform: 'ecs-fargate',
    want: {
      type: 'nlb',
      listeners: [{ protocol: 'TCP', port: 1883 }],
      targetGroup: { protocol: 'TCP', port: 1883, healthCheckProtocol: 'TCP' },
    },
  },
  {
    given: 'a game server takes UDP on port 7777',
    rule: 'nlb-for-udp',
    workload: webWorkload({ traffic: { protocol: 'udp' }, containerPort: 7777 }),
    platform: 'ecs-fargate',
    want: {
      type: 'nlb',
      listeners: [{ protocol: 'UDP', port: 7777 }],
      targetGroup: { protocol: 'UDP', port: 7777, healthCheckProtocol: 'TCP', healthCheckPort: 7777 },
    },
  },
  // NLBs health-check UDP targets over TCP, HTTP or HTTPS (target-group-health-checks.html): a TCP status port.
  {
    given: 'a game server takes UDP on 7777 and serves a TCP status port on 8081',
    rule: 'nlb-for-udp',
    workload: webWorkload({ traffic: { protocol: 'udp', healthCheckPort: 8081 }, containerPort: 7777 }),
    platform: 'ecs-fargate',
    want: {
      type: 'nlb',
      listeners: [{ protocol: 'UDP', port: 7777 }],
      targetGroup: { protocol: 'UDP', port: 7777, healthCheckProtocol: 'TCP', healthCheckPort: 8081 },
    },
  },
  {
    given: 'a custom protocol runs over TLS',
    rule: 'nlb-for-tls',
    workload: webWorkload({ traffic: { protocol: 'tls' }, containerPort: 9443 }),
    platform: 'ecs-fargate',
    want: {
      type: 'nlb',
      listeners: [{ protocol: 'TLS', port: 443 }],
      targetGroup: { protocol: 'TCP', port: 9443 },
    },
  },
  {
    given: 'a custom protocol runs over TLS that the service terminates itself',
    rule: 'nlb-for-tls',
    workload: webWorkload({ traffic: { protocol: 'tls', tlsTermination: 'service' }, containerPort: 9443 }),
    platform: 'ecs-fargate',
    fires: false,
    want: { type: 'nlb', listeners: [{ protocol: 'TCP', port: 443 }] },
  },
  // "To pass encrypted traffic through to the targets, create a TCP listener on port 443" (NLB listeners).
  {
    given: 'a TLS service terminates TLS itself',
    rule: 'nlb-for-tls-passthrough',
    workload: webWorkload({ traffic: { protocol: 'tls', tlsTermination: 'service' }, containerPort: 9443 }),
    platform: 'ecs-fargate',
    want: {
      type: 'nlb',
      listeners: [{ protocol: 'TCP', port: 443, action: 'forward' }],
      targetGroup: { protocol: 'TCP', port: 9443, healthCheckProtocol: 'TCP', healthCheckPort: 9443 },
    },
  },
  // An ALB always terminates TLS at its HTTPS listener; only an NLB TCP listener passes it through.
  {
    given: 'an HTTPS service terminates TLS itself',
    rule: 'nlb-for-tls-passthrough',
    workload: webWorkload({ traffic: { protocol: 'https', tlsTermination: 'service' }, containerPort: 8443 }),
    platform: 'ecs-fargate',
    want: {
      type: 'nlb',
      listeners: [{ protocol: 'TCP', port: 443, action: 'forward' }],
      targetGroup: { protocol: 'TCP', port: 8443, healthCheckProtocol: 'TCP' },
    },
  },
  {
    given: 'a passed-through HTTPS service on Kubernetes asks for sticky sessions',
    rule: 'nlb-for-tls-passthrough',
    workload: webWorkload({
      traffic: { protocol: 'https', tlsTermination: 'service', stickySessions: true },
      control: { kubernetes: 'required', daemons: true },
    }),
    platform: 'eks-auto-mode',
    want: { type: 'nlb', targetGroup: { stickiness: true } },
  },
  {
    given: 'an HTTPS service leaves TLS to the load balancer',
    rule: 'nlb-for-tls-passthrough',
    workload: webWorkload({ traffic: { protocol: 'https' } }),
    platform: 'ecs-fargate',
    fires: false,
    want: { type: 'alb', listeners: [...httpsWithRedirect] },
  },
  {
    given: 'an HTTPS service terminates TLS itself',
    rule: 'alb-for-https-with-redirect',
    workload: webWorkload({ traffic: { protocol: 'https', tlsTermination: 'service' } }),
    platform: 'ecs-fargate',
    fires: false,
    want: { type: 'nlb' },
  },
  {
    given: 'an MQTT broker on TCP asks for sticky sessions',
    rule: 'nlb-for-tcp',
    workload: webWorkload({ traffic: { protocol: 'tcp', stickySessions: true }, containerPort: 1883 }),
    platform: 'ecs-fargate',
    want: { type: 'nlb', targetGroup: { protocol: 'TCP', stickiness: true } },
  },
  {
    given: 'an HTTPS API is private to the VPC',
    rule: 'internal-scheme-for-private-services',
    workload: webWorkload({ traffic: { protocol: 'https', exposure: 'private' } }),
    platform: 'ecs-fargate',
    want: { type: 'alb', scheme: 'internal' },
  },
  {
    given: 'a UDP service is private to the VPC',
    rule: 'internal-scheme-for-private-services',
    workload: webWorkload({ traffic: { protocol: 'udp', exposure: 'private' } }),
    platform: 'ecs-fargate',
    want: { type: 'nlb', scheme: 'internal' },
  },
  // A private App Runner service is reached through a VPC interface endpoint (API_IngressConfiguration).
  {
    given: 'an existing App Runner customer serves a private, intermittent web app',
    rule: 'internal-scheme-for-private-services',
    workload: webWorkload({
      existingAppRunnerCustomer: true,
      control: { level: 'minimal' },
      traffic: { exposure: 'private', pattern: 'intermittent' },
    }),
    platform: 'app-runner',
    want: { type: 'built-in', scheme: 'internal' },
  },
  {
    given: 'a web service is public',
    rule: 'internal-scheme-for-private-services',
    workload: webWorkload({ traffic: { exposure: 'public' } }),
    platform: 'ecs-fargate',
    fires: false,
    want: { scheme: 'internet-facing' },
  },
  // A task on the host's network has no address of its own: its instance is the target (networking-networkmode-host.html).
  {
    given: "an HTTP service runs on the host's network",
    rule: 'instance-targets-on-the-host-network',
    workload: webWorkload({ control: { hostNetwork: true } }),
    platform: 'ecs-managed-instances',
    want: { type: 'alb', targetGroup: { protocol: 'HTTP', port: 8080, targetType: 'instance' } },
  },
  {
    given: "a UDP service on the host's network runs on the team's own hosts",
    rule: 'instance-targets-on-the-host-network',
    workload: webWorkload({
      containerPort: 5353,
      traffic: { protocol: 'udp' },
      control: { hostNetwork: true, level: 'full' },
    }),
    platform: 'ecs-ec2',
    want: { type: 'nlb', targetGroup: { protocol: 'UDP', port: 5353, targetType: 'instance' } },
  },
  {
    given: "a Kubernetes service runs on the host's network",
    rule: 'instance-targets-on-the-host-network',
    workload: webWorkload({ control: { hostNetwork: true, kubernetes: 'required' } }),
    platform: 'eks-auto-mode',
    fires: false,
    want: { type: 'alb', targetGroup: { targetType: 'ip' } },
  },
  {
    given: 'a minimal-ops team serves a web app',
    rule: 'built-in-endpoint-for-managed-ingress',
    workload: webWorkload({ control: { level: 'minimal' } }),
    platform: 'ecs-express-mode',
    want: { type: 'built-in', scheme: 'internet-facing', listeners: [{ protocol: 'HTTPS', port: 443 }] },
  },
  {
    given: 'an existing App Runner customer serves an intermittent web app',
    rule: 'built-in-endpoint-for-managed-ingress',
    workload: webWorkload({
      existingAppRunnerCustomer: true,
      control: { level: 'minimal' },
      traffic: { pattern: 'intermittent' },
    }),
    platform: 'app-runner',
    want: { type: 'built-in', listeners: [{ protocol: 'HTTPS', port: 443 }] },
  },
  {
    given: 'a web service runs on ECS Fargate',
    rule: 'built-in-endpoint-for-managed-ingress',
    workload: webWorkload(),
    platform: 'ecs-fargate',
    fires: false,
    want: { type: 'alb' },
  },
  {
    given: 'the workload is a queue worker',
    rule: 'no-load-balancer-for-workers-and-batch',
    workload: workerWorkload(),
    platform: 'ecs-fargate',
    want: { type: 'none', listeners: [] },
  },
  {
    given: 'the workload is a batch job',
    rule: 'no-load-balancer-for-workers-and-batch',
    workload: batchWorkload(),
    platform: 'ecs-fargate',
    want: { type: 'none', listeners: [] },
  },
];
