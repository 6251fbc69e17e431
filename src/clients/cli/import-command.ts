import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Advisor } from '../../advice/advisor';
import { ApplicationDesigner } from '../../advice/application/application-designer';
import { applicationFromCompose, composePathOf } from '../../compose/application-from-compose';
import { EXIT, err, json, out, UsageError } from './output';
import { writeStarterFiles } from './write-starter-files';

/**
 * `berth import compose.yaml`: the application a Compose file describes, designed as
 * POST /v1/architectures/from-compose designs it, in-process. A summary (or, with --json, the API's body);
 * --out writes the starter files; --var NAME=value gives `${NAME}`, --profile activates a profile.
 */
export async function importCommand(args: string[], advisor: Advisor): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      json: { type: 'boolean' },
      out: { type: 'string', short: 'o' },
      var: { type: 'string', multiple: true },
      profile: { type: 'string', multiple: true },
    },
    strict: true,
    allowPositionals: true,
  });
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0)
    throw new UsageError('import takes one Compose file (or - for stdin)');
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const variables = new Map(
    (values.var ?? []).map((entry) => {
      const equals = entry.indexOf('=');
      if (equals < 1) throw new UsageError(`--var ${entry}: give NAME=value`);
      return [entry.slice(0, equals), entry.slice(equals + 1)] as const;
    }),
  );
  const asJson = values.json === true;
  const application = applicationFromCompose(
    text,
    { variables, profiles: values.profile ?? [] },
    { mapping: advisor.ruleSet.composeMapping, managedServices: advisor.ruleSet.managedServices },
  );
  if (!application.ok) {
    if (asJson)
      out(
        json({
          status: 400,
          errors: application.problems.map(({ received: _value, ...problem }) => problem),
        }),
      );
    else
      err(
        `${file} is not a Compose file Berth can read:\n${application.problems
          .map(
            (problem) =>
              `  ${problem.path || '(file)'}${problem.line === undefined ? '' : ` (line ${problem.line})`}: ${problem.message}\n`,
          )
          .join('')}`,
      );
    return EXIT.invalidInput;
  }
  const { request, composeNames: _names, ...origin } = application;
  const inFile = (path: string) => composePathOf(application, path);
  const design = await new ApplicationDesigner(advisor).design(request, origin);
  if (design.kind === 'invalid') {
    const errors = design.errors.map((error) => ({ ...error, path: inFile(error.path) }));
    if (asJson) out(json({ status: 400, errors }));
    else err(`${file}:\n${errors.map((error) => `  ${error.path}: ${error.message}\n`).join('')}`);
    return EXIT.invalidInput;
  }
  if (design.kind === 'no-eligible-platform') {
    const blockers = design.answer.platforms.map(
      (platform) => `  ${platform.name}: ${platform.blockers[0] ?? ''}\n`,
    );
    if (asJson) out(json({ status: 422, service: design.service, ...design.answer }));
    else out(`No platform can run ${design.service}:\n${blockers.join('')}`);
    return EXIT.noEligiblePlatform;
  }
  const { answer } = design;
  if (asJson) out(json(answer));
  else {
    const money = (amount: number) => `$${amount.toFixed(2)}`;
    out(
      [
        `${answer.name}: ${answer.services.length} service${answer.services.length === 1 ? '' : 's'}, about ${money(answer.monthlyCost.total)} a month (${money(answer.monthlyCost.low)}–${money(answer.monthlyCost.high)})`,
        ...answer.services.map(
          ({ name, recommendation }) =>
            `  ${name}: ${recommendation.platform.name}, ${recommendation.loadBalancer.type === 'none' ? 'no load balancer' : recommendation.loadBalancer.type}`,
        ),
        ...answer.managedServices.map(
          (choice) => `  ${choice.service}: replaced by ${choice.replacement.name}`,
        ),
        '',
        ...answer.rationale.map((line) => `- ${line}`),
        ...(answer.warnings.length === 0
          ? []
          : ['', 'Warnings:', ...answer.warnings.map((line) => `- ${line}`)]),
        '',
        `Imported ${answer.imported?.length ?? 0} Compose values; ignored ${answer.ignored?.length ?? 0} (--json lists each with why).`,
        '',
      ].join('\n'),
    );
  }
  if (values.out !== undefined) {
    const written = writeStarterFiles(values.out, answer.starterConfig.files);
    (asJson ? err : out)(`\nWrote ${written.length} starter files to ${values.out}\n`);
  }
  return EXIT.answered;
}
