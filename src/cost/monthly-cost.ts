import type { CostModel } from '../catalogue/cost-model';
import type { InstanceCatalogue } from '../catalogue/instance-catalogue';
import {
  cheapestInstance,
  chooseInstance,
  chooseLinuxSystemNode,
  hostRequirements,
} from '../catalogue/instance-chooser';
import type { Platform, PlatformTraits } from '../catalogue/platform-catalogue';
import { type PriceTable, priceOf, unitOf } from '../catalogue/price-table';
import type { TaskSize } from '../catalogue/task-sizes';
import type { Workload } from '../contract/workload';
import type { Design } from '../design/design';
import type { Facts } from '../engine/facts';
import { type RunScheduler, round2, type Usage, usageOf } from './usage';

export interface CostLine {
  item: string;
  quantity: number;
  unit: string;
  unitPrice: number;
  monthly: number;
}

/** A platform's estimated monthly bill for a workload, line by line, with the assumptions it rests on. */
export interface MonthlyCost {
  currency: 'USD';
  total: number;
  low: number;
  high: number;
  priceRegion: string;
  asOf: string;
  lines: CostLine[];
  assumptions: string[];
}

/** A line and what it costs at the low and high end of the workload's usage. */
interface Priced extends CostLine {
  low: number;
  high: number;
}

export interface CostInput {
  workload: Workload;
  platform: Platform;
  facts: Facts;
  design: Design;
  prices: PriceTable;
  model: CostModel;
  instances: InstanceCatalogue;
}

/** Estimates one platform's monthly cost from the price table: compute, control plane, network, storage, logs. */
export function estimateMonthlyCost(input: CostInput): MonthlyCost {
  const { workload, prices, model } = input;
  const usage = usageOf(workload, model, prices.hoursPerMonth, {
    minTasks: input.design.scaling.minCapacity,
    scheduler: runSchedulerOf(input.design),
  });
  const assumptions = [...usage.assumptions];
  const lines: Priced[] = [
    ...computeLines(input, usage, assumptions),
    ...controlPlaneLines(input),
    ...loadBalancerLines(input, assumptions),
    ...networkLines(input, usage, assumptions),
    ...storageLines(input, usage, assumptions),
    ...logLines(input, usage, assumptions),
  ].filter((line) => line.monthly > 0 || line.high > 0);
  const sum = (pick: (line: Priced) => number) =>
    round2(lines.reduce((total, line) => total + pick(line), 0));
  const total = sum((line) => line.monthly);
  return {
    currency: 'USD',
    total,
    low: Math.min(
      sum((line) => line.low),
      total,
    ),
    high: Math.max(
      sum((line) => line.high),
      total,
    ),
    priceRegion: prices.region,
    asOf: prices.asOf,
    lines: lines.map(({ item, quantity, unit, unitPrice, monthly }) => ({
      item,
      quantity: round2(quantity),
      unit,
      unitPrice,
      monthly,
    })),
    assumptions,
  };
}

/** The scheduler the design starts a scheduled job's runs with, if any. */
function runSchedulerOf(design: Design): RunScheduler {
  for (const trigger of design.triggers)
    if (trigger.type === 'eventbridge-schedule' || trigger.type === 'kubernetes-cronjob') return trigger.type;
  return null;
}

function line(
  item: string,
  quantity: number,
  unit: string,
  unitPrice: number,
  scale = { low: 1, high: 1 },
): Priced {
  const monthly = round2(quantity * unitPrice);
  return {
    item,
    quantity,
    unit,
    unitPrice,
    monthly,
    low: round2(monthly * scale.low),
    high: round2(monthly * scale.high),
  };
}

function scaleOf(usage: Usage): { low: number; high: number } {
  const { low, total, high } = usage.taskHours;
  return total === 0 ? { low: 0, high: 0 } : { low: low / total, high: high / total };
}

/** How each kind of compute is billed, by the platform's `compute` trait. */
const COMPUTE_LINES: Record<
  PlatformTraits['compute'],
  (input: CostInput, usage: Usage, assumptions: string[]) => Priced[]
> = {
  fargate: fargateLines,
  'app-runner': appRunnerLines,
  ec2: ec2Lines,
  'compute-environment': computeEnvironmentLines,
  'managed-instances': ec2Lines,
};

function computeLines(input: CostInput, usage: Usage, assumptions: string[]): Priced[] {
  return COMPUTE_LINES[input.platform.traits.compute](input, usage, assumptions);
}

