import type { InstanceCatalogue } from '../../catalogue/instance-catalogue';
import type { Platform } from '../../catalogue/platform-catalogue';
import type { components } from '../../contract/generated/openapi-types';
import type { Workload } from '../../contract/workload';
import type { Design } from '../../design/design';
import type { Facts } from '../../engine/facts';

type Schemas = components['schemas'];

export type StarterFile = Schemas['StarterFile'];
export type IamRole = Schemas['IamRole'];

/**
 * Everything a generator needs: the workload, the chosen platform, its facts, the designed architecture and
 * the instance catalogue container hosts are chosen from.
 */
export interface StarterConfigInput {
  workload: Workload;
  platform: Platform;
  facts: Facts;
  design: Design;
  instances: InstanceCatalogue;
}

/** A generated file and the one line the README says about it. */
export interface DescribedFile extends StarterFile {
  description: string;
}

/**
 * Marks where, among a platform's steps, the roles trusted through the cluster's OIDC provider (IRSA) are
 * created: their trust policy names the cluster, so they come after it, not with the other roles.
 */
export const WEB_IDENTITY_ROLES_STEP: unique symbol = Symbol('web-identity roles');

export type Step = string | typeof WEB_IDENTITY_ROLES_STEP;
