import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Advisor } from '../../advice/advisor';
import { applicationSummaryText, composeErrorLines, importCompose } from '../compose-import';
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
  const imported = await importCompose(advisor, text, { variables, profiles: values.profile ?? [] });
  switch (imported.kind) {
    case 'unreadable':
    case 'invalid':
      if (asJson) out(json({ status: 400, errors: imported.errors }));
      else
        err(
          `${file}${imported.kind === 'unreadable' ? ' is not a Compose file Berth can read' : ''}:\n${composeErrorLines(
            imported.errors,
          )
            .map((line) => `  ${line}\n`)
            .join('')}`,
        );
      return EXIT.invalidInput;
    case 'no-eligible-platform': {
      const blockers = imported.answer.platforms.map(
        (platform) => `  ${platform.name}: ${platform.blockers[0] ?? ''}\n`,
      );
      if (asJson) out(json({ status: 422, service: imported.service, ...imported.answer }));
      else out(`No platform can run ${imported.service}:\n${blockers.join('')}`);
      return EXIT.noEligiblePlatform;
    }
    case 'architecture':
      break;
  }
  const { answer } = imported;
  if (asJson) out(json(answer));
  else out(`${applicationSummaryText(answer)} (--json lists each with why).\n`);
  if (values.out !== undefined) {
    const written = writeStarterFiles(values.out, answer.starterConfig.files);
    (asJson ? err : out)(`\nWrote ${written.length} starter files to ${values.out}\n`);
  }
  return EXIT.answered;
}
