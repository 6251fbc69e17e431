import { factsCostScenarios } from './facts-cost.cases';
import { scenarios as foundationScenarios, noEligibleScenarios, type Scenario } from './scenarios.cases';

/**
 * Every scenario file, in one list: the foundation set of `scenarios.cases.ts`, then one file per topic
 * (`<topic>.cases.ts`, each exporting a `Scenario[]`), one line each below.
 */
export const scenarios: Scenario[] = [...foundationScenarios, ...factsCostScenarios];

export { noEligibleScenarios };
