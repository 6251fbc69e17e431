/**
 * How long a beforeAll that generates a corpus of answers and starter files (and hands them to a checker)
 * may take: well under a minute on a quiet 2-core machine, several minutes when other work shares the cores.
 */
export const CORPUS_TIMEOUT_MS = 600_000;
