import fc from 'fast-check';
import YAML from 'yaml';
import { generateStarterConfig, type StarterFile } from '../../src/generators/starter-config';
import { inputsOnEveryEligiblePlatform } from '../cloudformation/support/starter-inputs';
import { adviceFor, SEED } from './advice';
import { validWorkloadRequest } from './arbitraries';
import { ADDABLE_CAPABILITIES, HOST_NETWORK_PLATFORMS } from './aws-facts';

/**
 * Added Linux capabilities (control.capabilities), the host's network (control.hostNetwork) and workers fed
 * by no queue (trigger.type none) are hard requirements over any input: no eligible platform refuses a
 * capability the request adds or lacks the host's network, the starter files add exactly those
 * capabilities and put the container on the host's network, and a worker without a trigger gets no queue
 * and a CPU-tracking policy.
 */
const RUNS = { seed: SEED, numRuns: 60 };

/** Names copied from the ECS API reference (KernelCapabilities), not imported, with Fargate's one often. */
const CAPABILITY = fc.oneof(
  { weight: 2, arbitrary: fc.constant('SYS_PTRACE') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'NET_ADMIN',
      'NET_RAW',
      'SYS_ADMIN',
      'SYS_TIME',
      'IPC_LOCK',
      'NET_BIND_SERVICE',
      'ALL',
    ),
  },
);

/** Any valid body, on Linux, adding one to three capabilities; workers sometimes fed by no queue. */
const withCapabilities = fc
  .tuple(validWorkloadRequest, fc.uniqueArray(CAPABILITY, { minLength: 1, maxLength: 3 }), fc.boolean())
  .map(([body, capabilities, noTrigger]) => ({
    ...body,
    control: { ...body.control, os: 'linux' as const, capabilities },
    ...(body.workloadType === 'worker' && noTrigger ? { trigger: { type: 'none' as const } } : {}),
  }));

function refusedOn(platform: string, capabilities: readonly string[]): string[] {
  const addable = ADDABLE_CAPABILITIES[platform];
  if (addable === undefined) return [`${platform} is not in the table`];
  return addable === 'any' ? [] : capabilities.filter((name) => !addable.includes(name));
}

function at(value: unknown, ...path: (string | number)[]): unknown {
  return path.reduce<unknown>(
    (current, key) =>
      typeof current === 'object' && current !== null
        ? (current as Record<string | number, unknown>)[key]
        : undefined,
    value,
  );
}

/** The capabilities the platform's files add to the workload's container, or undefined where it has none. */
function capabilitiesInFiles(files: readonly StarterFile[]): unknown[] {
  const found: unknown[] = [];
  const taskDefinition = files.find((file) => file.path === 'ecs/task-definition.json');
  if (taskDefinition !== undefined)
    found.push(
      at(
        JSON.parse(taskDefinition.content),
        'containerDefinitions',
        0,
        'linuxParameters',
        'capabilities',
        'add',
      ),
    );
  const manifests = files.find((file) => file.path === 'eks/manifests.yaml');
  if (manifests !== undefined) {
    for (const document of YAML.parseAllDocuments(manifests.content).map((item) => item.toJSON())) {
      const template =
        document.kind === 'CronJob'
          ? at(document, 'spec', 'jobTemplate', 'spec', 'template')
          : at(document, 'spec', 'template');
      if (['Deployment', 'Job', 'CronJob'].includes(document.kind))
        found.push(at(template, 'spec', 'containers', 0, 'securityContext', 'capabilities', 'add'));
    }
  }
  return found;
}

describe('every request that adds Linux capabilities', () => {
  it('is recommended only platforms that add every one of them, the chosen one and every eligible alternative', async () => {
    await fc.assert(
      fc.asyncProperty(withCapabilities, async (body) => {
        const advice = await adviceFor(body);
        if (advice.kind !== 'recommendation') return;
        const { recommendation } = advice;
        const requested = recommendation.workload.control.capabilities;
        expect(requested).toEqual(body.control.capabilities);
        const refused = recommendation.alternatives
          .filter((alternative) => alternative.eligible)
          .flatMap((alternative) =>
            refusedOn(alternative.platformId, requested).map((name) => `${alternative.platformId}: ${name}`),
          );
        expect(refused).toEqual([]);
      }),
      RUNS,
    );
  });

  it('gets starter files on every eligible platform that add exactly those capabilities to the container', async () => {
    await fc.assert(
      fc.asyncProperty(withCapabilities, async (body) => {
        for (const input of await inputsOnEveryEligiblePlatform(body)) {
          const files = generateStarterConfig(input);
          for (const added of capabilitiesInFiles(files))
            expect(added).toEqual(input.workload.control.capabilities);
        }
      }),
      { ...RUNS, numRuns: 25 },
    );
  });
});

