import type { SecretNames } from '../catalogue/secret-names';
import type { Workload } from '../contract/workload';
import { SecretNameMatcher, secretReasonText } from '../shared/secret-values';

/** The workload with every secret-looking variable moved to `secrets`, and the warnings that name them. */
export interface KeptSecrets {
  workload: Workload;
  warnings: string[];
}

/**
 * Moves each `environment` variable whose name looks secret, or whose value is a URL with a password, to
 * `secrets`, dropping its value. It runs before anything reads the workload, so neither the answer (which
 * echoes the workload) nor a starter file can hold the value; the warning names the variable, never the value.
 */
export class SecretKeeper {
  private readonly matcher: SecretNameMatcher;

  constructor(secretNames: SecretNames) {
    this.matcher = new SecretNameMatcher(secretNames.namePatterns.map(({ pattern }) => pattern));
  }

  keep(workload: Workload): KeptSecrets {
    if (workload.environment === undefined) return { workload, warnings: [] };
    const environment: Record<string, string> = {};
    const moved: { name: string }[] = [];
    const warnings: string[] = [];
    for (const [name, value] of Object.entries(workload.environment)) {
      const reason = this.matcher.secretReason(name, value);
      if (reason === null) {
        environment[name] = value;
        continue;
      }
      moved.push({ name });
      warnings.push(`environment.${secretReasonText(name, reason)}.`);
    }
    if (moved.length === 0) return { workload, warnings: [] };
    return {
      workload: { ...workload, environment, secrets: [...(workload.secrets ?? []), ...moved] },
      warnings,
    };
  }
}
