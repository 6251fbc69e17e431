import { ref, sub } from '../../cloudformation/intrinsics';
import type { TemplateBuilder } from '../../cloudformation/template';
import type { StackReferences } from '../stack-references';
import type { ContainerEnvironmentPlan } from './plan';

/**
 * What each secret holds until its owner sets it. Berth cannot know the value (a database's password, a
 * third party's token), and a generated random one would look valid and fail only at login; this text
 * fails as plainly, and says what to do.
 */
export const SECRET_PLACEHOLDER_VALUE =
  'REPLACE-ME: set the real value with aws secretsmanager put-secret-value, then restart the workload';

/**
 * One AWS::SecretsManager::Secret per secret, named `<workload>/<VAR>` (`Ref` is its ARN), and the
 * workload's secrets path for the role that reads them. Each is retained when the stack is deleted: the
 * value someone set is not the template's to throw away.
 */
export function addSecrets(
  template: TemplateBuilder,
  references: StackReferences,
  plan: ContainerEnvironmentPlan,
): void {
  const { workloadName } = plan;
  plan.secrets.forEach((secret, index) => {
    const logicalId = template.resource(`ContainerSecret${index + 1}`, {
      Type: 'AWS::SecretsManager::Secret',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        Name: secret.secretName,
        Description: `${secret.variable} of ${workloadName}: replace the placeholder value with the real one`,
        SecretString: SECRET_PLACEHOLDER_VALUE,
      },
    });
    references.provide(`secret:${secret.variable}`, { arn: ref(logicalId) });
  });
  if (plan.secrets.length > 0)
    references.provide('workload-secrets', {
      arn: sub(
        `arn:\${AWS::Partition}:secretsmanager:\${AWS::Region}:\${AWS::AccountId}:secret:${workloadName}/*`,
      ),
    });
}
