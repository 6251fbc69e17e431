/**
 * Sticky sessions as Elastic Load Balancing target-group attributes: an Application Load Balancer keeps a
 * client on one target with a cookie it issues (lb_cookie, here for a day), a Network Load Balancer by the
 * client's source IP. https://docs.aws.amazon.com/elasticloadbalancing/latest/application/sticky-sessions.html
 */
export type Stickiness = 'lb_cookie' | 'source_ip';

const COOKIE_SECONDS = '86400';

export function stickinessAttributes(stickiness: Stickiness): { Key: string; Value: string }[] {
  return [
    { Key: 'stickiness.enabled', Value: 'true' },
    { Key: 'stickiness.type', Value: stickiness },
    ...(stickiness === 'lb_cookie'
      ? [{ Key: 'stickiness.lb_cookie.duration_seconds', Value: COOKIE_SECONDS }]
      : []),
  ];
}

/** The same attributes as the AWS Load Balancer Controller's `target-group-attributes` annotation takes them. */
export function stickinessAnnotation(stickiness: Stickiness): string {
  return stickinessAttributes(stickiness)
    .map(({ Key, Value }) => `${Key}=${Value}`)
    .join(',');
}
