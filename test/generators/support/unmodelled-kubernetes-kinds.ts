/**
 * The Kubernetes kinds no model package here (kubernetes-models, @kubernetes-models/karpenter) models, by
 * "apiVersion kind", with why each is still acceptable in a manifest. A kind neither modelled nor listed
 * fails test/generators/kubernetes-objects.test.ts: find its model package, or add it here with the reason.
 */
export const UNMODELLED_KUBERNETES_KINDS: Readonly<Record<string, string>> = {
  'eks.amazonaws.com/v1 NodeClass':
    'EKS Auto Mode defines this CRD in the cluster and no @kubernetes-models package models it (https://docs.aws.amazon.com/eks/latest/userguide/create-node-class.html)',
  'eks.amazonaws.com/v1 IngressClassParams':
    "EKS Auto Mode's load balancing defines this CRD in the cluster and no @kubernetes-models package models it (https://docs.aws.amazon.com/eks/latest/userguide/auto-configure-alb.html)",
};