/**
 * AWS Batch has no charge of its own: its compute environment is billed as the Fargate or EC2 capacity it
 * is, at the Fargate size the job is given there or on the instances the chooser deploys.
 */
function computeEnvironmentLines(input: CostInput, usage: Usage, assumptions: string[]): Priced[] {
  const environment = input.design.computeEnvironment;
  if (environment === undefined)
    throw new Error(`the design of ${input.platform.id} chose no compute environment to price`);
  assumptions.push(
    `AWS Batch adds no charge of its own: only its ${environment.type} compute environment's capacity is billed (https://aws.amazon.com/batch/pricing/).`,
  );
  return environment.capacity === 'fargate'
    ? fargateLines(input, usage, assumptions, input.facts.runtime.fargateTaskSize)
    : ec2Lines(input, usage, assumptions);
}

function fargateLines(
  { platform, facts, prices, model, workload }: CostInput,
  usage: Usage,
  assumptions: string[],
  size: TaskSize = facts.taskSize,
): Priced[] {
  const vcpu = size.vcpu ?? workload.resources.cpu;
  const memory = size.memoryGiB ?? workload.resources.memoryGiB;
  const os = facts.runtime.os;
  const family =
    platform.service === 'eks'
      ? 'eks.fargate.linux.x86'
      : os === 'windows'
        ? 'fargate.windows.x86'
        : `fargate.linux.${facts.runtime.architecture === 'arm64' ? 'arm' : 'x86'}`;
  const label =
    platform.service === 'eks'
      ? 'EKS Fargate pod'
      : `Fargate ${os === 'windows' ? 'Windows' : facts.runtime.architecture === 'arm64' ? 'Arm Linux' : 'x86 Linux'} task`;
  const scale = scaleOf(usage);
  const spotShare = spotShareOf(spotUse(workload, facts), usage, model);
  const onDemandHours = usage.taskHours.total * (1 - spotShare);
  const spotHours = usage.taskHours.total * spotShare;
  const lines: Priced[] = [];
  const vcpuRate = priceOf(prices, `${family}.vcpuHour`);
  const gbRate = priceOf(prices, `${family}.gbHour`);
  lines.push(
    line(`${label} vCPU (${vcpu} vCPU per task)`, vcpu * onDemandHours, 'vCPU-hour', vcpuRate, scale),
  );
  lines.push(
    line(`${label} memory (${memory} GB per task)`, memory * onDemandHours, 'GB-hour', gbRate, scale),
  );
  const scratch = billableScratchDiskGiB(workload, platform);
  if (scratch > 0) {
    lines.push(
      line(
        `Fargate ephemeral storage above the included 20 GB (${scratch} GB per task)`,
        scratch * usage.taskHours.total,
        'GB-hour',
        priceOf(prices, 'fargate.ephemeralStorage.gbHourAbove20GB'),
        scale,
      ),
    );
  }
  if (os === 'windows') {
    lines.push(
      line(
        'Fargate Windows OS licence',
        vcpu * onDemandHours,
        'vCPU-hour',
        priceOf(prices, 'fargate.windows.x86.osLicenseVcpuHour'),
        scale,
      ),
    );
  }
  if (spotHours > 0) {
    const discount = priceOf(prices, 'fargate.spot.planningDiscount');
    lines.push(
      line(
        `Fargate Spot vCPU (${vcpu} vCPU per task)`,
        vcpu * spotHours,
        'vCPU-hour',
        round6(vcpuRate * (1 - discount)),
        scale,
      ),
    );
    lines.push(
      line(
        `Fargate Spot memory (${memory} GB per task)`,
        memory * spotHours,
        'GB-hour',
        round6(gbRate * (1 - discount)),
        scale,
      ),
    );
    assumptions.push(
      `Fargate Spot at a ${Math.round(discount * 100)}% planning discount off the ${label} on-demand rates (the live discount floats up to 70%); ${Math.round(spotShare * 100)}% of task-hours on Spot.`,
    );
  }
  if (size.roundedUp)
    assumptions.push(`Billed at the valid size ${vcpu} vCPU / ${memory} GB, rounded up from the request.`);
  return lines;
}

/** Whether the work runs on Spot here: the facts already know whether the platform offers Spot for it. */
/**
 * The scratch disk a Fargate task or pod pays for: what it is given beyond the default it includes (a
 * task definition sets no less than `minSettableGiB`); nothing where the setting cannot be changed.
 */
