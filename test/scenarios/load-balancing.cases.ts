import { webWorkload } from '../support/workloads';
import { publicHttps, type Scenario, stateless } from './scenarios.cases';

const NLB_HEALTH_CHECKS =
  'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/target-group-health-checks.html';
const NLB_LISTENERS =
  'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-listeners.html';
const ALB_HEALTH_CHECKS =
  'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html';
const ALB_STICKY_SESSIONS =
  'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/sticky-sessions.html';

/**
 * What the load balancer checks and keeps: health checks a container can pass, stickiness only when
 * asked, TLS passed through when the service terminates it. Each `why` cites the AWS page it rests on.
 */
export const loadBalancingScenarios: Scenario[] = [
  {
    name: 'a UDP game server with a TCP status port for the health check',
    why: `A Network Load Balancer health-checks UDP targets over TCP, HTTP or HTTPS, never UDP, on the traffic port or another one (${NLB_HEALTH_CHECKS}): a server that speaks only UDP on 7777 passes a TCP check on its status port 8081, named by traffic.healthCheckPort. Express Mode has no NLB.`,
    workload: webWorkload({
      name: 'arena',
      traffic: { protocol: 'udp', healthCheckPort: 8081 },
      containerPort: 7777,
    }),
    want: {
      platform: 'ecs-fargate',
      loadBalancer: {
        type: 'nlb',
        scheme: 'internet-facing',
        listeners: [{ protocol: 'UDP', port: 7777 }],
        targetGroup: { protocol: 'UDP', port: 7777, healthCheckProtocol: 'TCP', healthCheckPort: 8081 },
      },
      storage: stateless,
      scalingPolicy: 'target-tracking',
      warnings: ['the container must accept TCP connections on port 8081'],
      blockers: { 'ecs-express-mode': /cannot serve udp traffic/ },
    },
  },
  {
    name: 'a private DNS resolver on UDP 53 that also answers over TCP',
    why: `DNS servers answer on TCP 53 as well as UDP 53; with no other port named, the NLB's TCP health check connects to the traffic port (${NLB_HEALTH_CHECKS}), and the answer must say the container has to accept TCP there. Private means an internal scheme.`,
    workload: webWorkload({
      name: 'resolver',
      traffic: { protocol: 'udp', exposure: 'private' },
      containerPort: 53,
    }),
    want: {
      platform: 'ecs-fargate',
      loadBalancer: {
        type: 'nlb',
        scheme: 'internal',
        listeners: [{ protocol: 'UDP', port: 53 }],
        targetGroup: { protocol: 'UDP', port: 53, healthCheckProtocol: 'TCP', healthCheckPort: 53 },
      },
      storage: stateless,
      scalingPolicy: 'target-tracking',
      warnings: ['the container must accept TCP connections on port 53'],
    },
  },
  {
    name: 'a plain nginx image on port 80 with every other default',
    why: `An ALB's default health-check path is "/" (${ALB_HEALTH_CHECKS}), which a plain web server answers with 200, where nginx answers 404 on /health; the nginx image listens on 80, so the request says containerPort 80 and the health check goes there.`,
    workload: webWorkload({
      name: 'static-site',
      image: 'public.ecr.aws/nginx/nginx:latest',
      containerPort: 80,
    }),
    want: {
      platform: 'ecs-fargate',
      loadBalancer: {
        type: 'alb',
        scheme: 'internet-facing',
        listeners: [{ protocol: 'HTTP', port: 80 }],
        targetGroup: { protocol: 'HTTP', port: 80, healthCheckPath: '/', healthCheckPort: 80 },
      },
      storage: stateless,
      scalingPolicy: 'target-tracking',
    },
  },
  {
    name: 'a WebSocket chat that does not ask for sticky sessions',
    why: `Sticky sessions bind a client's requests to one target with a cookie (${ALB_STICKY_SESSIONS}); an upgraded WebSocket already stays on its target, and stickiness skews load, so it is off unless traffic.stickySessions asks for it.`,
    workload: webWorkload({ name: 'lobby', traffic: { protocol: 'websocket' } }),
    want: {
      platform: 'ecs-fargate',
      loadBalancer: { ...publicHttps, targetGroup: { protocol: 'HTTP', stickiness: false } },
      storage: stateless,
      scalingPolicy: 'target-tracking',
    },
  },
  {
    name: 'a WebSocket game lobby that keeps reconnecting clients on their task',
    why: `With traffic.stickySessions the ALB target group uses duration-based cookie stickiness (${ALB_STICKY_SESSIONS}), so a browser that reconnects returns to the task that holds its session.`,
    workload: webWorkload({ name: 'rooms', traffic: { protocol: 'websocket', stickySessions: true } }),
    want: {
      platform: 'ecs-fargate',
      loadBalancer: { ...publicHttps, targetGroup: { protocol: 'HTTP', stickiness: true } },
      storage: stateless,
      scalingPolicy: 'target-tracking',
    },
  },
  {
    name: 'an HTTPS API that terminates TLS in the container',
    why: `"If you must ensure that the targets decrypt TLS traffic instead of the load balancer, you can create a TCP listener on port 443" (${NLB_LISTENERS}): a Network Load Balancer passes the encrypted connection to the container's port 8443, with no ACM certificate (so no certificate warning). An ALB always terminates TLS; App Runner and Express Mode terminate it at their own endpoint.`,
    workload: webWorkload({
      name: 'vault-api',
      traffic: { protocol: 'https', tlsTermination: 'service' },
      containerPort: 8443,
    }),
    want: {
      platform: 'ecs-fargate',
      loadBalancer: {
        type: 'nlb',
        scheme: 'internet-facing',
        listeners: [{ protocol: 'TCP', port: 443, action: 'forward' }],
        targetGroup: { protocol: 'TCP', port: 8443, healthCheckProtocol: 'TCP' },
      },
      storage: stateless,
      scalingPolicy: 'target-tracking',
      blockers: { 'ecs-express-mode': /terminates TLS at its own HTTPS endpoint/ },
    },
  },
  {
    name: 'a private mutual-TLS service that terminates TLS itself',
    why: `Mutual TLS checked by the service needs the client's TLS session to reach it: a TCP listener on 443 passes it through (${NLB_LISTENERS}); the NLB checks the targets over TCP (${NLB_HEALTH_CHECKS}), which a TLS server accepts. Private means an internal scheme.`,
    workload: webWorkload({
      name: 'ledger-mtls',
      traffic: { protocol: 'tls', tlsTermination: 'service', exposure: 'private' },
      containerPort: 9443,
    }),
    want: {
      platform: 'ecs-fargate',
      loadBalancer: {
        type: 'nlb',
        scheme: 'internal',
        listeners: [{ protocol: 'TCP', port: 443, action: 'forward' }],
        targetGroup: { protocol: 'TCP', port: 9443, healthCheckProtocol: 'TCP', healthCheckPort: 9443 },
      },
      storage: stateless,
      scalingPolicy: 'target-tracking',
    },
  },
  {
    name: 'a gRPC service that asks for sticky sessions',
    why: `ALB stickiness needs clients that keep cookies (${ALB_STICKY_SESSIONS}), which gRPC clients do not: the target group stays without stickiness and the answer says so; the gRPC health check accepts any gRPC status, so a server without the health service passes.`,
    workload: webWorkload({ name: 'quotes-rpc', traffic: { protocol: 'grpc', stickySessions: true } }),
    want: {
      platform: 'ecs-fargate',
      loadBalancer: {
        type: 'alb',
        listeners: [{ protocol: 'HTTPS', port: 443, action: 'forward' }],
        targetGroup: { protocolVersion: 'GRPC', healthCheckMatcher: { GrpcCode: '0-99' } },
      },
      storage: stateless,
      scalingPolicy: 'target-tracking',
      warnings: ['traffic.stickySessions is not applied to grpc traffic'],
    },
  },
];
