/**
 * The seed of the tests that sample generated workloads afresh on every run: random, so each run tries new
 * workloads, unless BERTH_TEST_SEED replays a run (the failing test prints the seed it used).
 */
export const RANDOM_SEED = seedFrom(process.env.BERTH_TEST_SEED);

function seedFrom(given: string | undefined): number {
  if (given === undefined || given === '') return Math.floor(Math.random() * 0x7fffffff);
  const seed = Number(given);
  if (!Number.isSafeInteger(seed)) throw new Error(`BERTH_TEST_SEED must be an integer, not "${given}"`);
  return seed;
}
