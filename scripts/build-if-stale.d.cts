/** Types of build-if-stale.cjs, for the TypeScript that imports it (its tests). */
/** Whether dist/ is missing or older than a source under `root` (the project root by default). */
export function isStale(root?: string): boolean;
/** Compiles when stale; the compiler's exit status, 0 when nothing needed building. */
export function buildIfStale(): number;
