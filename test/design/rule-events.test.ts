import { loadOpenApiDocument } from '../../src/contract/openapi-document';
import { IAM_SLOTS } from '../../src/design/design-draft';
import { EVENT_TYPES, RULE_EVENTS } from '../../src/design/rule-events';
import { OPENAPI_PATH } from '../../src/project-paths';
import { valueAtPath } from '../../src/shared/json-value';

/**
 * The event modules declare their enums and fields in zod; openapi.yaml declares the same values for the
 * answer. The types already keep the modules inside the contract; these cases check both directions at
 * run time, so a value added to one and not the other is found.
 */
const spec = loadOpenApiDocument(OPENAPI_PATH).json;
const specAt = (...path: string[]): unknown => valueAtPath(spec, ['components', 'schemas', ...path]);
const sorted = (values: Iterable<string>) => [...values].sort();
const propertiesOf = (...path: string[]) => Object.keys((specAt(...path, 'properties') ?? {}) as object);

const loadBalancer = RULE_EVENTS['load-balancer'].params.shape;
const listener = loadBalancer.listeners.element.shape;
const targetGroup = loadBalancer.targetGroup.unwrap().shape;
const trigger = RULE_EVENTS.trigger.params.shape.trigger.shape;
const role = RULE_EVENTS['iam-role'].params.shape.role.shape;
const statement = RULE_EVENTS['iam-statement'].params.shape.statement.shape;

const enumCases: { given: string; values: readonly string[]; spec: unknown }[] = [
  {
    given: 'load-balancer type',
    values: loadBalancer.type.options,
    spec: specAt('LoadBalancerType', 'enum'),
  },
  {
    given: 'listener protocol',
    values: listener.protocol.options,
    spec: specAt('LoadBalancerProtocol', 'enum'),
  },
  { given: 'listener action', values: listener.action.options, spec: specAt('ListenerAction', 'enum') },
  {
    given: 'target-group protocol version',
    values: targetGroup.protocolVersion.unwrap().options,
    spec: specAt('ProtocolVersion', 'enum'),
  },
  {
    given: 'target type',
    values: targetGroup.targetType.options[1].options,
    spec: specAt('TargetType', 'enum'),
  },
  {
    given: 'target type a rule sets',
    values: RULE_EVENTS['load-balancer-target-type'].params.shape.targetType.options,
    spec: specAt('TargetType', 'enum'),
  },
  {
    given: 'load-balancer scheme',
    values: RULE_EVENTS['load-balancer-scheme'].params.shape.scheme.options,
    spec: specAt('LoadBalancerScheme', 'enum'),
  },
  {
    given: 'storage type',
    values: RULE_EVENTS.storage.params.shape.type.options,
    spec: specAt('StorageType', 'enum'),
  },
  {
    given: 'scaling-policy type',
    values: RULE_EVENTS['scaling-policy'].params.shape.policy.shape.type.options,
    spec: specAt('ScalingPolicyType', 'enum'),
  },
  {
    given: 'capacity instance market',
    values: RULE_EVENTS.capacity.params.shape.instanceMarket.unwrap().options[1].options,
    spec: specAt('Scaling', 'properties', 'instanceMarket', 'enum'),
  },
  { given: 'trigger type', values: trigger.type.options, spec: specAt('TriggerType', 'enum') },
  {
    given: 'monitoring-rule type',
    values: [...RULE_EVENTS['monitoring-rule'].params.shape.rule.shape.type.values],
    spec: specAt('MonitoringRule', 'properties', 'type', 'enum'),
  },
  { given: 'IAM role slot', values: IAM_SLOTS, spec: propertiesOf('Iam') },
  { given: 'IAM statement effect', values: statement.effect.options, spec: specAt('IamEffect', 'enum') },
  {
    given: 'registry tag mutability',
    values: RULE_EVENTS.registry.params.shape.imageTagMutability.options,
    spec: specAt('Registry', 'properties', 'imageTagMutability', 'enum'),
  },
  {
    given: 'engine that emits an event',
    values: [...new Set(EVENT_TYPES.flatMap((type) => RULE_EVENTS[type].engines))],
    spec: specAt('RuleDescription', 'properties', 'engine', 'enum'),
  },
];

const fieldCases: { given: string; fields: string[]; spec: string[] }[] = [
  { given: 'a listener', fields: Object.keys(listener), spec: propertiesOf('Listener') },
  { given: 'a target group', fields: Object.keys(targetGroup), spec: propertiesOf('TargetGroup') },
  { given: 'a trigger', fields: Object.keys(trigger), spec: propertiesOf('Trigger') },
  { given: 'an IAM role', fields: Object.keys(role), spec: propertiesOf('IamRole') },
  { given: 'an IAM statement', fields: Object.keys(statement), spec: propertiesOf('IamStatement') },
  {
    given: 'a registry, besides the type and image Berth fills in',
    fields: [...Object.keys(RULE_EVENTS.registry.params.shape), 'type', 'imageUri'],
    spec: propertiesOf('Registry'),
  },
];

describe('the rule event types', () => {
  it('are each one table entry, under the type its module declares', () => {
    expect(sorted(Object.keys(RULE_EVENTS))).toEqual(sorted(EVENT_TYPES));
    for (const type of EVENT_TYPES) expect(RULE_EVENTS[type].type).toBe(type);
  });

  it('fold into the design when design rules may emit them, except notes, which only explain', () => {
    const folding = EVENT_TYPES.filter((type) => RULE_EVENTS[type].fold !== undefined);
    const emittedByDesign = EVENT_TYPES.filter(
      (type) => type !== 'note' && RULE_EVENTS[type].engines.includes('design'),
    );
    expect(sorted(folding)).toEqual(sorted(emittedByDesign));
  });

  describe('agree with openapi.yaml', () => {
    it.each(enumCases)('on every $given', ({ values, spec: want }) => {
      expect(sorted(values)).toEqual(sorted(want as string[]));
    });

    it.each(fieldCases)('on the fields of $given', ({ fields, spec: want }) => {
      expect(sorted(fields)).toEqual(sorted(want));
    });
  });
});
