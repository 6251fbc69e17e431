import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRuleSet, RuleSetError } from '../../src/engine/rule-set';
import { RULES_DIR } from '../../src/project-paths';
import { CONTRACT_PLATFORM_IDS } from '../support/contract-platform-ids';

/** A scratch copy of rules/ that a test may break. */
function copyOfRules(): string {
  const dir = mkdtempSync(join(tmpdir(), 'berth-rules-'));
  cpSync(RULES_DIR, dir, { recursive: true });
  return dir;
}

function editJson(dir: string, file: string, edit: (json: Record<string, unknown>) => void): void {
  const path = join(dir, file);
  const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  edit(json);
  writeFileSync(path, JSON.stringify(json));
}

type RuleJson = {
  name: string;
  priority: number;
  event: { type: string; params: Record<string, unknown> };
  description: string;
};
const rulesOf = (json: Record<string, unknown>) => json.rules as RuleJson[];

describe('the rule set', () => {
  describe('when rules/ is as shipped', () => {
    const ruleSet = loadRuleSet(RULES_DIR);

    it('loads every rule with a unique name, a priority, one sentence of description and a source', () => {
      const names = ruleSet.rules.map((rule) => rule.name);
      expect(new Set(names).size).toBe(names.length);
      for (const rule of ruleSet.rules) {
        expect(rule.priority).toBeGreaterThanOrEqual(1);
        expect(rule.description).toMatch(/^[A-Z].*\.$/);
        expect(rule.source.length).toBeGreaterThan(3);
      }
    });

    it('describes every platform of the contract once', () => {
      expect(ruleSet.platforms.map((platform) => platform.id).sort()).toEqual(
        [...CONTRACT_PLATFORM_IDS].sort(),
      );
    });

    it('versions the rules with the manifest version and a content hash', () => {
      expect(ruleSet.version).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+\+[0-9a-f]{8}$/);
    });
  });

  describe('rulesVersion', () => {
    it('changes when any rule file changes', () => {
      const dir = copyOfRules();
      try {
        const before = loadRuleSet(dir).version;
        editJson(dir, 'preferences.json', (json) => {
          const first = rulesOf(json)[0];
          if (first) first.priority = 49;
        });
        expect(loadRuleSet(dir).version).not.toBe(before);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('when a rule file is malformed', () => {
    const cases: {
      given: string;
      file: string;
      edit: (json: Record<string, unknown>) => void;
      want: RegExp;
    }[] = [
      {
        given: 'a file that is not JSON',
        file: 'storage.json',
        edit: () => undefined,
        want: /^storage\.json: is not valid JSON/,
      },
      {
        given: 'a rule without a source',
        file: 'storage.json',
        edit: (json) => {
          delete (rulesOf(json)[1] as Partial<RuleJson> & { source?: string }).source;
        },
        want: /^storage\.json \(rule "efs-for-shared-files"\): rules\.1\.source/,
      },
      {
        given: 'a rule whose event type is unknown',
        file: 'scaling.json',
        edit: (json) => {
          const rule = rulesOf(json)[0];
          if (rule) rule.event.type = 'autoscale';
        },
        want: /^scaling\.json \(rule "ecs-service-cpu-target-tracking"\)/,
      },
      {
        given: 'a blocker without the fields it blames',
        file: 'eligibility.json',
        edit: (json) => {
          const rule = rulesOf(json)[0];
          if (rule) delete rule.event.params.fields;
        },
        want: /^eligibility\.json \(rule "workload-type-must-be-supported"\): event params: fields/,
      },
      {
        given: 'a design event in a platform-fit group',
        file: 'preferences.json',
        edit: (json) => {
          const rule = rulesOf(json)[0];
          if (rule) rule.event = { type: 'storage', params: { type: 'efs', reason: 'x' } };
        },
        want: /cannot be emitted by the platform-fit engine/,
      },
      {
        given: 'a placeholder naming an unknown fact',
        file: 'caveats.json',
        edit: (json) => {
          const rule = rulesOf(json)[0];
          if (rule) rule.event.params.message = 'See {{account.id}}.';
        },
        want: /placeholder \{\{account\.id\}\} names an unknown fact/,
      },
      {
        given: 'two rules with the same name',
        file: 'storage.json',
        edit: (json) => {
          const rule = rulesOf(json)[1];
          if (rule) rule.name = 'no-persistent-storage';
        },
        want: /^storage\.json \(rule "no-persistent-storage"\): the name is already used/,
      },
      {
        given: 'a description of two sentences',
        file: 'registry.json',
        edit: (json) => {
          const rule = rulesOf(json)[0];
          if (rule) rule.description = 'Creates a repository. Then scans it.';
        },
        want: /must be a single sentence/,
      },
    ];

    it.each(cases)(
      'stops with a message naming the file and the rule, given $given',
      ({ file, edit, want }) => {
        const dir = copyOfRules();
        try {
          if (want.source.includes('not valid JSON')) writeFileSync(join(dir, file), '{ "group": ');
          else editJson(dir, file, edit);
          let thrown: unknown;
          try {
            loadRuleSet(dir);
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(RuleSetError);
          expect((thrown as Error).message).toMatch(want);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    );
  });

  describe('when the platform catalogue is inconsistent', () => {
    type PlatformJson = { id: string; sizingModel: string; traits: Record<string, unknown> };
    const editFargate = (edit: (platform: PlatformJson) => void) => (json: Record<string, unknown>) => {
      const platform = (json.platforms as PlatformJson[]).find((entry) => entry.id === 'ecs-fargate');
      if (platform) edit(platform);
    };
    const cases = [
      {
        given: 'a sizing model task-sizes.json does not define',
        edit: editFargate((platform) => {
          platform.sizingModel = 'lambda';
        }),
        want: /^catalogue\/platforms\.json: platform "ecs-fargate" names sizingModel "lambda", but catalogue\/task-sizes\.json defines only fargate, /,
      },
      {
        given: 'managed ingress on a platform whose ingress is a load balancer it does not manage',
        edit: editFargate((platform) => {
          platform.traits.managedIngress = true;
        }),
        want: /^catalogue\/platforms\.json: .*managedIngress must be true exactly when ingress is "managed-load-balancer" or "service-endpoint"/,
      },
      {
        given: 'a trait value the schema does not know',
        edit: editFargate((platform) => {
          platform.traits.compute = 'lambda';
        }),
        want: /^catalogue\/platforms\.json: .*traits\.compute/,
      },
    ];

    it.each(cases)('stops with a message naming the catalogue file, given $given', ({ edit, want }) => {
      const dir = copyOfRules();
      try {
        editJson(dir, 'catalogue/platforms.json', edit);
        expect(() => loadRuleSet(dir)).toThrow(want);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
