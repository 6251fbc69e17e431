import fc from 'fast-check';
import YAML from 'yaml';
import type { Recommendation } from '../../src/advice/advice';
import type { Workload } from '../../src/contract/workload';
import { generateStarterConfig, type StarterConfigInput } from '../../src/generators/starter-config';
import { NoEligiblePlatformProblem } from '../../src/http/problem';
import { inputsOnEveryEligiblePlatform } from '../cloudformation/support/starter-inputs';
import { advise, advisor, normalize } from '../support/advisor';
import { CONTRACT_PLATFORM_IDS } from '../support/contract-platform-ids';
import { schemaErrors } from '../support/openapi-validator';
import { adviceFor, SEED } from './advice';
import { workloadRequest } from './arbitraries';
import {
  APP_RUNNER_MAX,
  AWS_MANAGED_HOST_PLATFORMS,
  BATCH_PLATFORM,
  EC2_HOST_PLATFORMS,
  EKS_FARGATE_OVERHEAD_MIB,
  EKS_NODE_PLATFORMS,
  FARGATE_TASK_PLATFORMS,
  type FargateSize,
  FSX_WINDOWS_PLATFORMS,
  isFargateSize,
  MANAGED_INGRESS_PLATFORMS,
  smallestFargateSize,
  TEAM_RUN_HOST_PLATFORMS,
} from './aws-facts';

/** Every property below runs on the same bodies (one seed), so each body is advised once. */
const RUNS = { seed: SEED, numRuns: 150 };

const NO_WINDOWS_OR_ARM = ['eks-fargate', ...MANAGED_INGRESS_PLATFORMS];
/** Hosts that run GPUs, privileged containers and per-host agents, whoever runs them. */
const ANY_EC2_HOST_PLATFORMS = [...EC2_HOST_PLATFORMS, ...AWS_MANAGED_HOST_PLATFORMS];
const STORAGE_FOR: Record<string, string> = {
  none: 'none',
  'shared-file': 'efs',
  block: 'ebs',
  'windows-file': 'fsx-windows',
  'high-performance-file': 'fsx-lustre',
};

