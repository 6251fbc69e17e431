/** What Amazon ECR accepts as a one-segment repository name (botocore's CreateRepository pattern, 2–256 characters). */
export const ECR_REPOSITORY_NAME = /^(?=.{2,256}$)[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*$/;

/**
 * The ECR repository named after a workload. The request's names (^[a-z][a-z0-9-]{0,39}$) are valid ECR
 * names except for a trailing hyphen or a single character, which ECR rejects: trailing hyphens are
 * dropped and a name still too short gets "-images".
 */
export function ecrRepositoryName(workloadName: string): string {
  if (ECR_REPOSITORY_NAME.test(workloadName)) return workloadName;
  const trimmed = workloadName.replace(/-+$/, '');
  return trimmed.length >= 2 ? trimmed : `${trimmed}-images`;
}
