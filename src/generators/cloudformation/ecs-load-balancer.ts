import type { components } from '../../contract/generated/openapi-types';
import { isRecord } from '../../shared/json-value';
import type { StarterConfigInput } from '../shared/starter-file';
import { equals, fnIf, getAtt, join, NO_VALUE, not, ref, type TemplateValue } from './intrinsics';
import { certificateArn, privateSubnetIds, publicSubnetIds } from './parameters';
import type { TemplateBuilder } from './template';

type Listener = components['schemas']['Listener'];

/** The TLS policy of TLS and HTTPS listeners: TLS 1.3 and 1.2 only, as AWS recommends. */
const TLS_POLICY = 'ELBSecurityPolicy-TLS13-1-2-2021-06';
/** ALB and NLB default to 300 s; a stateless service needs far less to finish its requests. */
const DEREGISTRATION_DELAY_SECONDS = '30';
const STICKINESS_SECONDS = '86400';

export interface StackLoadBalancer {
  securityGroup: string;
  targetGroup: string;
  /** The listeners the service must wait for: ECS rejects a target group with no load balancer yet. */
  listeners: string[];
  /** The protocols the tasks must accept from the load balancer on the container port. */
  targetProtocols: ('tcp' | 'udp')[];
}

/**
 * The designed load balancer in front of an ECS service: its security group (open on the listener ports),
 * an IP target group on the container port, and one listener per designed listener. A TLS listener is
 * conditional on the CertificateArn parameter unless the protocol needs TLS (gRPC): without a certificate,
 * HTTPS on 443 and its 80 → 443 redirect give way to plain HTTP on 80, and TLS on 443 to TCP on 443.
 */
export function addLoadBalancer(
  template: TemplateBuilder,
  input: StarterConfigInput,
  vpc: TemplateValue,
): StackLoadBalancer | null {
  const { workload, design } = input;
  const { loadBalancer } = design;
  const targetGroup = loadBalancer.targetGroup;
  const port = workload.containerPort;
  if (
    (loadBalancer.type !== 'alb' && loadBalancer.type !== 'nlb') ||
    targetGroup === undefined ||
    port === undefined
  )
    return null;
  const alb = loadBalancer.type === 'alb';
  const internal = loadBalancer.scheme === 'internal';
  const tls = loadBalancer.listeners.some(
    (listener) => listener.protocol === 'HTTPS' || listener.protocol === 'TLS',
  );
  // gRPC on an ALB needs an HTTPS listener, so its certificate cannot be optional.
  const certificateRequired = targetGroup.protocolVersion === 'GRPC';
  const certificate = tls ? certificateArn(template, certificateRequired) : null;
  const hasCertificate =
    certificate === null || certificateRequired
      ? null
      : template.condition('HasCertificate', not(equals(certificate, '')));

  template.resource('LoadBalancerSecurityGroup', {
    Type: 'AWS::EC2::SecurityGroup',
    Properties: {
      GroupDescription: `${internal ? 'Internal' : 'Internet-facing'} load balancer: the listener ports`,
      VpcId: vpc,
      SecurityGroupIngress: loadBalancer.listeners.map((listener) => {
        const rule = {
          Description: `${listener.protocol} on ${listener.port}`,
          IpProtocol: listener.protocol === 'UDP' ? 'udp' : 'tcp',
          FromPort: listener.port,
          ToPort: listener.port,
          CidrIp: '0.0.0.0/0',
        };
        // No certificate, no HTTPS listener: its port stays closed.
        return listener.protocol === 'HTTPS' && hasCertificate !== null
          ? fnIf(hasCertificate, rule, NO_VALUE)
          : rule;
      }),
    },
  });
  template.resource('LoadBalancer', {
    Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
    Properties: {
      Type: alb ? 'application' : 'network',
      Scheme: internal ? 'internal' : 'internet-facing',
      Subnets: internal ? privateSubnetIds(template) : publicSubnetIds(template),
      SecurityGroups: [ref('LoadBalancerSecurityGroup')],
      ...(alb
        ? {
            LoadBalancerAttributes: [
              { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' },
            ],
          }
        : {}),
    },
  });
  // Settings beyond the documented target-group fields (gRPC success codes, stickiness) travel as extra properties.
  const extra: Record<string, unknown> = targetGroup;
  const matcher = isRecord(extra.healthCheckMatcher) ? extra.healthCheckMatcher : {};
  const attributes = [{ Key: 'deregistration_delay.timeout_seconds', Value: DEREGISTRATION_DELAY_SECONDS }];
  if (extra.stickiness === true) {
    attributes.push(
      { Key: 'stickiness.enabled', Value: 'true' },
      { Key: 'stickiness.type', Value: 'lb_cookie' },
      { Key: 'stickiness.lb_cookie.duration_seconds', Value: STICKINESS_SECONDS },
    );
  }
  template.resource('TargetGroup', {
    Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
    Properties: {
      VpcId: vpc,
      TargetType: 'ip',
      Protocol: targetGroup.protocol,
      Port: port,
      ...(alb && targetGroup.protocolVersion !== undefined
        ? { ProtocolVersion: targetGroup.protocolVersion }
        : {}),
      ...(targetGroup.healthCheckProtocol === undefined
        ? {}
        : { HealthCheckProtocol: targetGroup.healthCheckProtocol }),
      ...(alb && targetGroup.healthCheckPath !== undefined
        ? { HealthCheckPath: targetGroup.healthCheckPath }
        : {}),
      ...(alb ? matcherProperty(matcher) : {}),
      TargetGroupAttributes: attributes,
    },
  });
  const listeners = loadBalancer.listeners.map((listener) =>
    addListener(template, listener, certificate, hasCertificate),
  );
  const ready = listeners.some((listener) => listener.condition !== null)
    ? [addListenersReady(template, listeners)]
    : listeners.map((listener) => listener.logicalId);
  addOutputs(template, alb, tls, hasCertificate, certificateRequired);
  const targetProtocols: ('tcp' | 'udp')[] =
    targetGroup.protocol === 'UDP'
      ? // The NLB checks a UDP target's health over TCP, on the same port.
        ['udp', 'tcp']
      : ['tcp'];
  return {
    securityGroup: 'LoadBalancerSecurityGroup',
    targetGroup: 'TargetGroup',
    listeners: ready,
    targetProtocols,
  };
}

interface AddedListener {
  logicalId: string;
  /** The condition the listener exists under, if any. */
  condition: string | null;
}

function addListener(
  template: TemplateBuilder,
  listener: Listener,
  certificate: TemplateValue | null,
  hasCertificate: string | null,
): AddedListener {
  const logicalId = `Listener${listener.protocol}${listener.port}`;
  const forward = [{ Type: 'forward', TargetGroupArn: ref('TargetGroup') }];
  const redirect = [
    { Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } },
  ];
  const certificates = certificate === null ? [] : [{ CertificateArn: certificate }];
  const common = { LoadBalancerArn: ref('LoadBalancer'), Port: listener.port };
  switch (listener.protocol) {
    case 'HTTPS':
      template.resource(logicalId, {
        Type: 'AWS::ElasticLoadBalancingV2::Listener',
        ...(hasCertificate === null ? {} : { Condition: hasCertificate }),
        Properties: {
          ...common,
          Protocol: 'HTTPS',
          Certificates: certificates,
          SslPolicy: TLS_POLICY,
          DefaultActions: forward,
        },
      });
      return { logicalId, condition: hasCertificate };
    case 'TLS':
      template.resource(logicalId, {
        Type: 'AWS::ElasticLoadBalancingV2::Listener',
        Properties: {
          ...common,
          ...(hasCertificate === null
            ? { Protocol: 'TLS', Certificates: certificates, SslPolicy: TLS_POLICY }
            : {
                Protocol: fnIf(hasCertificate, 'TLS', 'TCP'),
                Certificates: fnIf(hasCertificate, certificates, NO_VALUE),
                SslPolicy: fnIf(hasCertificate, TLS_POLICY, NO_VALUE),
              }),
          DefaultActions: forward,
        },
      });
      return { logicalId, condition: null };
    default: {
      const actions =
        listener.action !== 'redirect-to-https'
          ? forward
          : hasCertificate === null
            ? redirect
            : fnIf(hasCertificate, redirect, forward);
      template.resource(logicalId, {
        Type: 'AWS::ElasticLoadBalancingV2::Listener',
        Properties: { ...common, Protocol: listener.protocol, DefaultActions: actions },
      });
      return { logicalId, condition: null };
    }
  }
}

