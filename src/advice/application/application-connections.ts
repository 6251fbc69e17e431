import type { ServiceDiscoveryEntry } from '../../catalogue/architecture-catalogue';
import type { PlatformId } from '../../catalogue/platform-catalogue';
import type { ApplicationService } from './application-request';

/** How one service reaches a service it depends on. */
export interface ServiceConnection {
  from: string;
  to: string;
  mechanism: ServiceDiscoveryEntry['mechanism'];
  description: string;
  source: string;
}

/**
 * Every dependsOn of the application as a connection, by the first entry of the catalogue's
 * serviceDiscovery list whose conditions the two services meet (the last entry has none, so one always does).
 */
export function applicationConnections(
  services: readonly ApplicationService[],
  platformOf: ReadonlyMap<string, PlatformId>,
  discovery: readonly ServiceDiscoveryEntry[],
): ServiceConnection[] {
  const byName = new Map(services.map((service) => [service.name, service]));
  const connections: ServiceConnection[] = [];
  for (const caller of services) {
    for (const targetName of caller.dependsOn) {
      const target = byName.get(targetName);
      const callerPlatform = platformOf.get(caller.name);
      const targetPlatform = platformOf.get(targetName);
      if (target === undefined || callerPlatform === undefined || targetPlatform === undefined) continue;
      const protocol = target.workload.traffic.protocol;
      const applies = ({ when }: ServiceDiscoveryEntry) =>
        (when.callerPlatforms?.includes(callerPlatform) ?? true) &&
        (when.targetPlatforms?.includes(targetPlatform) ?? true) &&
        (when.callerWorkloadTypes?.includes(caller.workload.workloadType) ?? true) &&
        (when.targetWorkloadTypes?.includes(target.workload.workloadType) ?? true) &&
        (when.targetProtocols === undefined ||
          (protocol !== undefined && when.targetProtocols.includes(protocol)));
      const entry = discovery.find(applies);
      if (entry === undefined) continue;
      const values: Record<string, string> = {
        caller: caller.name,
        target: targetName,
        port: String(target.workload.containerPort ?? ''),
        targetWorkloadType: target.workload.workloadType,
      };
      connections.push({
        from: caller.name,
        to: targetName,
        mechanism: entry.mechanism,
        description: entry.description.replace(
          /\{\{(\w+)\}\}/g,
          (whole, key: string) => values[key] ?? whole,
        ),
        source: entry.source,
      });
    }
  }
  return connections;
}
