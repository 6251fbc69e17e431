/**
 * The design handed to a generator lacks something the platform's files need. It means the rules and the
 * generators disagree, a bug the tests are there to catch, not something a caller can fix.
 */
export class StarterConfigError extends Error {
  override name = 'StarterConfigError';
}
