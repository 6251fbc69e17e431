const DOLLARS = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** A monthly estimate as the workbench shows it: the total, then the range. */
export function monthly(cost: { total: number; low: number; high: number } | undefined): string {
  if (cost === undefined) return '—';
  return `${DOLLARS.format(cost.total)} a month (${DOLLARS.format(cost.low)}–${DOLLARS.format(cost.high)})`;
}

export function dollars(amount: number | undefined): string {
  return amount === undefined ? '—' : DOLLARS.format(amount);
}
