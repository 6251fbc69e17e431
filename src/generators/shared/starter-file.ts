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

/**
 * A file whose content is written the first time something reads it (the answer's JSON, a zip, the CLI),
 * once: a summary lists the starter files by path without paying for their serialization. The content is
 * an own enumerable property after the fields given, so JSON.stringify, spreads and equality see an
 * ordinary object with the same keys in the same order.
 */
export function lazyFile<Fields extends Omit<StarterFile, 'content'>>(
  fields: Fields,
  render: () => string,
): Fields & { content: string } {
  let content: string | undefined;
  const file = { ...fields } as Fields & { content: string };
  Object.defineProperty(file, 'content', {
    enumerable: true,
    configurable: false,
    get: () => {
      content ??= render();
      return content;
    },
  });
  return file;
}