describe('every worker fed by no queue (trigger none)', () => {
  it('gets no trigger and scales on CPU wherever it is recommended', async () => {
    await fc.assert(
      fc.asyncProperty(
        withCapabilities
          .filter((body) => body.workloadType === 'worker')
          .map((body) => ({ ...body, trigger: { type: 'none' as const } })),
        async (body) => {
          const advice = await adviceFor(body);
          if (advice.kind !== 'recommendation') return;
          const { recommendation } = advice;
          expect(recommendation.triggers).toEqual([]);
          expect(JSON.stringify(recommendation.scaling)).not.toMatch(/sqs|ApproximateNumberOfMessages/i);
          expect(recommendation.starterConfig.files.map((file) => file.path).join(' ')).not.toMatch(/queue/);
        },
      ),
      RUNS,
    );
  });
});

/** Any valid body that needs the host's network, on either operating system (Windows never gets it). */
const onTheHostNetwork = validWorkloadRequest.map((body) => ({
  ...body,
  control: { ...body.control, hostNetwork: true },
}));

/** Where the platform's files put the workload's container on the network, by file. */
function networkInFiles(files: readonly StarterFile[]): { file: string; hostNetwork: unknown }[] {
  const found: { file: string; hostNetwork: unknown }[] = [];
  const taskDefinition = files.find((file) => file.path === 'ecs/task-definition.json');
  if (taskDefinition !== undefined) {
    const json: unknown = JSON.parse(taskDefinition.content);
    found.push({ file: taskDefinition.path, hostNetwork: at(json, 'networkMode') === 'host' });
  }
  const service = files.find((file) => file.path === 'ecs/service.json');
  if (service !== undefined)
    found.push({
      file: service.path,
      hostNetwork: at(JSON.parse(service.content), 'networkConfiguration') === undefined,
    });
  const manifests = files.find((file) => file.path === 'eks/manifests.yaml');
  if (manifests !== undefined) {
    for (const document of YAML.parseAllDocuments(manifests.content).map((item) => item.toJSON())) {
      const template =
        document.kind === 'CronJob'
          ? at(document, 'spec', 'jobTemplate', 'spec', 'template')
          : at(document, 'spec', 'template');
      if (['Deployment', 'StatefulSet', 'Job', 'CronJob'].includes(document.kind))
        found.push({
          file: `${manifests.path} ${document.kind}`,
          hostNetwork:
            at(template, 'spec', 'hostNetwork') === true &&
            at(template, 'spec', 'dnsPolicy') === 'ClusterFirstWithHostNet',
        });
    }
  }
  return found;
}

describe("every request that needs the host's network", () => {
  it('is never answered, nor offered as eligible, on a platform without it, nor on Windows', async () => {
    await fc.assert(
      fc.asyncProperty(onTheHostNetwork, async (body) => {
        const advice = await adviceFor(body);
        if (advice.kind !== 'recommendation') return;
        const { recommendation } = advice;
        expect(recommendation.workload.control.hostNetwork).toBe(true);
        expect(recommendation.workload.control.os).toBe('linux');
        expect(HOST_NETWORK_PLATFORMS).toContain(recommendation.platform.id);
        const eligible = recommendation.alternatives
          .filter((alternative) => alternative.eligible)
          .map((alternative) => alternative.platformId);
        expect(eligible.filter((platform) => !HOST_NETWORK_PLATFORMS.includes(platform))).toEqual([]);
      }),
      RUNS,
    );
  });

  it("gets starter files on every eligible platform that put the container on the host's network", async () => {
    await fc.assert(
      fc.asyncProperty(onTheHostNetwork, async (body) => {
        for (const input of await inputsOnEveryEligiblePlatform(body)) {
          const files = generateStarterConfig(input);
          const wrong = networkInFiles(files).filter(({ hostNetwork }) => hostNetwork !== true);
          expect({ platform: input.platform.id, wrong }).toEqual({ platform: input.platform.id, wrong: [] });
          const loadBalancer = input.platform.traits.kubernetes ? undefined : input.design.loadBalancer;
          if (loadBalancer?.targetGroup !== undefined)
            expect(loadBalancer.targetGroup.targetType).toBe('instance');
        }
      }),
      { ...RUNS, numRuns: 25 },
    );
  });
});
