import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Advisor } from '../../advice/advisor';
import { validateWorkload } from '../../contract/workload';
import { InvalidRequestProblem, MalformedJsonProblem, NoEligiblePlatformProblem } from '../../http/problem';
import { isRecord } from '../../shared/json-value';
import {
  summarizeFieldErrors,
  summarizeNoEligiblePlatform,
  summarizeRecommendation,
} from '../advice-summary';
import { EXIT, err, json, out, outputWidth, UsageError } from './output';
import { applyWorkloadFlags, flagForPath, workloadParseOptions } from './workload-flags';
import { writeStarterFiles } from './write-starter-files';

/**
 * `berth recommend`: a workload from --file and/or flags, validated exactly as the API validates it, and
 * the answer as a summary (or, with --json, the API's response body). --out writes the starter files.
 */
export async function recommendCommand(args: string[], advisor: Advisor): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      file: { type: 'string', short: 'f' },
      json: { type: 'boolean' },
      out: { type: 'string', short: 'o' },
      ...workloadParseOptions(),
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length > 0) {
    throw new UsageError(
      `unexpected argument "${positionals[0]}"; describe the workload with --file or flags`,
    );
  }
  const asJson = values.json === true;
  const body = readBody(values.file);
  if (!body.ok) {
    if (asJson) out(json(new MalformedJsonProblem(body.reason).toBody()));
    else
      err(
        summarizeFieldErrors([{ path: '', message: `is not valid JSON: ${body.reason}` }], {
          width: outputWidth(),
        }),
      );
    return EXIT.invalidInput;
  }
  const request = isRecord(body.value) ? applyWorkloadFlags(body.value, values) : body.value;

  const validation = validateWorkload(request);
  if (!validation.ok) {
    if (asJson) out(json(new InvalidRequestProblem(validation.errors).toBody()));
    else err(summarizeFieldErrors(validation.errors, { width: outputWidth(), label: flagForPath }));
    return EXIT.invalidInput;
  }
  const advice = await advisor.advise(validation.workload);
  if (advice.kind === 'no-eligible-platform') {
    if (asJson) {
      out(
        json(
          new NoEligiblePlatformProblem({
            platforms: advice.platforms,
            suggestions: advice.suggestions,
            rulesVersion: advisor.ruleSet.version,
          }).toBody(),
        ),
      );
    } else {
      out(summarizeNoEligiblePlatform(advice, { width: outputWidth() }));
    }
    return EXIT.noEligiblePlatform;
  }
  const { recommendation } = advice;
  out(asJson ? json(recommendation) : summarizeRecommendation(recommendation, { width: outputWidth() }));
  if (values.out !== undefined) {
    const written = writeStarterFiles(values.out, recommendation.starterConfig.files);
    // With --json, stdout carries only the JSON.
    (asJson ? err : out)(
      `\nWrote ${written.length} starter files to ${values.out}:\n${written.map((path) => `  ${path}\n`).join('')}`,
    );
  }
  return EXIT.answered;
}

type Body = { ok: true; value: unknown } | { ok: false; reason: string };

/** The request body from --file (`-` for stdin), or an empty one that flags fill in. */
function readBody(file: string | undefined): Body {
  if (file === undefined) return { ok: true, value: {} };
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read --file ${file}: ${(error as Error).message}`);
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}
