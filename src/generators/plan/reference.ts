import type { StatementResourceRef } from '../../design/design-draft';

/**
 * The resources of a plan that other resources link to, by a key that names what they are, not how a
 * renderer spells them: `role:<slot>` for a designed role, the design's statement resource names for what
 * designed statements grant access to, and the family's own resources. A family adds its keys here.
 */
export type ResourceKey =
  | `role:${string}`
  /** The Secrets Manager secret one container variable is read from. */
  | `secret:${string}`
  | StatementResourceRef
  | 'trigger-bucket'
  | 'cluster'
  | 'object-created-rule'
  | 'file-system-access-point'
  | 'dead-letter-queue'
  | 'auto-scaling-configuration'
  | 'service'
  | 'task-definition'
  | 'log-group'
  | 'capacity-provider'
  | 'target-group'
  | 'compute-environment'
  | 'job-queue'
  | 'job-definition'
  | 'instance-profile'
  | 'daemon-task-definition';

/** What a link reads from the resource it points at. */
export type ResourceAttribute = 'arn' | 'name' | 'url' | 'id';

/**
 * A link from one plan resource to another. The AWS API files cannot name a resource that does not exist
 * yet, so a reference carries the value they write (a literal, or an ARN with `<placeholders>`); the
 * CloudFormation renderer resolves it to `Ref` / `Fn::GetAtt` of the resource the stack creates. `suffix`
 * follows the attribute in both (the `/prefix*` of an S3 object ARN).
 */
export interface Reference {
  kind: 'reference';
  to: ResourceKey;
  attribute: ResourceAttribute;
  apiValue: string;
  suffix?: string;
}

/** A plan value that is either known text or a link to another plan resource. */
export type PlanValue = string | Reference;

export function reference(
  to: ResourceKey,
  attribute: ResourceAttribute,
  apiValue: string,
  suffix?: string,
): Reference {
  return { kind: 'reference', to, attribute, apiValue, ...(suffix === undefined ? {} : { suffix }) };
}

/** The value the AWS API input files write: a reference becomes the literal or placeholder it carries. */
export function apiValue(value: PlanValue): string {
  return typeof value === 'string' ? value : value.apiValue;
}
