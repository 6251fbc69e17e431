/**
 * App Runner names must be 4 to 40 (services) or 4 to 32 (auto scaling configurations) characters, while a
 * workload name may be as short as one letter; short names get a suffix, long ones are cut.
 */
export function appRunnerServiceName(workloadName: string): string {
  return workloadName.length >= 4 ? workloadName : `${workloadName}-service`;
}

export function autoScalingConfigurationName(workloadName: string): string {
  return `${workloadName}-scaling`.slice(0, 32);
}
