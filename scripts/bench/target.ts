/**
 * Whether a figure comes from answers the service computed, from its answer cache, from both (a run
 * meant to be one of them that the server's metrics say was not), or is about neither.
 */
export type Provenance = 'uncached' | 'cached' | 'mixed' | 'n/a';

/** One target of issue 11 and what this run measured for it. */
export interface TargetResult {
  target: string;
  measured: string;
  met: boolean;
  provenance: Provenance;
}

/** What a section hands back: its report lines and its rows of the final table. */
export interface SectionResult {
  lines: string[];
  targets: TargetResult[];
}

export const ms = (value: number, digits = 2) => `${value.toFixed(digits)} ms`;
export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
export const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;
