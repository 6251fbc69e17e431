import { addEksResources } from '../../cloudformation/eks-template';
import { eksStarter } from '../../eks/eks-starter';
import { familyUnit } from '../family-unit';
import { type LegacyPlan, legacyPlan } from '../legacy-plan';

/** EKS through today's generators (eks/, cloudformation/eks-*), until the family is migrated. */
export const eksLegacyUnit = familyUnit<LegacyPlan>({
  plan: (input) => legacyPlan(input, eksStarter(input)),
  apiFiles: (plan) => plan.starter.files,
  cloudFormation: (plan, template) => addEksResources(template, plan.input),
  steps: (plan) => plan.starter.steps,
  notes: (plan) => plan.starter.notes,
  stackNextSteps: ({ input }) => [
    `Let kubectl reach the cluster: \`aws eks update-kubeconfig --name ${input.workload.name} --region ${input.workload.region}\``,
    'Put your values in place of the placeholders of `eks/manifests.yaml` (listed below); the ids the stack created are among its outputs.',
    ...(input.design.loadBalancer.type === 'alb' || input.design.loadBalancer.type === 'nlb'
      ? [
          'Install the AWS Load Balancer Controller, as the steps below do, so the manifests get their load balancer.',
        ]
      : []),
    'Apply the manifests: `kubectl apply -f eks/manifests.yaml`',
  ],
});
