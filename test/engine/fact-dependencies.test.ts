import fc from 'fast-check';
import { TaskSizer } from '../../src/catalogue/task-sizes';
import { validateWorkload, type Workload } from '../../src/contract/workload';
import {
  buildFacts,
  PLATFORM_RUNTIME_FIELDS,
  platformRuntimeKey,
  RUNTIME_SOURCES,
  type Runtime,
  TASK_SIZE_SOURCES,
} from '../../src/engine/facts';
import { touchesAny } from '../../src/engine/fields-read';
import { loadRuleSet } from '../../src/engine/rule-set';
import { RULES_DIR } from '../../src/project-paths';
import { isRecord, valueAtPath } from '../../src/shared/json-value';
import { validWorkload } from '../properties/valid-workloads';

/** Thousands of generated workloads take a minute on a quiet 2-core machine, several when it is busy. */
const PROPERTY_TIMEOUT_MS = 600_000;
/**
 * facts.ts lists the request fields each derived fact is computed from; the what-if search skips changes
 * that touch none of a blocker's fields, so a missing source would hide a suggestion. Here one field of a
 * workload takes the value another workload has there (or loses it): every derived value whose listed
 * sources do not include that field must stay the same, on every platform.
 */

const ruleSet = loadRuleSet(RULES_DIR);
const sizer = new TaskSizer(ruleSet.taskSizes);

/** Every leaf field of a request body, as dotted paths (an array is one field). */
function leafPaths(value: unknown, prefix = ''): string[] {
  if (!isRecord(value)) return prefix === '' ? [] : [prefix];
  return Object.entries(value).flatMap(([key, item]) =>
    leafPaths(item, prefix === '' ? key : `${prefix}.${key}`),
  );
}

/** A copy of the body with the field at `path` set to `value` (removed when undefined). */
function withField(body: Workload, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(body) as unknown as Record<string, unknown>;
  const keys = path.split('.');
  const last = keys.pop() as string;
  let node = copy;
  for (const key of keys) {
    if (!isRecord(node[key])) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  if (value === undefined) delete node[last];
  else node[last] = structuredClone(value);
  return copy;
}

describe('the request fields derived facts are listed as computed from', () => {
  it(
    'are every field that changes them: changing another field leaves them as they were',
    () => {
      fc.assert(
        fc.property(validWorkload, validWorkload, fc.nat(), (subject, donor, pick) => {
          const paths = [...new Set([...leafPaths(subject), ...leafPaths(donor)])].sort();
          const path = paths[pick % paths.length] as string;
          const validation = validateWorkload(withField(subject, path, valueAtPath(donor, path.split('.'))));
          if (!validation.ok) return;
          const changed = validation.workload;
          for (const platform of ruleSet.platforms) {
            for (const costChoice of [undefined, 'arm64'] as const) {
              const before = buildFacts(subject, platform, sizer, costChoice);
              const after = buildFacts(changed, platform, sizer, costChoice);
              for (const [field, sources] of Object.entries(RUNTIME_SOURCES)) {
                if (touchesAny(path, new Set(sources))) continue;
                const name = field as keyof Runtime;
                expect({ platform: platform.id, path, field, value: after.runtime[name] }).toEqual({
                  platform: platform.id,
                  path,
                  field,
                  value: before.runtime[name],
                });
              }
              if (!touchesAny(path, new Set(TASK_SIZE_SOURCES)))
                expect({ platform: platform.id, path, taskSize: after.taskSize }).toEqual({
                  platform: platform.id,
                  path,
                  taskSize: before.taskSize,
                });
            }
          }
        }),
        { seed: 1202, numRuns: 600 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

describe('platforms with the same runtime key for a field', () => {
  it(
    'get the same value of that field for any workload and cost choice',
    () => {
      fc.assert(
        fc.property(validWorkload, fc.constantFrom(undefined, 'arm64' as const), (subject, costChoice) => {
          for (const field of PLATFORM_RUNTIME_FIELDS) {
            const valueByKey = new Map<string, unknown>();
            for (const platform of ruleSet.platforms) {
              const key = platformRuntimeKey(platform, field);
              const value = buildFacts(subject, platform, sizer, costChoice).runtime[field];
              if (!valueByKey.has(key)) valueByKey.set(key, value);
              expect({ field, key, platform: platform.id, value }).toEqual({
                field,
                key,
                platform: platform.id,
                value: valueByKey.get(key),
              });
            }
          }
        }),
        { seed: 1203, numRuns: 400 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
