/**
 * The Systems Manager request shape the starter configuration writes, named after the AWS API shape (ssm
 * 2014-11-06 CreateAssociation). Declared here rather than pulled in with another SDK client for a handful of
 * fields; scripts/validate-aws-shapes.py checks the file against botocore's model.
 */

export interface Target {
  Key: string;
  Values: string[];
}

export interface CreateAssociationInput {
  Name: string;
  AssociationName?: string;
  Parameters?: Record<string, string[]>;
  Targets?: Target[];
}