/**
 * DependsOn cannot name a resource that may not exist, and the HTTPS listener exists only with a
 * certificate. This empty resource refers to every listener that exists, so waiting for it waits for them.
 */
function addListenersReady(template: TemplateBuilder, listeners: AddedListener[]): string {
  return template.resource('ListenersReady', {
    Type: 'AWS::CloudFormation::WaitConditionHandle',
    Metadata: {
      Listeners: listeners.map(({ logicalId, condition }) =>
        condition === null ? ref(logicalId) : fnIf(condition, ref(logicalId), NO_VALUE),
      ),
    },
    Properties: {},
  });
}

function addOutputs(
  template: TemplateBuilder,
  alb: boolean,
  tls: boolean,
  hasCertificate: string | null,
  certificateRequired: boolean,
): void {
  const dnsName = getAtt('LoadBalancer', 'DNSName');
  template.output('LoadBalancerDNSName', {
    Description: 'The load balancer: point your domain (a CNAME or Route 53 alias) at this name.',
    Value: dnsName,
  });
  if (!alb) return;
  const https = join('', ['https://', dnsName]);
  const http = join('', ['http://', dnsName]);
  template.output('ServiceUrl', {
    Description: 'The service, through the load balancer (TLS is valid for your domain, not for this name).',
    Value: !tls
      ? http
      : certificateRequired || hasCertificate === null
        ? https
        : fnIf(hasCertificate, https, http),
  });
}

function matcherProperty(matcher: Record<string, unknown>): Record<string, TemplateValue> {
  const entries = Object.entries(matcher).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string',
  );
  return entries.length === 0 ? {} : { Matcher: Object.fromEntries(entries) };
}
