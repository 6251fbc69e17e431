import { awsBatchScenarios } from './aws-batch.cases';
import { eksAutoModeScenarios } from './eks-auto-mode.cases';
import { factsCostScenarios } from './facts-cost.cases';
import { loadBalancingScenarios } from './load-balancing.cases';
import { managedInstancesScenarios } from './managed-instances.cases';
import { scenarios as foundationScenarios, noEligibleScenarios, type Scenario } from './scenarios.cases';
import { scratchDiskScenarios } from './scratch-disk.cases';
import { storageAndDaemonScenarios } from './storage-and-daemons.cases';

/**
 * Every scenario file, in one list: the foundation set of `scenarios.cases.ts`, then one file per topic
 * (`<topic>.cases.ts`, each exporting a `Scenario[]`), one line each below.
 */
export const scenarios: Scenario[] = [
  ...foundationScenarios,
  ...scratchDiskScenarios,
  ...loadBalancingScenarios,
  ...storageAndDaemonScenarios,
  ...awsBatchScenarios,
  ...managedInstancesScenarios,
  ...eksAutoModeScenarios,
  ...factsCostScenarios,
];

export { noEligibleScenarios };
