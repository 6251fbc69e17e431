import { createHash } from 'node:crypto';
import type { Workload } from '../contract/workload';
import { canonicalJson } from './canonical-json';

/**
 * The recommendation's id: the same normalized workload and rules always give the same id. A workload
 * placed on a platform other than its own best (by an application) is another answer, so another id.
 */
export function recommendationId(workload: Workload, rulesVersion: string, placedOn?: string): string {
  const hash = createHash('sha256').update(canonicalJson(workload)).update('\u0000').update(rulesVersion);
  if (placedOn !== undefined) hash.update('\u0000').update(placedOn);
  const digest = hash.digest('hex');
  return `rec_${digest.slice(0, 24)}`;
}
