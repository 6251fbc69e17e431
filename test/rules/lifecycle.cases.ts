import { webWorkload } from '../support/workloads';
import { DOES_NOT_FIRE, type Excludes, type PlatformFitCase, type Scores } from './rule-case';

/**
 * rules/lifecycle.json: App Runner closed to new customers on 2026-04-30; existing customers keep using it
 * and can still create services, but it gets no new features; AWS recommends ECS Express Mode instead
 * (docs/sources.md §1).
 */
export const lifecycleCases: PlatformFitCase<Excludes | Scores>[] = [
  {
    given: 'the account has never used App Runner',
    rule: 'app-runner-closed-to-new-customers',
    workload: webWorkload(),
    platform: 'app-runner',
    want: {
      blockerMentions: /closed to new customers on 2026-04-30.*AWS recommends Amazon ECS Express Mode/,
    },
  },
  {
    given: 'the account already runs App Runner',
    rule: 'app-runner-closed-to-new-customers',
    workload: webWorkload({ existingAppRunnerCustomer: true }),
    platform: 'app-runner',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'the account has never used App Runner',
    rule: 'app-runner-closed-to-new-customers',
    workload: webWorkload(),
    platform: 'ecs-express-mode',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'the account already runs App Runner',
    rule: 'app-runner-in-maintenance',
    workload: webWorkload({ existingAppRunnerCustomer: true }),
    platform: 'app-runner',
    want: { points: -10 },
  },
  {
    given: 'the account already runs App Runner',
    rule: 'app-runner-in-maintenance',
    workload: webWorkload({ existingAppRunnerCustomer: true }),
    platform: 'ecs-express-mode',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'the account already runs App Runner',
    rule: 'existing-app-runner-customers-keep-their-toolchain',
    workload: webWorkload({ existingAppRunnerCustomer: true }),
    platform: 'app-runner',
    want: { points: 10 },
  },
  {
    given: 'the account has never used App Runner',
    rule: 'existing-app-runner-customers-keep-their-toolchain',
    workload: webWorkload(),
    platform: 'app-runner',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'the account already runs App Runner',
    rule: 'existing-app-runner-customers-keep-their-toolchain',
    workload: webWorkload({ existingAppRunnerCustomer: true }),
    platform: 'ecs-express-mode',
    want: DOES_NOT_FIRE,
  },
];
