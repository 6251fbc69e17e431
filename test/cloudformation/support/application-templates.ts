import { load } from 'js-yaml';
import {
  type ApplicationAnswer,
  ApplicationDesigner,
} from '../../../src/advice/application/application-designer';
import { APPLICATION_TEMPLATE_PATH } from '../../../src/generators/application/application-template';
import type { TemplateDocument } from '../../../src/generators/cloudformation/template';
import { advisor } from '../../support/advisor';

export const designer = new ApplicationDesigner(advisor);

/** Two public web services and a queue worker: one platform (ECS on Fargate) for all three. */
export const WEB_API_WORKER = {
  name: 'shop',
  services: [
    { name: 'web', workloadType: 'web' },
    { name: 'api', workloadType: 'web' },
    { name: 'worker', workloadType: 'worker', trigger: { type: 'sqs' } },
  ],
  defaults: { region: 'us-east-1', control: { level: 'standard' } },
};

/**
 * A split application: `kube` requires Kubernetes and the others avoid it, so no one platform runs all three;
 * `game` is a UDP service behind a Network Load Balancer.
 */
export const SPLIT_WITH_UDP = {
  name: 'arcade',
  services: [
    { name: 'web', workloadType: 'web', control: { kubernetes: 'avoid' } },
    { name: 'kube', workloadType: 'web', control: { kubernetes: 'required' } },
    {
      name: 'game',
      workloadType: 'web',
      traffic: { protocol: 'udp' },
      containerPort: 7777,
      control: { kubernetes: 'avoid' },
    },
  ],
};

/** HTTPS services on ECS: the shared ALB's HTTP listener redirects, its HTTPS listener routes. */
export const HTTPS_PAIR = {
  name: 'portal',
  services: [
    { name: 'site', workloadType: 'web', traffic: { protocol: 'https' } },
    { name: 'admin', workloadType: 'web', traffic: { protocol: 'https' } },
  ],
  defaults: { control: { kubernetes: 'avoid' } },
};

export interface DesignedApplication {
  answer: ApplicationAnswer;
  /** application/template.yaml as the answer ships it, read back. */
  text: string;
  template: TemplateDocument;
}

export async function designedApplication(body: unknown): Promise<DesignedApplication> {
  const design = await designer.design(body);
  if (design.kind !== 'architecture') throw new Error(`expected an architecture, got ${design.kind}`);
  return { answer: design.answer, ...applicationTemplateOf(design.answer) };
}

/** The answer's application template, parsed (js-yaml refuses a mapping with a key twice). */
export function applicationTemplateOf(answer: ApplicationAnswer): {
  text: string;
  template: TemplateDocument;
} {
  const file = answer.starterConfig.files.find((candidate) => candidate.path === APPLICATION_TEMPLATE_PATH);
  if (file === undefined) throw new Error(`the answer has no ${APPLICATION_TEMPLATE_PATH}`);
  return { text: file.content, template: load(file.content) as TemplateDocument };
}

/**
 * Every reference of the template that names nothing it declares: `Ref`, `Fn::GetAtt` (both forms),
 * `Fn::Sub` variables that are not the Sub's own, `DependsOn`, and conditions named by `Condition` and
 * `Fn::If`. Written apart from the code's own renaming walk, so the check does not share its mistakes.
 */
export function danglingReferences(template: TemplateDocument): string[] {
  const ids = new Set([...Object.keys(template.Parameters), ...Object.keys(template.Resources)]);
  const conditions = new Set(Object.keys(template.Conditions ?? {}));
  const dangling: string[] = [];
  const id = (name: string, where: string) => {
    if (!name.startsWith('AWS::') && !ids.has(name)) dangling.push(`${where}: ${name}`);
  };
  const condition = (name: string, where: string) => {
    if (!conditions.has(name)) dangling.push(`${where}: condition ${name}`);
  };
  const walk = (value: unknown, where: string): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item, where);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const entries = Object.entries(value);
    const [first] = entries;
    if (entries.length === 1 && first !== undefined) {
      const [fn, argument] = first;
      if (fn === 'Ref' && typeof argument === 'string') {
        id(argument, where);
        return;
      }
      if (fn === 'Condition' && typeof argument === 'string') {
        condition(argument, where);
        return;
      }
      if (fn === 'Fn::GetAtt') {
        const name =
          typeof argument === 'string'
            ? argument.split('.')[0]
            : Array.isArray(argument)
              ? argument[0]
              : undefined;
        if (typeof name === 'string') id(name, where);
        return;
      }
      if (fn === 'Fn::Sub') {
        const [format, variables] = Array.isArray(argument) ? argument : [argument, {}];
        const local = new Set(
          variables !== null && typeof variables === 'object' ? Object.keys(variables) : [],
        );
        for (const match of String(format).matchAll(/\$\{([^!}][^}]*)\}/g)) {
          const name = String(match[1]).split('.')[0] ?? '';
          if (!local.has(name)) id(name, where);
        }
        walk(variables, where);
        return;
      }
      if (fn === 'Fn::If' && Array.isArray(argument)) {
        const [name, ...branches] = argument;
        if (typeof name === 'string') condition(name, where);
        walk(branches, where);
        return;
      }
    }
    for (const [, item] of entries) walk(item, where);
  };
  for (const [logicalId, resource] of Object.entries(template.Resources)) {
    for (const dependency of resource.DependsOn ?? []) id(dependency, `${logicalId}.DependsOn`);
    if (resource.Condition !== undefined) condition(resource.Condition, `${logicalId}.Condition`);
    walk(resource.Properties, logicalId);
    walk(resource.Metadata, logicalId);
  }
  for (const [name, output] of Object.entries(template.Outputs)) walk(output.Value, `Outputs.${name}`);
  for (const [name, expression] of Object.entries(template.Conditions ?? {}))
    walk(expression, `Conditions.${name}`);
  return dangling;
}

/** The logical ids of the resources of one type. */
export function resourcesOfType(template: TemplateDocument, type: string): string[] {
  return Object.entries(template.Resources)
    .filter(([, resource]) => resource.Type === type)
    .map(([logicalId]) => logicalId);
}
