import { type ContainerEnvironmentPlan, kubernetesSecretName } from './plan';

/**
 * Creating each secret from a shell variable of the same name, so its value is typed where it is used and
 * never written into a file; create-secret prints the ARN whose suffix the files need.
 */
export function secretSteps(plan: ContainerEnvironmentPlan): string[] {
  return plan.secrets.map(
    ({ variable, secretName }) =>
      `Create the secret ${variable} from your shell (set \`${variable}\` there first; its value goes into no file), then copy the suffix of the ARN it prints into \`<secret-arn-suffix>\` where the files read ${secretName}: \`aws secretsmanager create-secret --name ${secretName} --secret-string "$${variable}" --query ARN --output text\``,
  );
}

/** After the stack: each secret holds a placeholder until its owner sets the value. */
export function secretStackSteps(plan: ContainerEnvironmentPlan): string[] {
  return plan.secrets.map(
    ({ variable, secretName }) =>
      `Set ${variable}'s value (the stack created the secret with a placeholder): \`aws secretsmanager put-secret-value --secret-id ${secretName} --secret-string "$${variable}"\`, then restart the workload so it reads the value`,
  );
}

/**
 * Kubernetes: the pods read their secrets from a Kubernetes Secret that this step copies from Secrets
 * Manager with the caller's own credentials, so no value is in a manifest and the pods need no AWS access
 * for it. The namespace is created first (the manifests create it too; applying it again changes nothing).
 * Run again after a value changes, then restart the pods.
 */
export function kubernetesSecretStep(plan: ContainerEnvironmentPlan, namespace: string): string[] {
  if (plan.secrets.length === 0) return [];
  const literals = plan.secrets
    .map(
      ({ variable, secretName }) =>
        `--from-literal=${variable}="$(aws secretsmanager get-secret-value --secret-id ${secretName} --query SecretString --output text)"`,
    )
    .join(' ');
  return [
    `Copy the secrets from Secrets Manager into the Kubernetes Secret ${kubernetesSecretName(plan)} the pods read (again whenever a value changes, then restart the pods): \`kubectl create namespace ${namespace} --dry-run=client -o yaml | kubectl apply -f - && kubectl create secret generic ${kubernetesSecretName(plan)} --namespace ${namespace} ${literals} --dry-run=client -o yaml | kubectl apply -f -\``,
  ];
}
