import type { NoEligiblePlatform } from '../advice/advice';
import type { Advisor } from '../advice/advisor';
import { type ApplicationAnswer, ApplicationDesigner } from '../advice/application/application-designer';
import { applicationFromCompose, composePathOf } from '../compose/application-from-compose';
import type { Variables } from '../compose/interpolation';

/** A problem in a Compose file, at its path inside the file; never the value found there (it may be a secret). */
export interface ComposeFileError {
  path: string;
  message: string;
  line?: number;
}

export type ComposeImport =
  /** The text is not a Compose file Berth can read (not YAML, unknown keys, an unset variable, …). */
  | { kind: 'unreadable'; errors: ComposeFileError[] }
  /** A file Berth read, whose services make a request the application's rules refuse. */
  | { kind: 'invalid'; errors: ComposeFileError[] }
  | { kind: 'no-eligible-platform'; service: string; answer: NoEligiblePlatform }
  | { kind: 'architecture'; answer: ApplicationAnswer };

/**
 * A Compose file designed as POST /v1/architectures/from-compose designs it, for the clients that run
 * in-process (the CLI's `import`, the MCP tool): read, mapped into an application, designed, and every error
 * reported at its place in the file.
 */
export async function importCompose(
  advisor: Advisor,
  text: string,
  options: { variables: Variables; profiles: readonly string[] },
): Promise<ComposeImport> {
  const application = applicationFromCompose(text, options, {
    mapping: advisor.ruleSet.composeMapping,
    managedServices: advisor.ruleSet.managedServices,
  });
  if (!application.ok)
    return {
      kind: 'unreadable',
      errors: application.problems.map(({ path, message, line }) => ({
        path,
        message,
        ...(line === undefined ? {} : { line }),
      })),
    };
  const { request, composeNames: _names, ...origin } = application;
  const design = await new ApplicationDesigner(advisor).design(request, origin);
  switch (design.kind) {
    case 'invalid':
      return {
        kind: 'invalid',
        errors: design.errors.map(({ path, message }) => ({
          path: composePathOf(application, path),
          message,
        })),
      };
    case 'no-eligible-platform':
      return { kind: 'no-eligible-platform', service: design.service, answer: design.answer };
    case 'architecture':
      return design;
  }
}

/** An application's answer in a few lines: its services and where each runs, the bill, the reasons, warnings. */
export function applicationSummaryText(answer: ApplicationAnswer): string {
  const money = (amount: number) => `$${amount.toFixed(2)}`;
  const { total, low, high } = answer.monthlyCost;
  return [
    `${answer.name}: ${answer.services.length} service${answer.services.length === 1 ? '' : 's'}, about ${money(total)} a month (${money(low)}–${money(high)})`,
    ...answer.services.map(
      ({ name, recommendation }) =>
        `  ${name}: ${recommendation.platform.name}, ${recommendation.loadBalancer.type === 'none' ? 'no load balancer' : recommendation.loadBalancer.type}`,
    ),
    ...answer.managedServices.map((choice) => `  ${choice.service}: replaced by ${choice.replacement.name}`),
    '',
    ...answer.rationale.map((line) => `- ${line}`),
    ...(answer.warnings.length === 0 ? [] : ['', 'Warnings:', ...answer.warnings.map((line) => `- ${line}`)]),
    '',
    `Imported ${answer.imported?.length ?? 0} Compose values; ignored ${answer.ignored?.length ?? 0}`,
  ].join('\n');
}

/** Errors in a file, a line each, with the place and line they were found at. */
export function composeErrorLines(errors: readonly ComposeFileError[]): string[] {
  return errors.map(
    (error) =>
      `${error.path || '(file)'}${error.line === undefined ? '' : ` (line ${error.line})`}: ${error.message}`,
  );
}
