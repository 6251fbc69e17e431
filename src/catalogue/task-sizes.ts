import { z } from 'zod';

const memoryRange = z.strictObject({
  from: z.number().positive(),
  to: z.number().positive(),
  step: z.number().positive(),
});

const sizeRow = z.strictObject({
  vcpu: z.number().positive(),
  memoryGiB: z.union([z.array(z.number().positive()).min(1), memoryRange]),
});

const tabulatedModel = z.strictObject({
  description: z.string(),
  source: z.string(),
  memoryOverheadGiB: z.number().min(0),
  sizes: z.strictObject({ linux: z.array(sizeRow), windows: z.array(sizeRow) }),
});

const rangeModel = z.strictObject({
  description: z.string(),
  source: z.string(),
  memoryOverheadGiB: z.number().min(0),
  range: z.strictObject({ maxVcpu: z.number().positive(), maxMemoryGiB: z.number().positive() }),
});

/**
 * The sizing models by name, the names platforms.json gives as `sizingModel`: a model either lists its valid
 * sizes (`sizes`) or allows any size up to a limit (`range`).
 */
export const taskSizesSchema = z.strictObject({
  description: z.string(),
  models: z.record(z.string().min(1), z.union([tabulatedModel, rangeModel])),
});

export type TaskSizes = z.output<typeof taskSizesSchema>;
export type SizingModelName = string;
type SizeRow = z.output<typeof sizeRow>;

/** The size a task (or pod, or instance) is given on a platform, after rounding up to a valid size. */
export interface TaskSize {
  model: SizingModelName;
  fits: boolean;
  /** The valid size chosen, when one fits. */
  vcpu: number | null;
  memoryGiB: number | null;
  roundedUp: boolean;
  maxVcpu: number;
  maxMemoryGiB: number;
  /** Memory the platform adds to each request before sizing (EKS Fargate's 256 MB for node agents). */
  memoryOverheadGiB: number;
  /** One sentence naming the platform's limits, for blocker messages. */
  limitText: string;
}

function memoryChoices(memory: SizeRow['memoryGiB']): number[] {
  if (Array.isArray(memory)) return memory;
  const count = Math.floor((memory.to - memory.from) / memory.step) + 1;
  return Array.from({ length: count }, (_, index) => memory.from + index * memory.step);
}

/** Expands every valid (vCPU, memory) pair of a model for one OS, smallest first. */
function validSizes(rows: readonly SizeRow[]): { vcpu: number; memoryGiB: number }[] {
  return rows
    .flatMap((row) => memoryChoices(row.memoryGiB).map((memoryGiB) => ({ vcpu: row.vcpu, memoryGiB })))
    .sort((a, b) => a.vcpu - b.vcpu || a.memoryGiB - b.memoryGiB);
}

/** What sizing on one tabulated model and OS needs that does not depend on the task: built at start-up. */
interface SizeTable {
  sizes: { vcpu: number; memoryGiB: number }[];
  maxVcpu: number;
  maxMemoryGiB: number;
  memoryOverheadGiB: number;
  limitText: string;
}

function sizeTable(os: 'linux' | 'windows', rows: readonly SizeRow[], memoryOverheadGiB: number): SizeTable {
  const sizes = validSizes(rows);
  const maxVcpu = sizes.reduce((max, size) => Math.max(max, size.vcpu), 0);
  const maxMemoryGiB = sizes.reduce((max, size) => Math.max(max, size.memoryGiB), 0);
  const vcpuChoices = [...new Set(sizes.map((size) => size.vcpu))].join(', ');
  const overhead =
    memoryOverheadGiB > 0 ? ` after ${memoryOverheadGiB * 1024} MB is added for the node agents` : '';
  const limitText =
    sizes.length === 0
      ? `It has no ${os} sizes at all.`
      : `Its ${os} sizes run from ${sizes[0]?.vcpu} to ${maxVcpu} vCPU (${vcpuChoices}) and up to ${maxMemoryGiB} GiB${overhead}, in fixed vCPU/memory combinations.`;
  return { sizes, maxVcpu, maxMemoryGiB, memoryOverheadGiB, limitText };
}

/**
 * Sizes a task on one sizing model: the smallest valid size that covers the requested vCPU and memory
 * (plus the model's memory overhead), preferring fewer vCPUs, then less memory. The tables of valid sizes
 * and the limit sentences are the catalogue's, the same for every request, so they are built once here.
 */
export class TaskSizer {
  private readonly tables = new Map<string, SizeTable>();

  constructor(private readonly taskSizes: TaskSizes) {
    for (const [name, model] of Object.entries(taskSizes.models)) {
      if (!('sizes' in model)) continue;
      this.tables.set(`${name}/linux`, sizeTable('linux', model.sizes.linux, model.memoryOverheadGiB));
      this.tables.set(`${name}/windows`, sizeTable('windows', model.sizes.windows, model.memoryOverheadGiB));
    }
  }

  size(modelName: SizingModelName, os: 'linux' | 'windows', cpu: number, memoryGiB: number): TaskSize {
    const model = this.taskSizes.models[modelName];
    if (model === undefined) throw new Error(`task-sizes.json has no sizing model "${modelName}"`);
    if ('range' in model) {
      const { maxVcpu, maxMemoryGiB } = model.range;
      const fits = cpu <= maxVcpu && memoryGiB <= maxMemoryGiB;
      return {
        model: modelName,
        fits,
        vcpu: fits ? cpu : null,
        memoryGiB: fits ? memoryGiB : null,
        roundedUp: false,
        maxVcpu,
        maxMemoryGiB,
        memoryOverheadGiB: 0,
        limitText: `Tasks on EC2 go up to ${maxVcpu} vCPU and ${maxMemoryGiB} GiB.`,
      };
    }
    const table = this.tables.get(`${modelName}/${os}`);
    if (table === undefined) throw new Error(`task-sizes.json has no ${os} sizes for "${modelName}"`);
    const neededMemory = memoryGiB + table.memoryOverheadGiB;
    const chosen = table.sizes.find((size) => size.vcpu >= cpu && size.memoryGiB >= neededMemory);
    return {
      model: modelName,
      fits: chosen !== undefined,
      vcpu: chosen?.vcpu ?? null,
      memoryGiB: chosen?.memoryGiB ?? null,
      roundedUp: chosen !== undefined && (chosen.vcpu !== cpu || chosen.memoryGiB !== memoryGiB),
      maxVcpu: table.maxVcpu,
      maxMemoryGiB: table.maxMemoryGiB,
      memoryOverheadGiB: table.memoryOverheadGiB,
      limitText: table.limitText,
    };
  }
}
