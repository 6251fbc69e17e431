import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { type ArchitectureCatalogue, architectureCatalogueSchema } from '../catalogue/architecture-catalogue';
import { type AwsAccessActions, awsAccessActionsSchema } from '../catalogue/aws-access-actions';
import {
  type ComposeMappingCatalogue,
  composeMappingCatalogueSchema,
} from '../catalogue/compose-mapping-catalogue';
import { type CostModel, costModelSchema } from '../catalogue/cost-model';
import { type InstanceCatalogue, instanceCatalogueSchema } from '../catalogue/instance-catalogue';
import {
  type ManagedServiceCatalogue,
  managedServiceCatalogueSchema,
} from '../catalogue/managed-service-catalogue';
import { type Platform, platformCatalogueSchema } from '../catalogue/platform-catalogue';
import { type PriceTable, priceTableSchema } from '../catalogue/price-table';
import { type SecretNames, secretNamesSchema } from '../catalogue/secret-names';
import { type TaskSizes, taskSizesSchema } from '../catalogue/task-sizes';
import { FACT_NAMES } from '../design/events/event-values';
import type { EngineName } from '../design/events/rule-event';
import { eventTypesOf, RULE_EVENTS, type RuleEvent } from '../design/rule-events';
import { type Manifest, manifestSchema, type RuleDefinition, ruleFileSchema } from './rule-file-schema';

/**
 * A rule as loaded: its definition, with its event's params checked against the event type's schema,
 * plus the group (file) it belongs to and the engine that runs it.
 */
export interface LoadedRule extends Omit<RuleDefinition, 'event'> {
  event: RuleEvent;
  group: string;
  engine: EngineName;
  file: string;
}

/** Everything Berth reasons with, loaded and validated once at start-up. */
export interface RuleSet {
  /** The manifest version plus a hash of every rule and catalogue file: changes whenever one does. */
  version: string;
  manifest: Manifest;
  platforms: Platform[];
  taskSizes: TaskSizes;
  awsAccessActions: AwsAccessActions;
  /** Price tables by region; us-east-1 is always there and is the fallback. */
  prices: Record<string, PriceTable>;
  costModel: CostModel;
  instanceCatalogue: InstanceCatalogue;
  /** The AWS managed services that replace containers of well-known stateful images. */
  managedServices: ManagedServiceCatalogue;
  /** How the services of one application share what Berth designs for them. */
  architecture: ArchitectureCatalogue;
  /** How each Compose service key is read into a workload, or why it is not. */
  composeMapping: ComposeMappingCatalogue;
  /** The environment variable names whose values are secrets. */
  secretNames: SecretNames;
  rules: LoadedRule[];
  groupDescriptions: Record<string, string>;
}

/** A rule file, a rule or a catalogue file is malformed: the service must not start. */
export class RuleSetError extends Error {
  constructor(
    readonly file: string,
    readonly rule: string | undefined,
    problem: string,
  ) {
    super(`${file}${rule === undefined ? '' : ` (rule "${rule}")`}: ${problem}`);
    this.name = 'RuleSetError';
  }
}

const TEMPLATE = /\{\{\s*([A-Za-z]+)((?:\.[A-Za-z0-9_-]+)+)\s*\}\}/g;

