import type { TemplateParameter } from '../../../src/generators/cloudformation/template';

/**
 * What scripts/deploy-on-moto.py creates in moto before each stack, as a starter stack expects to find it in
 * an account: the VPC and its subnets, a certificate, an SSM parameter holding an AMI id.
 */
export type ExistingResource =
  | 'vpcId'
  | 'vpcCidr'
  | 'privateSubnetIds'
  | 'publicSubnetIds'
  | 'certificateArn'
  | 'imageIdParameter';

/** A parameter's value: given as is, or naming one of the resources created before the stack. */
export type ParameterValue = { value: string } | { existing: ExistingResource };

/** Plausible values for the template parameters that have no default, by name. */
const PLAUSIBLE_VALUES: Readonly<Record<string, ParameterValue>> = {
  VpcId: { existing: 'vpcId' },
  VpcCidr: { existing: 'vpcCidr' },
  PrivateSubnetIds: { existing: 'privateSubnetIds' },
  PublicSubnetIds: { existing: 'publicSubnetIds' },
  CertificateArn: { existing: 'certificateArn' },
  ImageUri: { value: '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.0.0' },
  FsxFileSystemId: { value: 'fs-0123456789abcdef0' },
  FsxCredentialsParameter: { value: '/app/fsx-domain-join' },
  ActiveDirectoryDomain: { value: 'corp.example.com' },
};

/**
 * The parameters to create a template's stack with: a plausible value for each that has no default, and for
 * each AMI parameter (an SSM parameter type) the SSM parameter moto was given, since moto holds few of the
 * public AMI parameters. A parameter without a default that has no value here throws, naming it.
 */
export function plausibleParameters(
  label: string,
  parameters: Readonly<Record<string, TemplateParameter>>,
): Record<string, ParameterValue> {
  const values: Record<string, ParameterValue> = {};
  for (const [name, parameter] of Object.entries(parameters)) {
    if (parameter.Type.startsWith('AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>')) {
      values[name] = { existing: 'imageIdParameter' };
      continue;
    }
    // An application template names each service's image <Service>ImageUri.
    const value =
      PLAUSIBLE_VALUES[name] ?? (name.endsWith('ImageUri') ? PLAUSIBLE_VALUES.ImageUri : undefined);
    if (value !== undefined) values[name] = value;
    else if (parameter.Default === undefined)
      throw new Error(
        `${label}: template parameter ${name} (${parameter.Type}) has no default and no plausible value in test/cloudformation/support/moto-parameters.ts`,
      );
  }
  return values;
}
