import { z } from 'zod';

/**
 * The environment variable names whose value is a secret (rules/catalogue/secret-names.json), as data so a
 * new pattern is a line there, not code. Each pattern must compile: a typo is a start-up failure, not a
 * secret written into a file.
 */
export const secretNamesSchema = z.strictObject({
  description: z.string(),
  source: z.url(),
  namePatterns: z
    .array(
      z.strictObject({
        pattern: z.string().refine((pattern) => {
          try {
            new RegExp(pattern);
            return true;
          } catch {
            return false;
          }
        }, 'must be a valid regular expression'),
        meaning: z.string().min(3),
      }),
    )
    .min(1),
});

export type SecretNames = z.output<typeof secretNamesSchema>;