/** Loads and validates the manifest, the catalogue and every rule file under `rulesDir`. */
export function loadRuleSet(rulesDir: string): RuleSet {
  const hash = createHash('sha256');
  const read = (file: string): unknown => {
    const path = join(rulesDir, file);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new RuleSetError(file, undefined, `cannot be read (${(error as Error).message})`);
    }
    hash.update(file).update('\u0000').update(text).update('\u0000');
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new RuleSetError(file, undefined, `is not valid JSON (${(error as Error).message})`);
    }
  };
  const parse = <T extends z.ZodType>(file: string, schema: T, value: unknown): z.output<T> => {
    const result = schema.safeParse(value);
    if (!result.success) throw new RuleSetError(file, undefined, describeIssues(result.error.issues));
    return result.data;
  };

  const manifest = parse('manifest.json', manifestSchema, read('manifest.json'));
  const platforms = parse(
    manifest.catalogue.platforms,
    platformCatalogueSchema,
    read(manifest.catalogue.platforms),
  ).platforms;
  const taskSizes = parse(manifest.catalogue.taskSizes, taskSizesSchema, read(manifest.catalogue.taskSizes));
  for (const platform of platforms) {
    if (!(platform.sizingModel in taskSizes.models))
      throw new RuleSetError(
        manifest.catalogue.platforms,
        undefined,
        `platform "${platform.id}" names sizingModel "${platform.sizingModel}", but ${manifest.catalogue.taskSizes} defines only ${Object.keys(taskSizes.models).join(', ')}`,
      );
  }
  const awsAccessActions = parse(
    manifest.catalogue.awsAccessActions,
    awsAccessActionsSchema,
    read(manifest.catalogue.awsAccessActions),
  );

  const prices: Record<string, PriceTable> = {};
  for (const [region, file] of Object.entries(manifest.catalogue.prices)) {
    const table = parse(file, priceTableSchema, read(file));
    if (table.region !== region)
      throw new RuleSetError(
        file,
        undefined,
        `holds ${table.region} prices but manifest.json lists it for ${region}`,
      );
    prices[region] = table;
  }
  const costModel = parse(manifest.catalogue.costModel, costModelSchema, read(manifest.catalogue.costModel));
  const instanceCatalogue = parse(
    manifest.catalogue.instanceTypes,
    instanceCatalogueSchema,
    read(manifest.catalogue.instanceTypes),
  );
  for (const type of instanceCatalogue.instanceTypes) {
    if (prices['us-east-1']?.prices[type.priceKey] === undefined) {
      throw new RuleSetError(
        manifest.catalogue.instanceTypes,
        undefined,
        `instance type ${type.type} names price "${type.priceKey}", which the us-east-1 price table lacks`,
      );
    }
  }

  const managedServices = parse(
    manifest.catalogue.managedServices,
    managedServiceCatalogueSchema,
    read(manifest.catalogue.managedServices),
  );

  const architecture = parse(
    manifest.catalogue.architecture,
    architectureCatalogueSchema,
    read(manifest.catalogue.architecture),
  );
  const composeMapping = parse(
    manifest.catalogue.composeMapping,
    composeMappingCatalogueSchema,
    read(manifest.catalogue.composeMapping),
  );
  const secretNames = parse(
    manifest.catalogue.secretNames,
    secretNamesSchema,
    read(manifest.catalogue.secretNames),
  );

  const engineOfGroup = new Map<string, EngineName>();
  for (const [engine, groups] of Object.entries(manifest.engines) as [EngineName, string[]][]) {
    for (const group of groups) engineOfGroup.set(group, engine);
  }
  const ruleFiles = readdirSync(rulesDir)
    .filter((file) => file.endsWith('.json') && file !== 'manifest.json')
    .sort();
  const rules: LoadedRule[] = [];
  const groupDescriptions: Record<string, string> = {};
  const ruleNames = new Map<string, string>();
  for (const file of ruleFiles) {
    const raw = read(file);
    const fileCheck = ruleFileSchema.safeParse(raw);
    if (!fileCheck.success) {
      const firstIssue = fileCheck.error.issues[0];
      const ruleIndex = firstIssue?.path[0] === 'rules' ? firstIssue.path[1] : undefined;
      const ruleName =
        typeof ruleIndex === 'number'
          ? ((raw as { rules?: { name?: string }[] }).rules?.[ruleIndex]?.name ?? `#${ruleIndex + 1}`)
          : undefined;
      throw new RuleSetError(file, ruleName, describeIssues(fileCheck.error.issues));
    }
    const { group, description } = fileCheck.data;
    if (`${group}.json` !== file)
      throw new RuleSetError(file, undefined, `declares group "${group}" but must be named ${group}.json`);
    const engine = engineOfGroup.get(group);
    if (engine === undefined) {
      throw new RuleSetError(
        file,
        undefined,
        `group "${group}" is not listed under any engine in manifest.json`,
      );
    }
    groupDescriptions[group] = description;
    for (const rule of fileCheck.data.rules) {
      const earlier = ruleNames.get(rule.name);
      if (earlier !== undefined)
        throw new RuleSetError(file, rule.name, `the name is already used by a rule in ${earlier}`);
      ruleNames.set(rule.name, file);
      rules.push({ ...rule, event: checkedEvent(file, rule, engine), group, engine, file });
    }
  }
  for (const group of engineOfGroup.keys()) {
    if (!(group in groupDescriptions))
      throw new RuleSetError(
        'manifest.json',
        undefined,
        `lists group "${group}" but rules/${group}.json is missing`,
      );
  }
  return {
    version: `${manifest.version}+${hash.digest('hex').slice(0, 8)}`,
    manifest,
    platforms,
    taskSizes,
    awsAccessActions,
    prices,
    costModel,
    instanceCatalogue,
    managedServices,
    architecture,
    composeMapping,
    secretNames,
    rules,
    groupDescriptions,
  };
}

function checkedEvent(file: string, rule: RuleDefinition, engine: EngineName): RuleEvent {
  const allowed = eventTypesOf(engine);
  if (!allowed.includes(rule.event.type)) {
    throw new RuleSetError(
      file,
      rule.name,
      `event type "${rule.event.type}" cannot be emitted by the ${engine} engine (allowed: ${allowed.join(', ')})`,
    );
  }
  const checked = RULE_EVENTS[rule.event.type].check(rule.event.params);
  if (!checked.ok) throw new RuleSetError(file, rule.name, `event params: ${describeIssues(checked.issues)}`);
  for (const match of JSON.stringify(rule.event.params).matchAll(TEMPLATE)) {
    const fact = match[1] ?? '';
    if (!(FACT_NAMES as readonly string[]).includes(fact)) {
      throw new RuleSetError(
        file,
        rule.name,
        `placeholder ${match[0]} names an unknown fact (known: ${FACT_NAMES.join(', ')})`,
      );
    }
  }
  return checked.event;
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(file)'}: ${issue.message}`)
    .join('; ');
}
