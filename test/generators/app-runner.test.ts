import type {
  CreateAutoScalingConfigurationCommandInput,
  CreateServiceCommandInput,
} from '@aws-sdk/client-apprunner';
import { fileAt, jsonAt, starterFiles } from './support/starter';

const APP_RUNNER = {
  workloadType: 'web',
  control: { level: 'minimal' },
  traffic: { pattern: 'intermittent' },
  existingAppRunnerCustomer: true,
};

async function appRunner(body: Record<string, unknown>) {
  const files = await starterFiles(body);
  return {
    files,
    service: jsonAt<CreateServiceCommandInput>(files, 'app-runner/create-service.json'),
    scaling: jsonAt<CreateAutoScalingConfigurationCommandInput>(
      files,
      'app-runner/auto-scaling-configuration.json',
    ),
  };
}

describe('App Runner service', () => {
  describe('when the image is in the workload ECR repository', () => {
    it('pulls it from ECR with the access role, deploying only on request', async () => {
      const { service } = await appRunner({ ...APP_RUNNER, name: 'checkout', containerPort: 3000 });
      expect(service.SourceConfiguration).toEqual({
        ImageRepository: {
          ImageIdentifier: '<account-id>.dkr.ecr.us-east-1.amazonaws.com/checkout:latest',
          ImageRepositoryType: 'ECR',
          ImageConfiguration: { Port: '3000' },
        },
        AutoDeploymentsEnabled: false,
        AuthenticationConfiguration: { AccessRoleArn: 'arn:aws:iam::<account-id>:role/checkout-access' },
      });
    });

    it('sizes the instance in CPU units and MiB, with the instance role and an HTTP health check', async () => {
      const { service } = await appRunner({
        ...APP_RUNNER,
        name: 'checkout',
        resources: { cpu: 1, memoryGiB: 2 },
        healthCheckPath: '/ready',
      });
      expect(service.InstanceConfiguration).toEqual({
        Cpu: '1024',
        Memory: '2048',
        InstanceRoleArn: 'arn:aws:iam::<account-id>:role/checkout-instance',
      });
      expect(service.HealthCheckConfiguration).toEqual({ Protocol: 'HTTP', Path: '/ready' });
      expect(service.AutoScalingConfigurationArn).toBe('<auto-scaling-configuration-arn>');
    });
  });

  describe('when the image is on ECR Public', () => {
    it('pulls it without an access role', async () => {
      const { service } = await appRunner({ ...APP_RUNNER, image: 'public.ecr.aws/nginx/nginx:latest' });
      expect(service.SourceConfiguration?.ImageRepository?.ImageRepositoryType).toBe('ECR_PUBLIC');
      expect(service.SourceConfiguration).not.toHaveProperty('AuthenticationConfiguration');
    });
  });

  describe.each([
    { exposure: 'public', want: true },
    { exposure: 'private', want: false },
  ])('when the exposure is $exposure', ({ exposure, want }) => {
    it(`is${want ? '' : ' not'} publicly accessible`, async () => {
      const { service } = await appRunner({ ...APP_RUNNER, traffic: { ...APP_RUNNER.traffic, exposure } });
      expect(service.NetworkConfiguration?.IngressConfiguration?.IsPubliclyAccessible).toBe(want);
    });
  });

  describe('when the workload name is shorter than App Runner allows', () => {
    it('lengthens the service name to four characters or more', async () => {
      const { service } = await appRunner({ ...APP_RUNNER, name: 'api' });
      expect(service.ServiceName).toBe('api-service');
    });
  });
});

describe('App Runner auto scaling configuration', () => {
  it('adds an instance per the designed concurrency, between the task bounds', async () => {
    const { scaling } = await appRunner({
      ...APP_RUNNER,
      name: 'checkout',
      resources: { minTasks: 2, maxTasks: 8 },
    });
    expect(scaling).toEqual({
      AutoScalingConfigurationName: 'checkout-scaling',
      MaxConcurrency: 100,
      MinSize: 2,
      MaxSize: 8,
    });
  });

  describe('when more instances are asked for than App Runner runs', () => {
    it('caps MaxSize at 25 and says so in the README', async () => {
      const { files, scaling } = await appRunner({ ...APP_RUNNER, resources: { maxTasks: 40 } });
      expect(scaling.MaxSize).toBe(25);
      expect(fileAt(files, 'README.md').content).toContain('MaxSize is 25 rather than 40');
    });
  });
});
