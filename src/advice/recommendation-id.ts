import { createHash } from 'node:crypto';
import type { Workload } from '../contract/workload';
import { canonicalJson } from './canonical-json';

/** The recommendation's id: the same normalized workload and rules always give the same id. */
export function recommendationId(workload: Workload, rulesVersion: string): string {
  const digest = createHash('sha256')
    .update(canonicalJson(workload))
    .update('\u0000')
    .update(rulesVersion)
    .digest('hex');
  return `rec_${digest.slice(0, 24)}`;
}