/** The hard requirements a platform must meet to run the workload at all, as AWS documents them. */
function platformViolations(workload: Workload, platform: string): string[] {
  const violations: string[] = [];
  const need = (holds: boolean, requirement: string) => {
    if (!holds) violations.push(`${platform}: ${requirement}`);
  };
  const { control, persistence, resources, traffic } = workload;
  const { cpu, memoryGiB } = resources;
  // AWS Batch gives GPUs, privileged containers and host access on the EC2 instances it launches.
  const ec2Capable = ANY_EC2_HOST_PLATFORMS.includes(platform) || platform === BATCH_PLATFORM;
  if (control.gpu) need(ec2Capable, 'GPUs need EC2 hosts');
  if (control.privileged) need(ec2Capable, 'privileged containers need EC2 hosts');
  if (control.daemons) need(ANY_EC2_HOST_PLATFORMS.includes(platform), 'per-host daemons need EC2 hosts');
  if (control.level === 'full')
    need(
      EC2_HOST_PLATFORMS.includes(platform) || platform === BATCH_PLATFORM,
      'full control needs EC2 hosts',
    );
  if (platform === BATCH_PLATFORM) {
    need(workload.workloadType === 'batch', 'AWS Batch runs batch jobs only');
    need(workload.trigger?.type !== 'sqs', 'AWS Batch reads no SQS queue');
    need(['none', 'shared-file'].includes(persistence.type), 'AWS Batch jobs mount EFS only');
    if (control.os === 'windows') {
      need(
        smallestFargateSize('windows', cpu, memoryGiB) !== undefined &&
          !control.privileged &&
          control.level !== 'full',
        'AWS Batch runs Windows on Fargate compute environments only',
      );
      need(persistence.type === 'none', 'Windows jobs on Fargate take no EFS volume');
    }
  }
  if (control.os === 'windows') {
    need(!NO_WINDOWS_OR_ARM.includes(platform), 'Windows containers do not run here');
    need(
      !AWS_MANAGED_HOST_PLATFORMS.includes(platform),
      'AWS-managed hosts (Managed Instances, Auto Mode) run Linux only',
    );
    need(control.architecture !== 'arm64', 'Windows containers run only on x86_64');
    if (platform === 'ecs-fargate') {
      const size = smallestFargateSize('windows', cpu, memoryGiB);
      need(
        size !== undefined && [1024, 2048, 4096].includes(size.cpu),
        'Windows on Fargate has 1, 2 or 4 vCPU',
      );
    }
  }
  if (control.architecture === 'arm64')
    need(!NO_WINDOWS_OR_ARM.includes(platform), 'arm64 does not run here');
  if (control.kubernetes === 'required') need(platform.startsWith('eks-'), 'Kubernetes means EKS');
  if (control.kubernetes === 'avoid') need(!platform.startsWith('eks-'), 'avoiding Kubernetes excludes EKS');
  if (traffic.protocol === 'tcp' || traffic.protocol === 'udp' || traffic.protocol === 'tls') {
    need(!MANAGED_INGRESS_PLATFORMS.includes(platform), `${traffic.protocol} needs a Network Load Balancer`);
  }
  if (traffic.protocol === 'grpc' || traffic.protocol === 'websocket') {
    need(platform !== 'app-runner', `App Runner does not serve ${traffic.protocol}`);
  }
  if (persistence.type === 'high-performance-file') {
    need(EKS_NODE_PLATFORMS.includes(platform), 'FSx for Lustre mounts only on EKS EC2 nodes');
  }
  if (persistence.type === 'windows-file') {
    need(control.os === 'windows', 'FSx for Windows File Server needs Windows containers');
    need(
      FSX_WINDOWS_PLATFORMS.includes(platform),
      'FSx for Windows File Server mounts only in ECS tasks on Windows EC2 hosts',
    );
  }
  if (persistence.type === 'block') need(!NO_WINDOWS_OR_ARM.includes(platform), 'no EBS volumes here');
  if (persistence.type === 'shared-file') need(!MANAGED_INGRESS_PLATFORMS.includes(platform), 'no EFS here');
  if (!workload.existingAppRunnerCustomer)
    need(platform !== 'app-runner', 'App Runner takes no new customers');
  if (workload.workloadType !== 'web') {
    need(!MANAGED_INGRESS_PLATFORMS.includes(platform), `${workload.workloadType} is not a web service`);
  }
  if (FARGATE_TASK_PLATFORMS.includes(platform)) {
    need(cpu <= 16 && memoryGiB <= 120, 'Fargate tasks have at most 16 vCPU and 120 GiB');
    need(
      smallestFargateSize(control.os, cpu, memoryGiB) !== undefined,
      'no Fargate task size covers the request',
    );
  }
  if (platform === 'eks-fargate') {
    const size = smallestFargateSize('linux', cpu, memoryGiB, EKS_FARGATE_OVERHEAD_MIB);
    need(size !== undefined, 'no Fargate pod size covers the request plus 256 MiB');
  }
  if (platform === 'app-runner') {
    need(
      cpu <= APP_RUNNER_MAX.vcpu && memoryGiB <= APP_RUNNER_MAX.memoryGiB,
      'beyond the largest App Runner instance',
    );
  }
  return violations;
}

