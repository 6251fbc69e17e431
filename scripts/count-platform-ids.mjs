#!/usr/bin/env node
/**
 * Counts where platform ids are written as literals, to show how much platform knowledge is still keyed
 * by id rather than by the catalogue's family and traits:
 *   (a) quoted platform-id literals in src/**\/*.ts (src/contract/generated excluded: it is the contract);
 *   (b) rule conditions in rules/*.json that compare a fact to a platform id (any path), and how many of
 *       them test the platform's `$.id` itself.
 * A literal is counted whatever it names: a family or service spelled like a platform id counts too.
 *
 *   node scripts/count-platform-ids.mjs            (summary)
 *   node scripts/count-platform-ids.mjs --list     (every occurrence)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const list = process.argv.includes('--list');

const catalogue = JSON.parse(readFileSync(join(ROOT, 'rules/catalogue/platforms.json'), 'utf8'));
const ids = catalogue.platforms.map((platform) => platform.id);
const literal = new RegExp(`(['"\`])(${ids.join('|')})\\1`, 'g');

function typeScriptFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return path.endsWith(join('src', 'contract', 'generated')) ? [] : typeScriptFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const sourceHits = [];
for (const file of typeScriptFiles(join(ROOT, 'src'))) {
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      for (const match of line.matchAll(literal))
        sourceHits.push({ file: relative(ROOT, file), line: index + 1, id: match[2] });
    });
}

function conditionsOf(node) {
  if (node === null || typeof node !== 'object') return [];
  if (Array.isArray(node)) return node.flatMap(conditionsOf);
  if ('operator' in node) return [node];
  return ['all', 'any', 'not'].flatMap((key) => (key in node ? conditionsOf(node[key]) : []));
}

const comparesToId = (value) =>
  Array.isArray(value) ? value.some((item) => ids.includes(item)) : ids.includes(value);

const ruleHits = [];
for (const file of readdirSync(join(ROOT, 'rules'))
  .filter((name) => name.endsWith('.json'))
  .sort()) {
  const document = JSON.parse(readFileSync(join(ROOT, 'rules', file), 'utf8'));
  for (const rule of document.rules ?? []) {
    for (const condition of conditionsOf(rule.conditions)) {
      if (comparesToId(condition.value) || (condition.fact === 'platform' && condition.path === '$.id'))
        ruleHits.push({
          file: `rules/${file}`,
          rule: rule.name,
          path: condition.path,
          value: condition.value,
        });
    }
  }
}

const countBy = (items, key) =>
  Object.fromEntries(
    [...new Set(items.map((item) => item[key]))].map((value) => [
      value,
      items.filter((item) => item[key] === value).length,
    ]),
  );

const report = {
  source: { literals: sourceHits.length, byFile: countBy(sourceHits, 'file') },
  rules: {
    conditions: ruleHits.length,
    rules: new Set(ruleHits.map((hit) => hit.rule)).size,
    onPlatformId: ruleHits.filter((hit) => hit.path === '$.id').length,
    byPath: countBy(ruleHits, 'path'),
  },
};
if (list) Object.assign(report, { sourceHits, ruleHits });
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
