import { z } from 'zod';

const mappedKey = z.strictObject({ handling: z.literal('mapped'), meaning: z.string().min(10) });
const ignoredKey = z.strictObject({ handling: z.literal('ignored'), reason: z.string().min(10) });

/**
 * rules/catalogue/compose-mapping.json: for each Compose service key, what it means for the design when
 * Berth maps it (the answer's `imported`), or why it is not carried over (the answer's `ignored`).
 */
export const composeMappingCatalogueSchema = z.strictObject({
  description: z.string(),
  source: z.url(),
  /** Container ports that take HTTP when the file does not say (`expose: ["8080"]`); others are TCP. */
  httpPorts: z.array(z.int().min(1).max(65_535)).min(1),
  keys: z.record(z.string(), z.discriminatedUnion('handling', [mappedKey, ignoredKey])),
  otherKeysReason: z.string().min(5),
});

export type ComposeMappingCatalogue = z.output<typeof composeMappingCatalogueSchema>;