/** What the architecture around the chosen platform must be, whatever the rules say. */
function designViolations(recommendation: Recommendation): string[] {
  const violations: string[] = [];
  const need = (holds: boolean, requirement: string) => {
    if (!holds) violations.push(requirement);
  };
  const { workload, loadBalancer, storage } = recommendation;
  const platform = recommendation.platform.id;
  const protocol = workload.traffic.protocol;
  const targetGroup = loadBalancer.targetGroup;
  if (targetGroup !== undefined) {
    // NLBs health-check UDP targets over TCP, HTTP or HTTPS only (target-group-health-checks.html).
    need(targetGroup.healthCheckProtocol !== 'UDP', 'no target group is health-checked over UDP');
    need(
      targetGroup.healthCheckPort === workload.traffic.healthCheckPort,
      'the health check connects to traffic.healthCheckPort',
    );
  }
  if (workload.workloadType !== 'web') {
    need(loadBalancer.type === 'none', 'workers and batch jobs have no load balancer');
  } else if (workload.traffic.tlsTermination === 'service') {
    // TLS the service terminates passes through an NLB TCP listener: nothing may decrypt it on the way.
    need(loadBalancer.type === 'nlb', `${protocol} passed through goes through a Network Load Balancer`);
    need(
      loadBalancer.listeners.every((listener) => listener.protocol === 'TCP'),
      `${protocol} passed through has only TCP listeners`,
    );
  } else if (protocol === 'tcp' || protocol === 'udp' || protocol === 'tls') {
    need(loadBalancer.type === 'nlb', `${protocol} goes through a Network Load Balancer`);
  } else if (protocol === 'grpc') {
    need(loadBalancer.type === 'alb', 'gRPC goes through an Application Load Balancer');
    need(loadBalancer.targetGroup?.protocolVersion === 'GRPC', 'gRPC needs a GRPC target group');
  } else {
    // Express Mode and App Runner build the (ALB-based) endpoint themselves: "built-in" in the contract.
    const want = MANAGED_INGRESS_PLATFORMS.includes(platform) ? 'built-in' : 'alb';
    need(loadBalancer.type === want, `${protocol} goes through ${want}`);
  }
  if (loadBalancer.type === 'alb' || loadBalancer.type === 'nlb') {
    const want = workload.traffic.exposure === 'private' ? 'internal' : 'internet-facing';
    need(loadBalancer.scheme === want, `exposure ${workload.traffic.exposure} means scheme ${want}`);
  }
  need(
    storage.type === STORAGE_FOR[workload.persistence.type],
    `${workload.persistence.type} is ${STORAGE_FOR[workload.persistence.type]}`,
  );
  return violations;
}

function rankingViolations(alternatives: Recommendation['alternatives'], chosen: string): string[] {
  const violations: string[] = [];
  const need = (holds: boolean, requirement: string) => {
    if (!holds) violations.push(requirement);
  };
  need(
    JSON.stringify(alternatives.map((a) => a.platformId).sort()) ===
      JSON.stringify([...CONTRACT_PLATFORM_IDS].sort()),
    'every platform is listed once',
  );
  need(
    alternatives.every((alternative, index) => alternative.rank === index + 1),
    'ranks run from 1 in order',
  );
  need(
    alternatives[0]?.platformId === chosen && alternatives[0]?.eligible === true,
    'the chosen platform is first',
  );
  for (const alternative of alternatives) {
    if (alternative.eligible)
      need(alternative.blockers.length === 0, `${alternative.platformId}: eligible, no blockers`);
    else {
      need(alternative.blockers.length > 0, `${alternative.platformId}: ineligible, with a blocker`);
      need(alternative.score === 0, `${alternative.platformId}: ineligible, score 0`);
    }
  }
  alternatives.forEach((alternative, index) => {
    const next = alternatives[index + 1];
    if (next === undefined) return;
    need(alternative.eligible || !next.eligible, 'eligible platforms come before ineligible ones');
    if (alternative.eligible && next.eligible) need(alternative.score >= next.score, 'best score first');
  });
  return violations;
}

/** The ECS API inputs the starter configuration holds, parsed, by path. */
function starterJson(recommendation: Recommendation): Map<string, Record<string, unknown>> {
  return new Map(
    recommendation.starterConfig.files
      .filter((file) => file.mediaType === 'application/json')
      .map((file) => [file.path, JSON.parse(file.content) as Record<string, unknown>]),
  );
}