function billableScratchDiskGiB(workload: Workload, platform: Platform): number {
  const requested = workload.resources.ephemeralStorageGiB;
  const capability = platform.capabilities.ephemeralStorage;
  if (requested === undefined) return 0;
  switch (capability.setting) {
    case 'task-definition':
      return requested <= capability.defaultGiB
        ? 0
        : Math.max(requested, capability.minSettableGiB) - capability.defaultGiB;
    case 'pod-request':
      return Math.max(0, requested - capability.defaultGiB);
    default:
      return 0;
  }
}

function spotUse(workload: Workload, facts: Facts): { spot: boolean; batch: boolean } {
  return {
    spot: facts.runtime.instanceMarket === 'spot',
    batch: workload.workloadType === 'batch' && workload.trigger?.type !== 'sqs',
  };
}

function spotShareOf(spot: { spot: boolean; batch: boolean }, usage: Usage, model: CostModel): number {
  if (!spot.spot) return 0;
  if (spot.batch) return 1;
  if (usage.averageTasks <= 1) return 0;
  return (model.fargateSpot.serviceSpotShare * (usage.averageTasks - 1)) / usage.averageTasks;
}

function appRunnerLines(
  { facts, prices, model, workload, design }: CostInput,
  usage: Usage,
  assumptions: string[],
): Priced[] {
  const vcpu = facts.taskSize.vcpu ?? workload.resources.cpu;
  const memory = facts.taskSize.memoryGiB ?? workload.resources.memoryGiB;
  const provisioned = Math.max(1, design.scaling.minCapacity);
  const activeFraction = model.appRunnerActiveFraction[workload.traffic.pattern];
  const activeInstanceHours = usage.averageTasks * activeFraction * prices.hoursPerMonth;
  const memoryInstanceHours = Math.max(provisioned * prices.hoursPerMonth, activeInstanceHours);
  const scale = scaleOf(usage);
  assumptions.push(
    `App Runner keeps ${provisioned} instance(s) provisioned (memory only while idle) and instances are active ${Math.round(activeFraction * 100)}% of the time for ${workload.traffic.pattern} traffic.`,
  );
  return [
    line(
      `App Runner memory (${memory} GB per instance)`,
      memory * memoryInstanceHours,
      'GB-hour',
      priceOf(prices, 'apprunner.provisioned.gbHour'),
    ),
    line(
      `App Runner active vCPU (${vcpu} vCPU per instance)`,
      vcpu * activeInstanceHours,
      'vCPU-hour',
      priceOf(prices, 'apprunner.active.vcpuHour'),
      scale,
    ),
  ];
}

function ec2Lines(input: CostInput, usage: Usage, assumptions: string[]): Priced[] {
  return [...workloadInstanceLines(input, usage, assumptions).lines, ...systemNodeLines(input, assumptions)];
}

/** The workload's hosts, priced, and the type they are priced at. */
interface PricedHosts {
  lines: Priced[];
  type: string;
  priceKey: string;
}

