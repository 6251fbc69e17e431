/**
 * What must never be written into a starter file or an answer: a value whose variable name says it is a
 * secret (`DB_PASSWORD`, `STRIPE_SECRET`, `GITHUB_TOKEN`, `API_KEY`, `SIGNING_KEY`, …: the name patterns
 * are data, rules/catalogue/secret-names.json), and a URL that carries a password
 * (`mysql://user:pass@db/shop`). Such a value becomes a secret reference the user fills in; only its name
 * is kept.
 */
/** scheme://[user]:password@host: the userinfo of RFC 3986 with a password in it. */
const URL_WITH_PASSWORD = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/\s@:]*:[^/\s@]+@/;

export type SecretReason = 'name' | 'url-credentials';

/** The name patterns, compiled once: each matches an upper-cased variable name. */
export class SecretNameMatcher {
  private readonly patterns: readonly RegExp[];

  constructor(patterns: readonly string[]) {
    this.patterns = patterns.map((pattern) => new RegExp(pattern));
  }

  /** Why a variable's value is a secret, or null when it is plain configuration. */
  secretReason(name: string, value: string | null): SecretReason | null {
    const upper = name.toUpperCase();
    if (this.patterns.some((pattern) => pattern.test(upper))) return 'name';
    if (value !== null && URL_WITH_PASSWORD.test(value.trim())) return 'url-credentials';
    return null;
  }
}

/** The sentence an answer gives for a variable kept as a secret. */
export function secretReasonText(name: string, reason: SecretReason): string {
  return reason === 'name'
    ? `${name} is named like a secret, so its value is kept out of every file: it becomes a Secrets Manager reference whose value you set`
    : `${name} holds a URL with a password in it, so the whole URL is kept out of every file: it becomes a Secrets Manager reference whose value you set`;
}
