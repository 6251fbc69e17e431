import { z } from 'zod';

const priceEntry = z.strictObject({
  service: z.string(),
  dimension: z.string(),
  unit: z.string(),
  price: z.number().min(0),
  status: z.string(),
  sources: z.array(z.string()),
});

export const priceTableSchema = z.strictObject({
  description: z.string(),
  region: z.string(),
  currency: z.literal('USD'),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  hoursPerMonth: z.number().positive(),
  prices: z.record(z.string(), priceEntry),
});

/** A dated price table for one region (rules/catalogue/prices-<region>.json). */
export type PriceTable = z.output<typeof priceTableSchema>;

/** A price the estimator asks for but the table lacks: a bug in the estimator or the table. */
export class MissingPriceError extends Error {
  override name = 'MissingPriceError';
}

export function priceOf(table: PriceTable, key: string): number {
  const entry = table.prices[key];
  if (entry === undefined) throw new MissingPriceError(`the ${table.region} price table has no "${key}"`);
  return entry.price;
}

export function unitOf(table: PriceTable, key: string): string {
  return table.prices[key]?.unit ?? '';
}