function workloadInstanceLines(
  { platform, facts, prices, model, workload, design, instances }: CostInput,
  usage: Usage,
  assumptions: string[],
): PricedHosts {
  const spot = design.scaling.instanceMarket === 'spot';
  const choice = chooseInstance(
    hostRequirements({
      workload,
      platform,
      runtime: facts.runtime,
      instanceMarket: design.scaling.instanceMarket,
    }),
    instances,
  );
  // Spot capacity may launch any of the deployed types; price-capacity-optimized favours the cheapest pools.
  const { type, vcpu, priceKey, tasksPerHost } = cheapestInstance(choice, (key) => priceOf(prices, key));
  const discount = spot ? model.ec2.spotPlanningDiscount : 0;
  const market = spot ? 'Spot' : 'On-Demand';
  if (facts.runtime.os === 'windows')
    assumptions.push('EC2 prices are Linux On-Demand rates: the Windows Server licence is not included.');
  if (spot)
    assumptions.push(
      `EC2 Spot at a ${Math.round(discount * 100)}% planning discount (${model.ec2.spotSource}).`,
    );
  const runsAsService =
    usage.taskHours.total === usage.averageTasks * prices.hoursPerMonth && workload.workloadType !== 'batch';
  // The table has Linux instance rates only; Windows adds its licence per instance vCPU, estimated at the
  // Fargate Windows licence rate (EC2's licence-included premium is of the same order).
  const licence =
    facts.runtime.os === 'windows' ? vcpu * priceOf(prices, 'fargate.windows.x86.osLicenseVcpuHour') : 0;
  const unitPrice = round6(priceOf(prices, priceKey) * (1 - discount) + licence);
  assumptions.push(
    `Tasks packed ${tasksPerHost} per ${type}, the type the starter configuration deploys: ${choice.reason}${choice.instanceTypes.length > 1 ? `; priced at ${type}, the cheapest of them` : ''}.`,
  );
  const item = `EC2 ${type} instances, ${market}`;
  const fee = model.hostManagementFees.fees.find((candidate) => candidate.capacity === platform.capacity);
  const feeRate = fee === undefined ? 0 : round6(priceOf(prices, priceKey) * fee.shareOfOnDemand);
  if (fee !== undefined)
    assumptions.push(
      `${fee.item}: ${Math.round(fee.shareOfOnDemand * 100)}% of the ${type} On-Demand price per instance-hour ($${feeRate}), Spot or not (${fee.status}, from ${fee.basis}; ${fee.source}).`,
    );
  const perInstance = (name: string, rate: number): Priced => {
    if (runsAsService) {
      const instanceCount = (tasks: number) => Math.ceil(tasks / tasksPerHost);
      const hours = prices.hoursPerMonth;
      const priced = line(name, instanceCount(usage.averageTasks) * hours, 'instance-hour', rate);
      return {
        ...priced,
        low: round2(instanceCount(design.scaling.minCapacity) * hours * rate),
        high: round2(instanceCount(workload.resources.maxTasks) * hours * rate),
      };
    }
    return line(name, usage.taskHours.total / tasksPerHost, 'instance-hour', rate, scaleOf(usage));
  };
  return {
    lines: [
      perInstance(item, unitPrice),
      ...(fee === undefined ? [] : [perInstance(`${fee.item} (${type})`, feeRate)]),
    ],
    type,
    priceKey,
  };
}

/** A Windows EKS cluster runs CoreDNS and its controllers on a fixed group of Linux nodes beside the Windows ones. */
function systemNodeLines({ platform, facts, prices, instances }: CostInput, assumptions: string[]): Priced[] {
  if (platform.service !== 'eks' || facts.runtime.os !== 'windows') return [];
  const { count } = instances.linuxSystemNodes;
  const { type, priceKey } = chooseLinuxSystemNode(instances);
  assumptions.push(`${count} Linux ${type} nodes, On-Demand, run CoreDNS and the cluster's controllers.`);
  return [
    line(
      `EC2 ${type} instances, On-Demand (Linux system nodes)`,
      count * prices.hoursPerMonth,
      'instance-hour',
      priceOf(prices, priceKey),
    ),
  ];
}

function controlPlaneLines({ platform, prices }: CostInput): Priced[] {
  if (platform.service !== 'eks') return [];
  return [
    line(
      'Amazon EKS control plane (standard support)',
      prices.hoursPerMonth,
      'cluster-hour',
      priceOf(prices, 'eks.cluster.standard.hour'),
    ),
  ];
}

function loadBalancerLines(
  { design, workload, prices, model, platform }: CostInput,
  assumptions: string[],
): Priced[] {
  const type = design.loadBalancer.type;
  if (type === 'none' || (type === 'built-in' && platform.traits.ingress === 'service-endpoint')) return [];
  const kind = type === 'nlb' ? 'nlb' : 'alb';
  const name = kind === 'nlb' ? 'Network Load Balancer' : 'Application Load Balancer';
  if (type === 'built-in')
    assumptions.push(
      'Express Mode provisions an Application Load Balancer, counted whole here (services of an account can share it).',
    );
  const rps = workload.traffic.requestsPerSecond;
  const perUnit =
    kind === 'nlb' ? model.loadBalancer.nlbRequestsPerLcu : model.loadBalancer.albRequestsPerLcu;
  const units = rps === undefined ? 1 : Math.max(1, rps / perUnit);
  assumptions.push(
    rps === undefined
      ? `No requestsPerSecond given: one ${kind === 'nlb' ? 'NLCU' : 'LCU'} assumed.`
      : `${rps} requests a second ≈ ${round2(units)} ${kind === 'nlb' ? 'NLCU' : 'LCU'} at the high end (each request a new connection); low counts one.`,
  );
  const hours = prices.hoursPerMonth;
  const lines = [
    line(`${name} hours`, hours, `${kind.toUpperCase()}-hour`, priceOf(prices, `${kind}.hour`)),
    {
      ...line(
        `${name} capacity units`,
        units * hours,
        kind === 'nlb' ? 'NLCU-hour' : 'LCU-hour',
        priceOf(prices, kind === 'nlb' ? 'nlb.nlcuHour' : 'alb.lcuHour'),
      ),
    },
  ];
  const capacity = lines[1] as Priced;
  capacity.low = round2(hours * capacity.unitPrice);
  if (design.loadBalancer.scheme === 'internet-facing') {
    lines.push(
      line(
        `Public IPv4 addresses of the load balancer (${model.loadBalancer.availabilityZones} Availability Zones)`,
        model.loadBalancer.availabilityZones * hours,
        'IP-hour',
        priceOf(prices, 'vpc.publicIpv4.hour'),
      ),
    );
  }
  return lines;
}

