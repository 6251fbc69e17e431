import { isRecord, valueAtPath } from '../shared/json-value';
import { canonicalScheduleExpression, scheduleExpressionProblem } from '../shared/schedule-expression';
import { echo, type FieldError, fieldErrorsFromZod } from './field-errors';
import type { components } from './generated/openapi-types';
import {
  DEFAULT_GRPC_HEALTH_CHECK_PATH,
  DEFAULT_HEALTH_CHECK_PATH,
  DEFAULT_STICKY_SESSIONS,
  DEFAULT_TLS_TERMINATION,
  PASSTHROUGH_PROTOCOLS,
  type ParsedWorkloadRequest,
  workloadRequestSchema,
} from './workload-schema';

/** The workload with every default filled in: what the engine reasons about and the response echoes. */
export type Workload = components['schemas']['Workload'];
export type WorkloadRequest = components['schemas']['WorkloadRequest'];

export type WorkloadValidation = { ok: true; workload: Workload } | { ok: false; errors: FieldError[] };

const WEB_ONLY_FIELDS = [
  ['traffic', 'protocol'],
  ['traffic', 'exposure'],
  ['traffic', 'tlsTermination'],
  ['traffic', 'stickySessions'],
  ['traffic', 'healthCheckPort'],
  ['containerPort'],
  ['healthCheckPath'],
] as const;

const TRIGGER_FIELDS_BY_TYPE: Record<string, readonly string[]> = {
  schedule: ['expression'],
  's3-object-created': ['bucket', 'prefix'],
  sqs: ['queueName'],
  manual: [],
  none: [],
};

/**
 * Validates a request body and fills in every default. All problems are reported at once: field-level
 * problems from the schema, and cross-field problems (fields that only apply to some workload types,
 * trigger fields that need each other, task bounds) from the raw body.
 */
export function validateWorkload(body: unknown): WorkloadValidation {
  const parsed = workloadRequestSchema.safeParse(body);
  const errors = (parsed.success ? [] : fieldErrorsFromZod(parsed.error.issues, body)).map(
    withoutEnvironmentValue,
  );
  errors.push(...crossFieldErrors(body));
  if (!parsed.success || errors.length > 0) {
    return { ok: false, errors: dedupe(errors) };
  }
  return { ok: true, workload: fillContextualDefaults(parsed.data) };
}

function fillContextualDefaults(request: ParsedWorkloadRequest): Workload {
  const isWeb = request.workloadType === 'web';
  const protocol = request.traffic.protocol ?? 'http';
  const containerPort = request.containerPort ?? 8080;
  const workload: Workload = {
    name: request.name,
    workloadType: request.workloadType,
    traffic: isWeb
      ? {
          ...request.traffic,
          protocol,
          exposure: request.traffic.exposure ?? 'public',
          tlsTermination: request.traffic.tlsTermination ?? DEFAULT_TLS_TERMINATION,
          stickySessions: request.traffic.stickySessions ?? DEFAULT_STICKY_SESSIONS,
          healthCheckPort: request.traffic.healthCheckPort ?? containerPort,
        }
      : { ...request.traffic },
    persistence: request.persistence,
    control: request.control,
    cost: request.cost,
    resources: {
      ...request.resources,
      minTasks: request.resources.minTasks ?? (request.workloadType === 'batch' ? 0 : 1),
    },
    awsAccess: request.awsAccess,
    existingAppRunnerCustomer: request.existingAppRunnerCustomer,
    region: request.region,
  };
  if (isWeb) {
    workload.containerPort = containerPort;
    workload.healthCheckPath =
      request.healthCheckPath ??
      (protocol === 'grpc' ? DEFAULT_GRPC_HEALTH_CHECK_PATH : DEFAULT_HEALTH_CHECK_PATH);
  } else {
    const trigger = request.trigger ?? { type: request.workloadType === 'worker' ? 'sqs' : 'manual' };
    workload.trigger = { ...trigger };
    if (trigger.expression !== undefined)
      workload.trigger.expression = canonicalScheduleExpression(trigger.expression);
    if (trigger.type === 'sqs') workload.trigger.queueName = trigger.queueName ?? `${request.name}-queue`;
    if (trigger.type === 's3-object-created') workload.trigger.prefix = trigger.prefix ?? '';
  }
  if (request.image !== undefined) workload.image = request.image;
  if (request.environment !== undefined) workload.environment = { ...request.environment };
  if (request.secrets !== undefined) workload.secrets = request.secrets.map(({ name }) => ({ name }));
  return workload;
}

