import { z } from 'zod';
import type { components } from '../../contract/generated/openapi-types';
import { IncompleteDesignError } from '../design-draft';
import { jsonValue, text, valueOrFact } from './event-values';
import { ruleEvent } from './rule-event';

type Storage = components['schemas']['Storage'];

/** Chooses the storage service; exactly one such rule fires per design. */
export const storage = ruleEvent({
  type: 'storage',
  params: z.strictObject({
    type: z.enum(['none', 'efs', 'ebs', 'fsx-windows', 'fsx-lustre']),
    sizeGiB: valueOrFact(z.int().positive()).optional(),
    mountPath: text.optional(),
    details: z.record(z.string(), jsonValue).optional(),
    reason: text,
  }),
  engines: ['design'],
  decides: 'chooses the storage service',
  explain: ({ type, reason }) => ({ effect: `storage: ${type}`, message: reason }),
  fold: (draft, params, { ruleName }) => {
    if (draft.storage !== undefined)
      throw new IncompleteDesignError(`two storage rules fired (…, ${ruleName})`);
    const { storage: sized, warning } = withEffectiveSize(params);
    return {
      ...draft,
      storage: sized,
      warnings: warning === undefined ? draft.warnings : [...draft.warnings, warning],
    };
  },
});

/** Raises the storage size to the service's minimum and increment, with a warning when it had to. */
function withEffectiveSize(storage: Storage): { storage: Storage; warning?: string } {
  const details = storage.details ?? {};
  const minimum = typeof details.minimumSizeGiB === 'number' ? details.minimumSizeGiB : undefined;
  const increment = typeof details.sizeIncrementGiB === 'number' ? details.sizeIncrementGiB : undefined;
  if (storage.sizeGiB === undefined || minimum === undefined) return { storage };
  let size = Math.max(storage.sizeGiB, minimum);
  if (increment !== undefined && size > minimum) size = Math.ceil(size / increment) * increment;
  const sized = { ...storage, sizeGiB: size };
  if (size === storage.sizeGiB) return { storage: sized };
  return {
    storage: sized,
    warning: `${storage.type} volumes start at ${minimum} GiB${increment === undefined ? '' : ` and grow in ${increment} GiB steps`}: the requested ${storage.sizeGiB} GiB becomes ${size} GiB.`,
  };
}
