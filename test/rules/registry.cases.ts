import type { components } from '../../src/contract/generated/openapi-types';
import { webWorkload } from '../support/workloads';
import type { DeepPartial, DesignCase } from './rule-case';

type Registry = components['schemas']['Registry'];

/** rules/registry.json: a private ECR repository named after the workload, on every platform. */
export const registryCases: DesignCase<DeepPartial<Registry>>[] = [
  {
    given: 'a web service named orders-api brings no image',
    rule: 'ecr-repository-named-after-workload',
    workload: webWorkload({ name: 'orders-api' }),
    platform: 'ecs-fargate',
    want: {
      type: 'ecr',
      repositoryName: 'orders-api',
      imageScanOnPush: true,
      imageUri: '<account-id>.dkr.ecr.us-east-1.amazonaws.com/orders-api:latest',
    },
  },
  {
    given: 'a web service pushes its image as latest again and again',
    rule: 'ecr-repository-named-after-workload',
    workload: webWorkload({ name: 'orders-api' }),
    platform: 'ecs-fargate',
    want: { imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION', mutableTags: ['latest'] },
  },
  {
    given: 'a web service in eu-west-1 brings no image',
    rule: 'ecr-repository-named-after-workload',
    workload: webWorkload({ name: 'shop', region: 'eu-west-1' }),
    platform: 'ecs-fargate',
    want: { repositoryName: 'shop', imageUri: '<account-id>.dkr.ecr.eu-west-1.amazonaws.com/shop:latest' },
  },
  {
    given: 'a web service names its own image',
    rule: 'ecr-repository-named-after-workload',
    workload: webWorkload({ name: 'proxy', image: 'public.ecr.aws/nginx/nginx:1.27' }),
    platform: 'ecs-fargate',
    want: { repositoryName: 'proxy', imageUri: 'public.ecr.aws/nginx/nginx:1.27' },
  },
  {
    given: 'a Kubernetes web service named catalog brings no image',
    rule: 'ecr-repository-named-after-workload',
    workload: webWorkload({ name: 'catalog', control: { kubernetes: 'required' } }),
    platform: 'eks-auto-mode',
    want: { type: 'ecr', repositoryName: 'catalog' },
  },
  {
    given: 'a workload name ends in a hyphen, which ECR rejects',
    rule: 'ecr-repository-named-after-workload',
    workload: webWorkload({ name: 'orders-' }),
    platform: 'ecs-fargate',
    want: {
      repositoryName: 'orders',
      imageUri: '<account-id>.dkr.ecr.us-east-1.amazonaws.com/orders:latest',
    },
  },
  {
    given: 'a workload name has one character, and ECR needs two',
    rule: 'ecr-repository-named-after-workload',
    workload: webWorkload({ name: 'z' }),
    platform: 'ecs-fargate',
    want: { repositoryName: 'z-images' },
  },
  {
    given: 'a workload name repeats hyphens, which ECR accepts',
    rule: 'ecr-repository-named-after-workload',
    workload: webWorkload({ name: 'a--b' }),
    platform: 'ecs-fargate',
    want: { repositoryName: 'a--b' },
  },
];
