import type { Workload } from '../../contract/workload';

/** The protocols whose containers answer plain HTTP behind the load balancer, unless TLS is passed through. */
const HTTP_PROTOCOLS = new Set(['http', 'https', 'websocket']);

/**
 * Whether the container answers plain HTTP, so an HTTP check (curl, an httpGet probe) can pass: true for
 * HTTP and WebSockets, and for HTTPS the load balancer terminates; false when the container terminates TLS
 * itself (it speaks TLS on the port) and for gRPC and the layer-4 protocols.
 */
export function servesPlainHttp(workload: Workload): boolean {
  const protocol = workload.traffic.protocol;
  return (
    protocol !== undefined &&
    HTTP_PROTOCOLS.has(protocol) &&
    !(protocol === 'https' && workload.traffic.tlsTermination === 'service')
  );
}

/** The port the load balancer health-checks: traffic.healthCheckPort, which defaults to the container port. */
export function healthCheckPortOf(workload: Workload): number | undefined {
  return workload.traffic.healthCheckPort ?? workload.containerPort;
}
