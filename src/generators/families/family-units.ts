import type { PlatformFamily } from '../../catalogue/platform-catalogue';
import { appRunnerUnit } from './app-runner/unit';
import { batchUnit } from './batch/unit';
import { ecsUnit } from './ecs/unit';
import { ecsExpressModeUnit } from './ecs-express-mode/unit';
import { eksUnit } from './eks/unit';
import type { AnyFamilyUnit } from './family-unit';

/** THE one table: the family unit of each catalogue family (rules/catalogue/platforms.json `family`). */
export const FAMILY_UNITS: Record<PlatformFamily, AnyFamilyUnit> = {
  ecs: ecsUnit,
  'ecs-express-mode': ecsExpressModeUnit,
  'app-runner': appRunnerUnit,
  eks: eksUnit,
  batch: batchUnit,
};