/** A Fargate size from the table that covers the workload's request, or why not. */
function fargateSizeViolations(
  where: string,
  os: 'linux' | 'windows',
  size: FargateSize,
  workload: Workload,
): string[] {
  const violations: string[] = [];
  if (!isFargateSize(os, size))
    violations.push(`${where}: ${size.cpu}/${size.memory} is not a ${os} Fargate size`);
  if (workload.resources.cpu * 1024 > size.cpu)
    violations.push(`${where}: ${size.cpu} CPU units < the request`);
  if (workload.resources.memoryGiB * 1024 > size.memory)
    violations.push(`${where}: ${size.memory} MiB < the request`);
  return violations;
}

describe('every recommendation', () => {
  it('meets every hard requirement on the chosen platform and on every eligible alternative', async () => {
    await fc.assert(
      fc.asyncProperty(workloadRequest, async (body) => {
        const advice = await adviceFor(body);
        if (advice.kind !== 'recommendation') return;
        const { recommendation } = advice;
        const eligible = recommendation.alternatives.filter((alternative) => alternative.eligible);
        const violations = eligible.flatMap((alternative) =>
          platformViolations(recommendation.workload, alternative.platformId),
        );
        expect(violations).toEqual([]);
      }),
      RUNS,
    );
  });

  it('puts the load balancer and the storage the workload needs around the chosen platform', async () => {
    await fc.assert(
      fc.asyncProperty(workloadRequest, async (body) => {
        const advice = await adviceFor(body);
        if (advice.kind !== 'recommendation') return;
        expect(designViolations(advice.recommendation)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('never puts a minimal-operations workload on hosts the team patches when Managed Instances can run it', async () => {
    // GPUs, privileged containers and per-host agents rule out serverless compute, leaving hosts to choose.
    const minimalOnHosts = fc
      .tuple(
        workloadRequest,
        fc.constantFrom('gpu', 'privileged', 'daemons'),
        fc.constantFrom('no-preference', 'avoid'),
      )
      .map(([body, needs, kubernetes]) => ({
        ...body,
        control: { ...body.control, level: 'minimal' as const, kubernetes, [needs]: true },
      }));
    await fc.assert(
      fc.asyncProperty(minimalOnHosts, async (body) => {
        const advice = await adviceFor(body);
        if (advice.kind !== 'recommendation') return;
        const { alternatives, platform } = advice.recommendation;
        const managed = alternatives.some(
          (alternative) =>
            AWS_MANAGED_HOST_PLATFORMS.includes(alternative.platformId) && alternative.eligible,
        );
        if (!managed) return;
        expect(TEAM_RUN_HOST_PLATFORMS).not.toContain(platform.id);
      }),
      RUNS,
    );
  });

  it('ranks every platform: eligible ones by score without blockers, ineligible ones with blockers and 0', async () => {
    await fc.assert(
      fc.asyncProperty(workloadRequest, async (body) => {
        const advice = await adviceFor(body);
        if (advice.kind !== 'recommendation') return;
        const { alternatives, platform } = advice.recommendation;
        expect(rankingViolations(alternatives, platform.id)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('validates against Recommendation in openapi.yaml', async () => {
    await fc.assert(
      fc.asyncProperty(workloadRequest, async (body) => {
        const advice = await adviceFor(body);
        if (advice.kind !== 'recommendation') return;
        expect(schemaErrors('Recommendation', JSON.parse(JSON.stringify(advice.recommendation)))).toEqual([]);
      }),
      RUNS,
    );
  });

  it('comes with the ECS task definition on ECS, and the Express Mode service on Express Mode', async () => {
    const wanted: Record<string, string> = {
      'ecs-fargate': 'ecs/task-definition.json',
      'ecs-ec2': 'ecs/task-definition.json',
      'ecs-express-mode': 'ecs/express-gateway-service.json',
    };
    await fc.assert(
      fc.asyncProperty(workloadRequest, async (body) => {
        const advice = await adviceFor(body);
        if (advice.kind !== 'recommendation') return;
        const path = wanted[advice.recommendation.platform.id];
        if (path === undefined) return;
        expect(advice.recommendation.starterConfig.files.map((file) => file.path)).toContain(path);
      }),
      RUNS,
    );
  });

  it('sizes every Fargate task from the Fargate table, covering what the workload asked for', async () => {
    await fc.assert(
      fc.asyncProperty(workloadRequest, async (body) => {
        const advice = await adviceFor(body);
        if (advice.kind !== 'recommendation') return;
        const { recommendation } = advice;
        const { workload } = recommendation;
        const files = starterJson(recommendation);
        const violations: string[] = [];
        const taskDefinition = files.get('ecs/task-definition.json');
        if (taskDefinition !== undefined) {
          const onFargate = (taskDefinition.requiresCompatibilities as string[] | undefined)?.includes(
            'FARGATE',
          );
          if (onFargate !== (recommendation.platform.id === 'ecs-fargate')) {
            violations.push(
              `requiresCompatibilities ${String(taskDefinition.requiresCompatibilities)} on ${recommendation.platform.id}`,
            );
          }
          if (onFargate) {
            const size = { cpu: Number(taskDefinition.cpu), memory: Number(taskDefinition.memory) };
            violations.push(...fargateSizeViolations('task definition', workload.control.os, size, workload));
          }
        }
        const expressService = files.get('ecs/express-gateway-service.json');
        if (expressService !== undefined) {
          const size = { cpu: Number(expressService.cpu), memory: Number(expressService.memory) };
          violations.push(...fargateSizeViolations('Express Mode service', 'linux', size, workload));
        }
        expect(violations).toEqual([]);
      }),
      RUNS,
    );
  });
});

/**
 * What AWS Batch's design must hold whatever the rules say: a compute environment that can run the job
 * (EC2 for GPUs, privileged containers, host access and sizes beyond Fargate; Fargate for Windows; Spot only
 * for interruptible Linux work) and a job definition that fits it.
 */
function batchViolations(input: StarterConfigInput): string[] {
  const violations: string[] = [];
  const need = (holds: boolean, requirement: string) => {
    if (!holds) violations.push(requirement);
  };
  const { workload, design } = input;
  const { computeEnvironment } = design;
  if (computeEnvironment === undefined) return ['AWS Batch runs its jobs on a compute environment'];
  const { control, resources, cost } = workload;
  const fargateSize = smallestFargateSize(control.os, resources.cpu, resources.memoryGiB);
  const needsEc2 = control.gpu || control.privileged || control.level === 'full' || fargateSize === undefined;
  need(
    computeEnvironment.capacity === (needsEc2 ? 'ec2' : 'fargate'),
    `needs ${needsEc2 ? 'EC2' : 'Fargate'}`,
  );
  const spot = computeEnvironment.type === 'SPOT' || computeEnvironment.type === 'FARGATE_SPOT';
  need(spot === (cost.interruptible && control.os === 'linux'), 'Spot exactly for interruptible Linux jobs');
  if (control.os === 'windows') need(computeEnvironment.type === 'FARGATE', 'Windows jobs run on Fargate');
  const file = generateStarterConfig(input).find(
    (candidate) => candidate.path === 'batch/job-definition.json',
  );
  if (file === undefined) return [...violations, 'AWS Batch comes with its job definition'];
  const jobDefinition = JSON.parse(file.content) as {
    platformCapabilities: string[];
    containerProperties: { resourceRequirements: { type: string; value: string }[]; privileged?: boolean };
  };
  need(
    jobDefinition.platformCapabilities.includes(needsEc2 ? 'EC2' : 'FARGATE'),
    'the job definition runs where the compute environment is',
  );
  const container = jobDefinition.containerProperties;
  const requirement = (type: string) =>
    container.resourceRequirements.find((item) => item.type === type)?.value;
  const size = { cpu: Number(requirement('VCPU')) * 1024, memory: Number(requirement('MEMORY')) };
  if (!needsEc2) violations.push(...fargateSizeViolations('job definition', control.os, size, workload));
  else
    need(
      size.cpu >= resources.cpu * 1024 && size.memory >= resources.memoryGiB * 1024,
      'the job gets what it asked',
    );
  need((requirement('GPU') !== undefined) === control.gpu, 'a GPU job asks Batch for a GPU');
  need((container.privileged === true) === control.privileged, 'a privileged job runs privileged');
  return violations;
}

describe('every AWS Batch design', () => {
  it('runs the job on a compute environment that can run it, with a job definition that fits it', async () => {
    await fc.assert(
      fc.asyncProperty(workloadRequest, async (body) => {
        const batch = (await inputsOnEveryEligiblePlatform(body)).find(
          (input) => input.platform.id === BATCH_PLATFORM,
        );
        if (batch === undefined) return;
        expect(batchViolations(batch)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('names its compute environment as the platform capacity when chosen, and only AWS Batch has one', async () => {
    await fc.assert(
      fc.asyncProperty(workloadRequest, async (body) => {
        const advice = await adviceFor(body);
        if (advice.kind !== 'recommendation') return;
        const { platform, computeEnvironment } = advice.recommendation;
        expect({
          platform: platform.id,
          capacity: platform.capacity,
          computeEnvironment: computeEnvironment?.capacity,
        }).toEqual({
          platform: platform.id,
          capacity: platform.capacity,
          computeEnvironment: platform.id === BATCH_PLATFORM ? platform.capacity : undefined,
        });
      }),
      RUNS,
    );
  });
});

describe('every starter configuration', () => {
  it('holds files that parse as their media type', async () => {
    await fc.assert(
      fc.asyncProperty(workloadRequest, async (body) => {
        const advice = await adviceFor(body);
        if (advice.kind !== 'recommendation') return;
        for (const file of advice.recommendation.starterConfig.files) {
          if (file.mediaType === 'application/json') expect(() => JSON.parse(file.content)).not.toThrow();
          if (file.mediaType === 'application/yaml') {
            const errors = YAML.parseAllDocuments(file.content).flatMap((document) =>
              'errors' in document ? document.errors.map((error) => error.message) : ['not a document'],
            );
            expect({ path: file.path, errors }).toEqual({ path: file.path, errors: [] });
          }
        }
      }),
      RUNS,
    );
  });

  it('exposes the port the load balancer health-checks over TCP, in the task definition or the pod', async () => {
    await fc.assert(
      fc.asyncProperty(workloadRequest, async (body) => {
        const advice = await adviceFor(body);
        if (advice.kind !== 'recommendation') return;
        const { loadBalancer, starterConfig } = advice.recommendation;
        const port = loadBalancer.targetGroup?.healthCheckPort;
        if (port === undefined) return;
        const taskDefinition = starterConfig.files.find((file) => file.path === 'ecs/task-definition.json');
        if (taskDefinition !== undefined) {
          const definition = JSON.parse(taskDefinition.content) as {
            containerDefinitions: { portMappings?: { containerPort: number; protocol: string }[] }[];
          };
          expect(definition.containerDefinitions[0]?.portMappings).toContainEqual(
            expect.objectContaining({ containerPort: port, protocol: 'tcp' }),
          );
        }
        const manifests = starterConfig.files.find((file) => file.path === 'eks/manifests.yaml');
        if (manifests !== undefined) {
          const ports = YAML.parseAllDocuments(manifests.content)
            .map((document) => document.toJS() as { kind?: string; spec?: unknown })
            .filter((document) => document.kind === 'Deployment' || document.kind === 'StatefulSet')
            .flatMap((document) => {
              const spec = document.spec as { template: { spec: { containers: { ports?: unknown[] }[] } } };
              return spec.template.spec.containers[0]?.ports ?? [];
            });
          expect(ports).toContainEqual(expect.objectContaining({ containerPort: port, protocol: 'TCP' }));
        }
      }),
      RUNS,
    );
  });

  it('carries the requested image verbatim, whatever characters it has', async () => {
    await fc.assert(
      fc.asyncProperty(workloadRequest, async (body) => {
        const advice = await adviceFor(body);
        if (advice.kind !== 'recommendation' || advice.recommendation.workload.image === undefined) return;
        const { image } = advice.recommendation.workload;
        const parsed = advice.recommendation.starterConfig.files.flatMap((file) =>
          file.mediaType === 'application/json'
            ? [JSON.parse(file.content) as unknown]
            : file.mediaType === 'application/yaml'
              ? YAML.parseAllDocuments(file.content).map((document) => document.toJS() as unknown)
              : [],
        );
        expect(parsed.some((value) => containsString(value, image))).toBe(true);
      }),
      RUNS,
    );
  });
});

function containsString(value: unknown, wanted: string): boolean {
  if (value === wanted) return true;
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).some((child) => containsString(child, wanted));
}

describe('every answer that no platform is eligible', () => {
  it('blocks every platform with at least one blocker', async () => {
    await fc.assert(
      fc.asyncProperty(workloadRequest, async (body) => {
        const advice = await adviceFor(body);
        if (advice.kind !== 'no-eligible-platform') return;
        expect(advice.platforms.map((platform) => platform.platformId).sort()).toEqual(
          [...CONTRACT_PLATFORM_IDS].sort(),
        );
        for (const platform of advice.platforms) expect(platform.blockers.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('validates against NoEligiblePlatformProblem in openapi.yaml', async () => {
    await fc.assert(
      fc.asyncProperty(workloadRequest, async (body) => {
        const advice = await adviceFor(body);
        if (advice.kind !== 'no-eligible-platform') return;
        const problem = new NoEligiblePlatformProblem({
          platforms: advice.platforms,
          suggestions: advice.suggestions,
          rulesVersion: advisor.ruleSet.version,
        }).toBody();
        expect(schemaErrors('NoEligiblePlatformProblem', JSON.parse(JSON.stringify(problem)))).toEqual([]);
      }),
      RUNS,
    );
  });

  it('suggests only changes that, applied to the request, make their platform eligible', async () => {
    await fc.assert(
      fc.asyncProperty(workloadRequest, async (body) => {
        const advice = await adviceFor(body);
        if (advice.kind !== 'no-eligible-platform') return;
        const workload = normalize(body);
        for (const suggestion of advice.suggestions) {
          for (const change of suggestion.changes)
            expect(change.from).toEqual(valueAt(workload, change.path));
          const changed = suggestion.changes.reduce<object>(
            (request, change) => withChange(request, change.path, change.to),
            body,
          );
          const retry = await advise(changed);
          const platform =
            retry.kind === 'recommendation'
              ? retry.recommendation.alternatives.find((a) => a.platformId === suggestion.platformId)
              : undefined;
          expect({ suggestion, eligible: platform?.eligible }).toEqual({ suggestion, eligible: true });
        }
      }),
      { ...RUNS, numRuns: 60 },
    );
  });
});

describe('advising', () => {
  it('gives deep-equal answers with identical JSON when asked twice about the same workload', async () => {
    await fc.assert(
      fc.asyncProperty(workloadRequest, async (body) => {
        const first = await adviceFor(body);
        const second = await advisor.advise(normalize(structuredClone(body)));
        expect(second).toEqual(first);
        expect(JSON.stringify(second)).toBe(JSON.stringify(first));
      }),
      { ...RUNS, numRuns: 50 },
    );
  });
});

function valueAt(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function withChange(body: object, path: string, value: unknown): object {
  const copy = structuredClone(body) as Record<string, unknown>;
  const keys = path.split('.');
  let target = copy;
  for (const key of keys.slice(0, -1)) {
    if (typeof target[key] !== 'object' || target[key] === null) target[key] = {};
    target = target[key] as Record<string, unknown>;
  }
  target[keys[keys.length - 1] as string] = value;
  return copy;
}