/**
 * An error about an environment variable never echoes its value: a value too long for the schema may be
 * a password all the same.
 */
function withoutEnvironmentValue(error: FieldError): FieldError {
  if (!error.path.startsWith('environment.')) return error;
  const { received: _received, ...rest } = error;
  return rest;
}

function crossFieldErrors(body: unknown): FieldError[] {
  if (!isRecord(body)) return [];
  const errors: FieldError[] = [];
  const workloadType = body.workloadType;
  const isKnownType = workloadType === 'web' || workloadType === 'worker' || workloadType === 'batch';
  if (isKnownType && workloadType !== 'web') {
    for (const path of WEB_ONLY_FIELDS) {
      const value = valueAtPath(body, path);
      if (value !== undefined) {
        errors.push({
          path: path.join('.'),
          message: `applies only to web workloads; this one is "${workloadType}", so remove it`,
          received: echo(value),
        });
      }
    }
  }
  const traffic = body.traffic;
  if (workloadType === 'web' && isRecord(traffic) && traffic.tlsTermination === 'service') {
    const protocol = traffic.protocol ?? 'http';
    if (typeof protocol === 'string' && !(PASSTHROUGH_PROTOCOLS as readonly string[]).includes(protocol)) {
      errors.push({
        path: 'traffic.tlsTermination',
        message: `"service" applies only when traffic.protocol is ${PASSTHROUGH_PROTOCOLS.map((allowed) => `"${allowed}"`).join(' or ')}: traffic.protocol is "${protocol}", which carries no TLS for the load balancer to pass through`,
        received: echo(traffic.tlsTermination),
        allowed: ['load-balancer'],
      });
    }
  }
  const expectedRunMinutes = valueAtPath(body, ['resources', 'expectedRunMinutes']);
  if (isKnownType && workloadType !== 'batch' && expectedRunMinutes !== undefined) {
    errors.push({
      path: 'resources.expectedRunMinutes',
      message: `applies only to batch workloads, whose runs end; a ${workloadType} workload runs until it is stopped`,
      received: echo(expectedRunMinutes),
    });
  }
  const capabilities = valueAtPath(body, ['control', 'capabilities']);
  if (
    valueAtPath(body, ['control', 'os']) === 'windows' &&
    Array.isArray(capabilities) &&
    capabilities.length > 0
  ) {
    errors.push({
      path: 'control.capabilities',
      message:
        'are Linux capabilities, which a Windows container does not have (ECS sets them in linuxParameters, its Linux-specific options; Kubernetes refuses securityContext.capabilities on a Windows pod): remove them or set control.os to "linux"',
      received: echo(capabilities),
      allowed: [[]],
    });
  }
  const trigger = body.trigger;
  if (workloadType === 'web' && trigger !== undefined) {
    errors.push({
      path: 'trigger',
      message: 'applies only to worker and batch workloads; a web workload is started by its requests',
      received: echo(trigger),
    });
  }
  if (isRecord(trigger) && typeof trigger.type === 'string' && trigger.type in TRIGGER_FIELDS_BY_TYPE) {
    const allowedFields = TRIGGER_FIELDS_BY_TYPE[trigger.type] ?? [];
    for (const field of ['expression', 'bucket', 'prefix', 'queueName']) {
      if (trigger[field] !== undefined && !allowedFields.includes(field)) {
        errors.push({
          path: `trigger.${field}`,
          message: `does not apply to trigger type "${trigger.type}"`,
          received: echo(trigger[field]),
        });
      }
    }
    if (trigger.type === 'none' && workloadType === 'batch') {
      errors.push({
        path: 'trigger.type',
        message:
          '"none" is for a worker that runs until it is stopped; a batch job needs something to start each run (schedule, s3-object-created, sqs or manual), or set workloadType to "worker"',
        received: echo(trigger.type),
        allowed: ['schedule', 's3-object-created', 'sqs', 'manual'],
      });
    }
    if (trigger.type === 'schedule' && trigger.expression === undefined) {
      errors.push({
        path: 'trigger.expression',
        message: 'is required for a schedule trigger, e.g. "cron(0 2 * * ? *)" or "rate(1 hour)"',
      });
    }
    const problem =
      trigger.type === 'schedule' && typeof trigger.expression === 'string'
        ? scheduleExpressionProblem(trigger.expression)
        : null;
    if (problem !== null) {
      errors.push({ path: 'trigger.expression', message: problem, received: echo(trigger.expression) });
    }
    if (trigger.type === 's3-object-created' && trigger.bucket === undefined) {
      errors.push({ path: 'trigger.bucket', message: 'is required for an s3-object-created trigger' });
    }
  }
  const resources = body.resources;
  if (isRecord(resources) && typeof resources.maxTasks === 'number') {
    const minTasks =
      typeof resources.minTasks === 'number' ? resources.minTasks : workloadType === 'batch' ? 0 : 1;
    if (resources.maxTasks < minTasks) {
      errors.push({
        path: 'resources.maxTasks',
        message: `must be at least resources.minTasks (${minTasks})`,
        received: resources.maxTasks,
      });
    }
  } else if (isRecord(resources) && typeof resources.minTasks === 'number' && resources.minTasks > 10) {
    errors.push({
      path: 'resources.minTasks',
      message: 'is above the default resources.maxTasks (10): raise maxTasks too',
      received: resources.minTasks,
    });
  }
  if (Array.isArray(body.awsAccess)) {
    body.awsAccess.forEach((entry: unknown, index: number) => {
      if (!isRecord(entry) || typeof entry.resource !== 'string' || typeof entry.service !== 'string') return;
      const arnService = /^arn:aws[a-z-]*:([a-z0-9-]+):/.exec(entry.resource)?.[1];
      if (arnService !== undefined && arnService !== entry.service) {
        errors.push({
          path: `awsAccess.${index}.resource`,
          message: `is an ARN of service "${arnService}", but awsAccess.${index}.service is "${entry.service}"`,
          received: echo(entry.resource),
        });
      }
    });
  }
  errors.push(...secretNameErrors(body));
  errors.push(...reservedVariableErrors(body));
  return errors;
}

