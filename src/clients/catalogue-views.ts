import type { RuleSet } from '../engine/rule-set';

export { platformList, ruleView } from '../advice/catalogue-documents';

import { wrap } from './text';

type LoadedRule = RuleSet['rules'][number];

export type RuleLookup = { found: true; rule: LoadedRule } | { found: false; closest: string[] };

/** A rule by its stable name; when there is none, the names closest to the one asked for. */
export function findRule(ruleSet: RuleSet, name: string): RuleLookup {
  const rule = ruleSet.rules.find((candidate) => candidate.name === name);
  if (rule !== undefined) return { found: true, rule };
  const closest = ruleSet.rules
    .map((candidate) => ({ name: candidate.name, distance: editDistance(name, candidate.name) }))
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
    .slice(0, 3)
    .map((candidate) => candidate.name);
  return { found: false, closest };
}

export function summarizePlatforms(ruleSet: RuleSet, width?: number): string {
  const lines = ruleSet.platforms.flatMap((platform) => [
    `${platform.id.padEnd(23)} ${platform.name}`,
    ...wrap(platform.summary, '    ', '    ', width),
  ]);
  return `${lines.join('\n')}\n`;
}

export function summarizeRules(ruleSet: RuleSet, width?: number): string {
  const lines: string[] = [];
  for (const [group, description] of Object.entries(ruleSet.groupDescriptions)) {
    const rules = ruleSet.rules.filter((rule) => rule.group === group);
    if (rules.length === 0) continue;
    if (lines.length > 0) lines.push('');
    lines.push(...wrap(`${group} (${rules.length} rules): ${description}`, '', '  ', width));
    for (const rule of rules) {
      lines.push(`  ${rule.name} (priority ${rule.priority})`);
      lines.push(...wrap(rule.description, '      ', '      ', width));
    }
  }
  lines.push('', `Rules version ${ruleSet.version}. \`berth rules NAME\` explains one rule.`);
  return `${lines.join('\n')}\n`;
}

export function summarizeRule(ruleSet: RuleSet, rule: LoadedRule, width?: number): string {
  const field = (label: string, text: string) => wrap(text, `${label}:`.padEnd(12), ' '.repeat(12), width);
  const lines = [
    rule.name,
    ...wrap(rule.description, '  ', '  ', width),
    '',
    ...field('Group', `${rule.group}: ${ruleSet.groupDescriptions[rule.group] ?? ''}`),
    ...field('Priority', `${rule.priority} (higher runs first), in the ${rule.engine} engine`),
    ...field('Effect', rule.event.type),
    ...field('Source', rule.source),
    'Conditions:',
    JSON.stringify(rule.conditions, null, 2),
    'Event:',
    JSON.stringify(rule.event, null, 2),
  ];
  return `${lines.join('\n')}\n`;
}

/** Levenshtein distance: how many single-character edits turn one name into the other. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
