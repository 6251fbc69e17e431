import type { Workload } from '../../../contract/workload';
import { PLACEHOLDERS } from '../../shared/placeholders';
import { type Reference, reference } from '../reference';

/**
 * The variable that tells a queue-fed container which queue to poll: the family sets it, and the request
 * may not (a 400), so a request variable never collides with it.
 */
export const QUEUE_NAME_VARIABLE = 'QUEUE_NAME';

/** One variable the container reads from a Secrets Manager secret the starter configuration creates. */
export interface ContainerSecretPlan {
  /** The environment variable the container sees. */
  variable: string;
  /** `<workload name>/<variable>`: the workload's secrets share a path, which the execution role is granted. */
  secretName: string;
  /** The secret's full ARN: the API files carry a placeholder for the suffix Secrets Manager appends. */
  arn: Reference;
}

/**
 * The container's configuration: plain variables with their values, and the secrets it reads at start.
 * A secret's value is never in the plan: the stack creates each secret with a placeholder value and the
 * README says how to set the real one (the advisor has already moved every secret-looking variable of
 * `environment` here, so no family can write one as plain text).
 */
export interface ContainerEnvironmentPlan {
  variables: { name: string; value: string }[];
  secrets: ContainerSecretPlan[];
  /** The workload's name: its secrets are named `<workload>/<VARIABLE>`. */
  workloadName: string;
}

export function containerEnvironmentPlan(workload: Workload): ContainerEnvironmentPlan {
  const prefix = `arn:aws:secretsmanager:${workload.region}:${PLACEHOLDERS.accountId}:secret:${workload.name}/`;
  return {
    variables: Object.entries(workload.environment ?? {}).map(([name, value]) => ({ name, value })),
    secrets: (workload.secrets ?? []).map(({ name }) => ({
      variable: name,
      secretName: `${workload.name}/${name}`,
      arn: reference(`secret:${name}`, 'arn', `${prefix}${name}-${PLACEHOLDERS.secretArnSuffix}`),
    })),
    workloadName: workload.name,
  };
}

/** The Kubernetes Secret the starter steps fill from Secrets Manager: one per workload, a key per variable. */
export function kubernetesSecretName(plan: ContainerEnvironmentPlan): string {
  return `${plan.workloadName}-secrets`;
}
