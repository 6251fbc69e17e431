import { z } from 'zod';
import { echo, type FieldError, fieldErrorsFromZod } from '../../contract/field-errors';
import { validateWorkload, type Workload } from '../../contract/workload';
import { NAME_PATTERN } from '../../contract/workload-schema';
import { isRecord } from '../../shared/json-value';

/** How many services one application may have (the contract's bound). */
export const MAX_SERVICES = 50;

/**
 * The request fields `defaults` may set under every service: those that describe the account, the team or
 * the sizing, not one service's traffic or trigger. A service's own value wins, field by field.
 */
const DEFAULTABLE_FIELDS = [
  'region',
  'control',
  'cost',
  'resources',
  'persistence',
  'existingAppRunnerCustomer',
  'awsAccess',
] as const;

/**
 * The envelope of POST /v1/architectures. Each service is checked by the same validation as a single
 * workload (after `defaults` are merged under it), so every request field of POST /v1/recommendations
 * works in a service, and its errors come back at `services.<index>.<field>`.
 */
const applicationEnvelopeSchema = z.strictObject({
  name: z.string().regex(NAME_PATTERN),
  services: z.array(z.unknown()).min(1).max(MAX_SERVICES),
  defaults: z
    .strictObject(Object.fromEntries(DEFAULTABLE_FIELDS.map((field) => [field, z.unknown()])))
    .partial()
    .optional(),
});

const serviceIdentitySchema = z.looseObject({
  name: z.string().regex(NAME_PATTERN),
  dependsOn: z
    .array(z.string().regex(NAME_PATTERN))
    .max(MAX_SERVICES - 1)
    .optional(),
});

/** One service of an application: its workload, every default filled in, and what it depends on. */
export interface ApplicationService {
  name: string;
  workload: Workload;
  dependsOn: string[];
}

export interface ApplicationRequest {
  name: string;
  services: ApplicationService[];
}

export type ApplicationValidation =
  | { ok: true; request: ApplicationRequest }
  | { ok: false; errors: FieldError[] };

export function validateApplication(body: unknown): ApplicationValidation {
  const envelope = applicationEnvelopeSchema.safeParse(body);
  if (!envelope.success) return { ok: false, errors: fieldErrorsFromZod(envelope.error.issues, body) };
  const { name, services: items, defaults = {} } = envelope.data;
  const errors: FieldError[] = [];
  const services: ApplicationService[] = [];
  for (const [index, item] of items.entries()) {
    const at = (path: string) => `services.${index}${path === '' ? '' : `.${path}`}`;
    const identity = serviceIdentitySchema.safeParse(item);
    if (!identity.success) {
      for (const error of fieldErrorsFromZod(identity.error.issues, item))
        errors.push({ ...error, path: at(error.path) });
      continue;
    }
    const { dependsOn = [], ...workloadBody } = identity.data;
    const validation = validateWorkload(withDefaults(workloadBody, defaults));
    if (!validation.ok) {
      for (const error of validation.errors) errors.push({ ...error, path: at(error.path) });
      continue;
    }
    services.push({ name: identity.data.name, workload: validation.workload, dependsOn: [...dependsOn] });
  }
  if (errors.length > 0) return { ok: false, errors };
  errors.push(...referenceErrors(services));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, request: { name, services } };
}

/** `defaults` under the service: objects merged field by field, the service's own values winning. */
function withDefaults(
  service: Record<string, unknown>,
  defaults: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...service };
  for (const [field, value] of Object.entries(defaults)) {
    const own = service[field];
    if (own === undefined) merged[field] = value;
    else if (isRecord(own) && isRecord(value)) merged[field] = { ...value, ...own };
  }
  return merged;
}

/** Names unique; every dependsOn names another service of the application; no cycle of dependencies. */
function referenceErrors(services: readonly ApplicationService[]): FieldError[] {
  const errors: FieldError[] = [];
  const indexOf = new Map<string, number>();
  for (const [index, service] of services.entries()) {
    const earlier = indexOf.get(service.name);
    if (earlier !== undefined)
      errors.push({
        path: `services.${index}.name`,
        message: `repeats the name of services.${earlier}: every service needs its own name`,
        received: echo(service.name),
      });
    else indexOf.set(service.name, index);
  }
  for (const [index, service] of services.entries()) {
    for (const [position, dependency] of service.dependsOn.entries()) {
      const path = `services.${index}.dependsOn.${position}`;
      if (dependency === service.name)
        errors.push({ path, message: 'names the service itself', received: echo(dependency) });
      else if (!indexOf.has(dependency))
        errors.push({
          path,
          message: 'names no service of this application',
          received: echo(dependency),
          allowed: [...indexOf.keys()].filter((other) => other !== service.name),
        });
    }
  }
  if (errors.length > 0) return errors;
  const cycle = dependencyCycle(services);
  return cycle === undefined
    ? []
    : [
        {
          path: `services.${indexOf.get(cycle[0] as string)}.dependsOn`,
          message: `makes a cycle of dependencies (${cycle.join(' → ')}): nothing in it could start first`,
        },
      ];
}

/** The first cycle of dependsOn found, as service names from a service back to itself. */
function dependencyCycle(services: readonly ApplicationService[]): string[] | undefined {
  const dependsOn = new Map(services.map((service) => [service.name, service.dependsOn]));
  const done = new Set<string>();
  const visit = (name: string, path: string[]): string[] | undefined => {
    const loopStart = path.indexOf(name);
    if (loopStart >= 0) return [...path.slice(loopStart), name];
    if (done.has(name)) return undefined;
    for (const next of dependsOn.get(name) ?? []) {
      const found = visit(next, [...path, name]);
      if (found !== undefined) return found;
    }
    done.add(name);
    return undefined;
  };
  for (const service of services) {
    const found = visit(service.name, []);
    if (found !== undefined) return found;
  }
  return undefined;
}
