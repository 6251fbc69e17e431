import type { components } from '../../contract/generated/openapi-types';
import { PLACEHOLDERS } from '../shared/placeholders';
import type { StarterConfigInput } from '../shared/starter-file';

type Listener = components['schemas']['Listener'];

/**
 * The Elastic Load Balancing calls that put the designed load balancer in front of an ECS service: its
 * target group (IP targets, as awsvpc tasks need), the load balancer and one listener per designed listener.
 */
export function loadBalancerSteps(input: StarterConfigInput): string[] {
  const { workload, design } = input;
  const { loadBalancer } = design;
  const targetGroup = loadBalancer.targetGroup;
  if ((loadBalancer.type !== 'alb' && loadBalancer.type !== 'nlb') || targetGroup === undefined) return [];
  // Settings beyond the documented target-group fields (the gRPC success codes) travel as extra properties.
  const extra: Record<string, unknown> = targetGroup;
  const targetGroupOptions = [
    `--name ${workload.name}`,
    `--protocol ${targetGroup.protocol}`,
    ...(targetGroup.protocolVersion === undefined
      ? []
      : [`--protocol-version ${targetGroup.protocolVersion}`]),
    `--port ${targetGroup.port}`,
    `--target-type ${targetGroup.targetType}`,
    `--vpc-id ${PLACEHOLDERS.vpcId}`,
    ...(targetGroup.healthCheckProtocol === undefined
      ? []
      : [`--health-check-protocol ${targetGroup.healthCheckProtocol}`]),
    ...(targetGroup.healthCheckPath === undefined
      ? []
      : [`--health-check-path ${targetGroup.healthCheckPath}`]),
    ...matcherOption(extra.healthCheckMatcher),
  ];
  const type = loadBalancer.type === 'alb' ? 'application' : 'network';
  return [
    `Create the target group, then copy its TargetGroupArn: \`aws elbv2 create-target-group ${targetGroupOptions.join(' ')}\``,
    `Create the ${type} load balancer: \`aws elbv2 create-load-balancer --name ${workload.name} --type ${type} --scheme ${loadBalancer.scheme ?? 'internet-facing'} --subnets ${PLACEHOLDERS.publicSubnetId} ${PLACEHOLDERS.publicSubnetId}\``,
    ...loadBalancer.listeners.map(
      (listener) =>
        `Add its ${listener.protocol} listener on port ${listener.port}: \`${listenerCommand(listener)}\``,
    ),
  ];
}

function listenerCommand(listener: Listener): string {
  const certificate =
    listener.protocol === 'HTTPS' || listener.protocol === 'TLS'
      ? ` --certificates CertificateArn=${PLACEHOLDERS.acmCertificateArn}`
      : '';
  const action =
    listener.action === 'redirect-to-https'
      ? "'Type=redirect,RedirectConfig={Protocol=HTTPS,Port=443,StatusCode=HTTP_301}'"
      : `Type=forward,TargetGroupArn=${PLACEHOLDERS.targetGroupArn}`;
  return `aws elbv2 create-listener --load-balancer-arn ${PLACEHOLDERS.loadBalancerArn} --protocol ${listener.protocol} --port ${listener.port}${certificate} --default-actions ${action}`;
}

function matcherOption(matcher: unknown): string[] {
  if (typeof matcher !== 'object' || matcher === null) return [];
  const entries = Object.entries(matcher).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string',
  );
  return entries.length === 0
    ? []
    : [`--matcher ${entries.map(([key, value]) => `${key}=${value}`).join(',')}`];
}
