import type { SharedCostItem } from '../../catalogue/architecture-catalogue';
import type { CostLine } from '../../cost/monthly-cost';
import type { Recommendation } from '../advice';

/** A line of the application's bill: one service's, or one resource the services share. */
export interface ApplicationCostLine extends CostLine {
  /** The service the line is for; absent on a shared line. */
  service?: string;
  /** On a shared line: what is shared (the cluster, a load balancer, the VPC), why, and by which services. */
  sharedAs?: SharedCostItem['sharedAs'];
  sharedBy?: string[];
  reason?: string;
}

export interface ApplicationCost {
  currency: 'USD';
  total: number;
  low: number;
  high: number;
  lines: ApplicationCostLine[];
}

export interface PricedService {
  name: string;
  recommendation: Recommendation;
  /** The shared load balancer it is behind, if any. */
  loadBalancer?: string;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * The services' estimates added up, with what they share counted once: each line the catalogue names as
 * shared (the EKS control plane, a shared load balancer's hours and addresses, the VPC's NAT gateway) is
 * kept from the first service that has it, with the services sharing it; the other lines stay the
 * services' own. Shared lines are fixed monthly amounts, so low and high drop by the same amounts as the total.
 */
export function applicationCost(
  services: readonly PricedService[],
  shared: readonly SharedCostItem[],
): ApplicationCost {
  const lines: ApplicationCostLine[] = [];
  const sharedLines = new Map<string, ApplicationCostLine>();
  let low = 0;
  let high = 0;
  for (const { name, recommendation, loadBalancer } of services) {
    const cost = recommendation.platform.monthlyCost;
    if (cost === undefined) continue;
    low += cost.low;
    high += cost.high;
    for (const line of cost.lines) {
      const entry = shared.find((candidate) =>
        candidate.item === undefined
          ? line.item.startsWith(candidate.itemStartsWith ?? '')
          : candidate.item === line.item,
      );
      const scope =
        entry === undefined
          ? undefined
          : entry.sharedAs === 'cluster'
            ? recommendation.platform.service
            : entry.sharedAs === 'load-balancer'
              ? loadBalancer
              : 'vpc';
      if (entry === undefined || scope === undefined) {
        lines.push({ ...line, service: name });
        continue;
      }
      const key = `${entry.sharedAs}:${scope}:${line.item}`;
      const earlier = sharedLines.get(key);
      if (earlier === undefined) {
        const kept: ApplicationCostLine = {
          ...line,
          sharedAs: entry.sharedAs,
          sharedBy: [name],
          reason: entry.reason,
        };
        sharedLines.set(key, kept);
        lines.push(kept);
      } else {
        earlier.sharedBy?.push(name);
        low -= line.monthly;
        high -= line.monthly;
      }
    }
  }
  const total = round2(lines.reduce((sum, line) => sum + line.monthly, 0));
  return { currency: 'USD', total, low: round2(low), high: round2(high), lines };
}