/**
 * How the tasks reach the internet, as the starter configuration places them: tasks in private subnets
 * through a NAT gateway, tasks in public subnets with a public IPv4 address each. Express Mode's tasks are
 * in public subnets unless the service is private, when they are in the private subnets given; each line
 * says which, so platforms that place their tasks differently show the difference as their own lines.
 */
function networkLines(
  { platform, prices, model, design }: CostInput,
  usage: Usage,
  assumptions: string[],
): Priced[] {
  const network = platform.traits.taskNetwork;
  if (network === 'service-owned') return [];
  if (network === 'public-subnets' && design.loadBalancer.scheme !== 'internal') {
    assumptions.push(
      'Express Mode tasks run in public subnets (the default VPC) with a public IPv4 address each, so no NAT gateway.',
    );
    return [
      line(
        'Public IPv4 addresses of the tasks (public subnets, so no NAT gateway)',
        usage.averageTasks * prices.hoursPerMonth,
        'IP-hour',
        priceOf(prices, 'vpc.publicIpv4.hour'),
        scaleOf(usage),
      ),
    ];
  }
  if (model.natGateways.count === 0) return [];
  assumptions.push(model.natGateways.description);
  const hours = prices.hoursPerMonth * model.natGateways.count;
  return [
    line(
      'NAT gateway hours (tasks in private subnets pull images and reach AWS APIs through it)',
      hours,
      'hour',
      priceOf(prices, 'natGateway.hour'),
    ),
    line('NAT gateway public IPv4 address', hours, 'IP-hour', priceOf(prices, 'vpc.publicIpv4.hour')),
  ];
}

function storageLines({ design, prices }: CostInput, usage: Usage, assumptions: string[]): Priced[] {
  const size = design.storage.sizeGiB ?? 0;
  switch (design.storage.type) {
    case 'efs':
      assumptions.push(`EFS holds ${size} GB in Standard storage all month.`);
      return [line('Amazon EFS Standard storage', size, 'GB-month', priceOf(prices, 'efs.standard.gbMonth'))];
    case 'ebs': {
      const volumes = Math.max(1, Math.ceil(usage.averageTasks));
      assumptions.push(`One ${size} GB gp3 volume per running task (${volumes} on average).`);
      return [line('Amazon EBS gp3 volumes', size * volumes, 'GB-month', priceOf(prices, 'ebs.gp3.gbMonth'))];
    }
    case 'fsx-windows':
    case 'fsx-lustre':
      assumptions.push(
        `${design.storage.type === 'fsx-windows' ? 'FSx for Windows File Server' : 'FSx for Lustre'} is not in the price table and is not included.`,
      );
      return [];
    default:
      return [];
  }
}

function logLines({ prices, model }: CostInput, usage: Usage, assumptions: string[]): Priced[] {
  const gib = model.logs.gibPerTaskMonth * usage.averageTasks;
  assumptions.push(`${model.logs.gibPerTaskMonth} GB of logs ingested per running task a month.`);
  return [
    line(
      'CloudWatch Logs ingestion',
      gib,
      unitOf(prices, 'cloudwatchLogs.ingestionGb').replace('USD per ', ''),
      priceOf(prices, 'cloudwatchLogs.ingestionGb'),
      scaleOf(usage),
    ),
  ];
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
