import { parseArgs } from 'node:util';
import type { Advisor } from '../../advice/advisor';
import {
  findRule,
  platformList,
  ruleView,
  summarizePlatforms,
  summarizeRule,
  summarizeRules,
} from '../catalogue-views';
import { EXIT, err, json, out, outputWidth, UsageError } from './output';

/** `berth platforms`: the platforms, as GET /v1/platforms lists them. */
export function platformsCommand(args: string[], advisor: Advisor): number {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' } }, strict: true });
  const { ruleSet } = advisor;
  out(values.json === true ? json(platformList(ruleSet)) : summarizePlatforms(ruleSet, outputWidth()));
  return EXIT.answered;
}

/** `berth rules [NAME]`: every rule by group, or one rule explained. */
export function rulesCommand(args: string[], advisor: Advisor): number {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean' } },
    strict: true,
    allowPositionals: true,
  });
  const { ruleSet } = advisor;
  const [name, extra] = positionals;
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"; give one rule name`);
  if (name === undefined) {
    out(
      values.json === true
        ? json({
            rulesVersion: ruleSet.version,
            groups: ruleSet.groupDescriptions,
            rules: ruleSet.rules.map((rule) => ruleView(ruleSet, rule)),
          })
        : summarizeRules(ruleSet, outputWidth()),
    );
    return EXIT.answered;
  }
  const lookup = findRule(ruleSet, name);
  if (!lookup.found) {
    err(`berth: there is no rule named "${name}"; the closest names are ${lookup.closest.join(', ')}\n`);
    return EXIT.invalidInput;
  }
  out(
    values.json === true
      ? json(ruleView(ruleSet, lookup.rule))
      : summarizeRule(ruleSet, lookup.rule, outputWidth()),
  );
  return EXIT.answered;
}