/**
 * The variable the starter configuration sets itself: a queue-fed workload (or one reading S3 events
 * through a queue, on Kubernetes) learns its queue from QUEUE_NAME, so the request cannot set it too.
 */
function reservedVariableErrors(body: Record<string, unknown>): FieldError[] {
  if (!isRecord(body.environment) || !Object.hasOwn(body.environment, 'QUEUE_NAME')) return [];
  const trigger = isRecord(body.trigger)
    ? body.trigger.type
    : body.workloadType === 'worker'
      ? 'sqs'
      : undefined;
  if (trigger !== 'sqs' && trigger !== 's3-object-created') return [];
  return [
    {
      path: 'environment.QUEUE_NAME',
      message: `is set by the starter configuration to the queue this ${String(body.workloadType)} reads (trigger "${trigger}"): read it from there, or use another name`,
    },
  ];
}

/** Each secret is one variable: named once, and not also given a plain value in `environment`. */
function secretNameErrors(body: Record<string, unknown>): FieldError[] {
  if (!Array.isArray(body.secrets)) return [];
  const environment = isRecord(body.environment) ? body.environment : {};
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  body.secrets.forEach((entry: unknown, index: number) => {
    if (!isRecord(entry) || typeof entry.name !== 'string') return;
    const path = `secrets.${index}.name`;
    if (seen.has(entry.name))
      errors.push({ path, message: 'names a secret listed before: each secret once', received: entry.name });
    else if (Object.hasOwn(environment, entry.name))
      errors.push({
        path,
        message: `is also in environment: a variable is either plain configuration or a secret, so remove environment.${entry.name}`,
        received: entry.name,
      });
    seen.add(entry.name);
  });
  return errors;
}

function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.path}\u0000${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
