import type { ComposeMappingCatalogue } from '../catalogue/compose-mapping-catalogue';
import {
  type ManagedServiceCatalogue,
  managedServiceForImage,
  managedServiceRunningImage,
  versionBeyondManagedService,
} from '../catalogue/managed-service-catalogue';
import { ENVIRONMENT_VARIABLE_NAME_PATTERN } from '../contract/workload-schema';
import { isRecord } from '../shared/json-value';
import type { ComposeFileContent, ComposeService } from './compose-file-schema';
import type { PortMapping } from './compose-ports';
import type { ComposeProblem } from './compose-problem';
import type { Variables } from './interpolation';
import { readComposeFile } from './read-compose-file';

/** A Compose value Berth carried into the design, and what it means there. */
export interface ImportedField {
  service: string;
  field: string;
  value: string;
  meaning: string;
}

/** A Compose value (or service) Berth did not carry over, and why. */
export interface IgnoredField {
  service: string;
  field: string;
  reason: string;
}

/** A container better replaced by an AWS managed service. */
export interface ManagedServiceChoice {
  service: string;
  image: string;
  /** The application's services that use it (depends_on, or an environment value naming its host). */
  usedBy: string[];
  replacement: { id: string; name: string };
  reason: string;
  source: string;
}

export interface ComposeOptions {
  variables: Variables;
  /** Request fields under every service, as POST /v1/architectures takes them. */
  defaults?: Record<string, unknown>;
  /** The Compose profiles to activate; services of other profiles are left out. */
  profiles?: readonly string[];
}

export type ComposeApplication =
  | { ok: false; problems: ComposeProblem[] }
  | {
      ok: true;
      /** The body of POST /v1/architectures the file describes. */
      request: { name: string; services: Record<string, unknown>[]; defaults?: Record<string, unknown> };
      /** Each request service's name to its Compose name, for errors found in the request. */
      composeNames: Map<string, string>;
      imported: ImportedField[];
      ignored: IgnoredField[];
      managedServices: ManagedServiceChoice[];
      warnings: string[];
    };

const BERTH_NAME = /^[a-z][a-z0-9-]{0,39}$/;
const DOCKER_SOCKET = '/var/run/docker.sock';
const GIB = 1024 ** 3;

/**
 * A Compose file as the body of POST /v1/architectures: every service key read by the catalogue's table
 * (rules/catalogue/compose-mapping.json), each mapped value in `imported` with what it means, each dropped
 * one in `ignored` with why; containers of well-known stateful images become `managedServices` (unless
 * `x-berth: { keep-container: true }`), and services of profiles not activated are left out, said so.
 */
export function applicationFromCompose(
  text: string,
  options: ComposeOptions,
  catalogues: { mapping: ComposeMappingCatalogue; managedServices: ManagedServiceCatalogue },
): ComposeApplication {
  const reading = readComposeFile(text, options.variables);
  if (!reading.ok) return reading;
  const { file } = reading;
  const names = berthNames(Object.keys(file.services));
  if (!names.ok) return { ok: false, problems: names.problems };
  const mapper = new ServiceMapper(file, names.value, options, catalogues);
  return mapper.application();
}

/**
 * A path in the request a Compose file made (`services.2.control.capabilities.0`) at the Compose service it
 * came from (`services.vpn.control.capabilities.0`), for errors found in that request.
 */
export function composePathOf(
  application: {
    request: { services: Record<string, unknown>[] };
    composeNames: ReadonlyMap<string, string>;
  },
  path: string,
): string {
  return path.replace(/^services\.(\d+)/, (whole, index: string) => {
    const name = application.request.services[Number(index)]?.name;
    return typeof name === 'string' ? `services.${application.composeNames.get(name) ?? name}` : whole;
  });
}

function berthNames(
  composeNames: readonly string[],
): { ok: true; value: Map<string, string> } | { ok: false; problems: ComposeProblem[] } {
  const value = new Map<string, string>();
  const taken = new Map<string, string>();
  const problems: ComposeProblem[] = [];
  for (const composeName of composeNames) {
    let name = composeName
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '');
    if (!/^[a-z]/.test(name)) name = `s-${name}`;
    name = name.slice(0, 40).replace(/-+$/, '');
    const earlier = taken.get(name);
    if (earlier !== undefined || !BERTH_NAME.test(name)) {
      problems.push({
        path: `services.${composeName}`,
        message:
          earlier === undefined
            ? 'cannot be named as Berth names resources (lowercase letters, digits and dashes, from a letter)'
            : `is named ${name} in AWS, as ${earlier} is: rename one`,
      });
      continue;
    }
    taken.set(name, composeName);
    value.set(composeName, name);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}

class ServiceMapper {
  readonly imported: ImportedField[] = [];
  readonly ignored: IgnoredField[] = [];
  readonly managed: ManagedServiceChoice[] = [];
  /** By service, the managed services its environment named, with the variables that named each. */
  private readonly connectionSettings = new Map<string, Map<string, string[]>>();
  readonly warnings: string[] = [];

  constructor(
    private readonly file: ComposeFileContent,
    private readonly names: ReadonlyMap<string, string>,
    private readonly options: ComposeOptions,
    private readonly catalogues: {
      mapping: ComposeMappingCatalogue;
      managedServices: ManagedServiceCatalogue;
    },
  ) {}

  application(): ComposeApplication {
    const active = new Set(this.options.profiles ?? []);
    const chosen: [string, ComposeService][] = [];
    for (const [composeName, service] of Object.entries(this.file.services)) {
      const profiles = service.profiles ?? [];
      if (profiles.length > 0 && !profiles.some((profile) => active.has(profile))) {
        this.ignore(
          composeName,
          'profiles',
          `Its profiles (${profiles.join(', ')}) are not activated: it is left out.`,
        );
        continue;
      }
      const replacement = this.replacementFor(composeName, service);
      if (replacement !== undefined) {
        this.managed.push(replacement);
        continue;
      }
      chosen.push([composeName, service]);
    }
    const replacing = new Set(this.managed.map((choice) => choice.replacement.id));
    const companions = new Set<string>();
    for (const [composeName, service] of chosen) {
      if (service.image === undefined || this.keepsContainer(service)) continue;
      const runner = managedServiceRunningImage(this.catalogues.managedServices, service.image);
      if (runner === undefined || !replacing.has(runner.service.id)) continue;
      companions.add(composeName);
      this.ignore(composeName, 'image', `${runner.reason} (${runner.source})`);
    }
    if (companions.size > 0)
      chosen.splice(0, chosen.length, ...chosen.filter(([name]) => !companions.has(name)));
    const kept = new Set(chosen.map(([composeName]) => composeName));
    const managedNames = new Set(this.managed.map((choice) => choice.service));
    const services = chosen.map(([composeName, service]) =>
      this.workloadOf(composeName, service, kept, managedNames),
    );
    for (const choice of this.managed)
      choice.usedBy = chosen
        .filter(
          ([composeName, service]) =>
            (service.depends_on ?? []).includes(choice.service) ||
            this.connectionSettings.get(composeName)?.has(choice.service) === true,
        )
        .map(([composeName]) => this.nameOf(composeName));
    const composeNames = new Map(chosen.map(([composeName]) => [this.nameOf(composeName), composeName]));
    if (services.length === 0)
      return {
        ok: false,
        problems: [
          {
            path: 'services',
            message:
              'leaves no service to run on a container platform (every one is replaced by a managed service or in a profile not activated)',
          },
        ],
      };
    const name = this.file.name === undefined ? 'app' : this.nameOf(this.file.name);
    return {
      ok: true,
      request: {
        name: BERTH_NAME.test(name) ? name : 'app',
        services,
        ...(this.options.defaults === undefined ? {} : { defaults: this.options.defaults }),
      },
      composeNames,
      imported: this.imported,
      ignored: this.ignored,
      managedServices: this.managed,
      warnings: this.warnings,
    };
  }

  private nameOf(composeName: string): string {
    return this.names.get(composeName) ?? composeName.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
  }

  private meaning(key: string): string {
    const entry = this.catalogues.mapping.keys[key];
    return entry?.handling === 'mapped' ? entry.meaning : this.catalogues.mapping.otherKeysReason;
  }

  private import(
    service: string,
    field: string,
    value: unknown,
    key = field.split(/[.[]/)[0] ?? field,
  ): void {
    this.imported.push({ service, field, value: String(value), meaning: this.meaning(key) });
  }

  private ignore(service: string, field: string, reason?: string): void {
    const entry = this.catalogues.mapping.keys[field.startsWith('x-') ? 'extensions' : field];
    this.ignored.push({
      service,
      field,
      reason:
        reason ?? (entry?.handling === 'ignored' ? entry.reason : this.catalogues.mapping.otherKeysReason),
    });
  }

  private keepsContainer(service: ComposeService): boolean {
    const extension = service['x-berth'];
    return isRecord(extension) && extension['keep-container'] === true;
  }

  private replacementFor(composeName: string, service: ComposeService): ManagedServiceChoice | undefined {
    if (service.image === undefined || this.keepsContainer(service)) return undefined;
    const managed = managedServiceForImage(this.catalogues.managedServices, service.image);
    if (managed === undefined) return undefined;
    const beyond = versionBeyondManagedService(managed, service.image);
    if (beyond !== undefined) {
      this.warnings.push(`${composeName} (${service.image}) stays a container: ${beyond}`);
      return undefined;
    }
    return {
      service: composeName,
      image: service.image,
      usedBy: [],
      replacement: { id: managed.id, name: managed.name },
      reason: managed.reason,
      source: managed.source,
    };
  }

  private workloadOf(
    composeName: string,
    service: ComposeService,
    kept: ReadonlySet<string>,
    managedNames: ReadonlySet<string>,
  ): Record<string, unknown> {
    const workload: Record<string, unknown> = { name: this.nameOf(composeName) };
    const control: Record<string, unknown> = {};
    const resources: Record<string, unknown> = {};
    const stateful =
      service.image !== undefined &&
      managedServiceForImage(this.catalogues.managedServices, service.image) !== undefined;

    if (service.image !== undefined) {
      workload.image = service.image;
      this.import(composeName, 'image', service.image);
    } else if (service.build !== undefined) {
      this.import(
        composeName,
        'build',
        typeof service.build === 'string' ? service.build : (service.build.context ?? '.'),
      );
    }

    this.mapPorts(composeName, service, workload);
    this.mapVolumes(composeName, service, workload, control, stateful);

    if (service.cap_add !== undefined && service.cap_add.length > 0) {
      control.capabilities = service.cap_add.map((capability) => capability.replace(/^CAP_/, ''));
      this.import(composeName, 'cap_add', service.cap_add.join(', '));
    }
    if (service.network_mode === 'host') {
      control.hostNetwork = true;
      this.import(composeName, 'network_mode', 'host');
    } else if (service.network_mode !== undefined) {
      this.ignore(
        composeName,
        'network_mode',
        `network_mode ${service.network_mode} has no counterpart: the services share one VPC.`,
      );
    }
    if (service.privileged === true) {
      control.privileged = true;
      this.import(composeName, 'privileged', true);
    }
    if ((service.devices ?? []).length > 0) {
      control.level = 'full';
      this.import(
        composeName,
        'devices',
        (service.devices ?? [])
          .map((device) => (typeof device === 'string' ? device : device.source))
          .join(', '),
      );
    }
    const wantsGpu =
      service.gpus !== undefined ||
      (service.deploy?.resources?.reservations?.devices ?? []).some((device) =>
        (device.capabilities ?? []).includes('gpu'),
      );
    if (wantsGpu) {
      control.gpu = true;
      this.import(
        composeName,
        service.gpus !== undefined ? 'gpus' : 'deploy.resources.reservations.devices',
        'gpu',
        'gpus',
      );
    }
    if (service.platform !== undefined) {
      const [os, architecture] = service.platform.split('/');
      if (os === 'windows') control.os = 'windows';
      if (architecture === 'arm64' || architecture === 'aarch64') control.architecture = 'arm64';
      else if (architecture === 'amd64' || architecture === 'x86_64') control.architecture = 'x86_64';
      this.import(composeName, 'platform', service.platform);
    }

    const limits = service.deploy?.resources?.limits ?? service.deploy?.resources?.reservations;
    const cpus = limits?.cpus ?? service.cpus;
    if (cpus !== undefined) {
      resources.cpu = Math.min(192, Math.max(0.25, cpus));
      this.import(
        composeName,
        limits?.cpus !== undefined ? 'deploy.resources.limits.cpus' : 'cpus',
        cpus,
        'deploy',
      );
    }
    const memory = limits?.memory ?? service.mem_limit;
    if (memory !== undefined) {
      resources.memoryGiB = Math.min(1536, Math.max(0.5, Math.ceil((memory / GIB) * 4) / 4));
      this.import(
        composeName,
        limits?.memory !== undefined ? 'deploy.resources.limits.memory' : 'mem_limit',
        `${memory} bytes`,
        'deploy',
      );
    }
    const replicas = service.deploy?.replicas ?? service.scale;
    if (replicas !== undefined) {
      resources.minTasks = replicas;
      if (replicas > 10) resources.maxTasks = replicas;
      this.import(
        composeName,
        service.deploy?.replicas !== undefined ? 'deploy.replicas' : 'scale',
        replicas,
        'scale',
      );
    }

    this.mapEnvironment(composeName, service, workload, managedNames);

    const dependsOn = (service.depends_on ?? []).filter((dependency) => {
      if (managedNames.has(dependency)) {
        const choice = this.managed.find((entry) => entry.service === dependency);
        const settings = this.connectionSettings.get(composeName)?.get(dependency);
        this.warnings.push(
          `${composeName} depends on ${dependency}, which becomes ${choice?.replacement.name ?? 'a managed service'}: ${
            settings === undefined
              ? `point ${composeName}'s settings for ${dependency} (host, port, credentials) at it.`
              : `${composeName}'s settings that named ${dependency} (${settings.join(', ')}) are secrets now: set them to its endpoint and credentials.`
          }`,
        );
        return false;
      }
      return kept.has(dependency);
    });
    if (dependsOn.length > 0) {
      workload.dependsOn = dependsOn.map((dependency) => this.nameOf(dependency));
      this.import(composeName, 'depends_on', dependsOn.join(', '));
    }

    for (const key of Object.keys(service)) {
      if (key === 'x-berth') continue;
      const entry = this.catalogues.mapping.keys[key];
      if (entry?.handling === 'mapped') continue;
      if (key === 'deploy' || key === 'volumes') continue;
      this.ignore(composeName, key);
    }
    if (Object.keys(control).length > 0) workload.control = control;
    if (Object.keys(resources).length > 0) workload.resources = resources;
    return workload;
  }

  private protocolOf(port: PortMapping): string {
    if (port.protocol === 'udp') return 'udp';
    if (port.appProtocol === 'http' || port.appProtocol === 'https' || port.appProtocol === 'grpc')
      return port.appProtocol;
    return this.catalogues.mapping.httpPorts.includes(port.target) ? 'http' : 'tcp';
  }

  private mapPorts(composeName: string, service: ComposeService, workload: Record<string, unknown>): void {
    // Published ports first (the service is public when one is), each with the key and index it came from.
    const entries: [PortMapping, 'ports' | 'expose', number][] = [
      ...(service.ports ?? []).map((port, index): [PortMapping, 'ports', number] => [port, 'ports', index]),
      ...(service.expose ?? []).map((port, index): [PortMapping, 'expose', number] => [
        port,
        'expose',
        index,
      ]),
    ];
    const ordered = [
      ...entries.filter(([port]) => port.published !== undefined),
      ...entries.filter(([port]) => port.published === undefined),
    ];
    const [first, ...others] = ordered;
    if (first === undefined) {
      workload.workloadType = 'worker';
      workload.trigger = { type: 'none' };
      this.imported.push({
        service: composeName,
        field: 'ports',
        value: '(none)',
        meaning: 'No port: a worker that runs continuously, fed by no queue (trigger.type none).',
      });
      return;
    }
    const [port, key, index] = first;
    const protocol = this.protocolOf(port);
    workload.workloadType = 'web';
    workload.containerPort = port.target;
    workload.traffic = { protocol, exposure: port.published === undefined ? 'private' : 'public' };
    this.import(composeName, `${key}[${index}]`, `${port.target}/${port.protocol} as ${protocol}`, key);
    for (const [other, otherKey, otherIndex] of others)
      this.ignore(
        composeName,
        `${otherKey}[${otherIndex}]`,
        `Berth designs one listener per service for now (traffic.ports is not built): port ${other.target}/${other.protocol} gets no listener; the service's first port is ${port.target}.`,
      );
  }

  private mapVolumes(
    composeName: string,
    service: ComposeService,
    workload: Record<string, unknown>,
    control: Record<string, unknown>,
    stateful: boolean,
  ): void {
    for (const [index, mount] of (service.volumes ?? []).entries()) {
      const field = `volumes[${index}]`;
      if (mount.type === 'bind' && mount.source === DOCKER_SOCKET) {
        control.level = 'full';
        this.imported.push({
          service: composeName,
          field,
          value: DOCKER_SOCKET,
          meaning:
            "The Docker socket: the container drives the host's container runtime, so it needs hosts the team runs (control.level full); ECS and EKS hosts run containerd or the ECS agent, not always Docker.",
        });
        continue;
      }
      if (mount.type === 'bind') {
        this.ignore(
          composeName,
          field,
          `A host path (${mount.source ?? ''}) cannot exist on Fargate and is not the same on every EC2 host: bake the files into the image, or use a named volume.`,
        );
        continue;
      }
      if (mount.type !== 'volume' || mount.source === undefined) {
        this.ignore(
          composeName,
          field,
          "Scratch space that lives and dies with the container: the task's ephemeral storage serves it.",
        );
        continue;
      }
      if (workload.persistence !== undefined) {
        this.ignore(
          composeName,
          field,
          'The service already has persistent storage from an earlier volume: Berth designs one per service.',
        );
        continue;
      }
      const source = mount.source;
      const users = Object.entries(this.file.services).filter(([, other]) =>
        (other.volumes ?? []).some((entry) => entry.type === 'volume' && entry.source === source),
      );
      const shared = users.length > 1 || stateful;
      workload.persistence = { type: shared ? 'shared-file' : 'block' };
      this.import(composeName, field, `${source}:${mount.target}`, 'volumes');
      if (stateful && users.length === 1)
        this.warnings.push(
          `${composeName} keeps a stateful container: its volume ${source} is designed as Amazon EFS, not ECS-managed EBS, which creates a new volume for every task and so loses the data at every deploy.`,
        );
    }
  }

  private mapEnvironment(
    composeName: string,
    service: ComposeService,
    workload: Record<string, unknown>,
    managedNames: ReadonlySet<string>,
  ): void {
    const environment: Record<string, string> = {};
    const connectionSecrets: string[] = [];
    for (const { name, value } of service.environment ?? []) {
      if (value === null) {
        this.ignore(
          composeName,
          `environment.${name}`,
          'No value in the file (Compose takes it from the shell): give it in variables or in the request.',
        );
        continue;
      }
      if (!ENVIRONMENT_VARIABLE_NAME_PATTERN.test(name)) {
        this.ignore(
          composeName,
          `environment.${name}`,
          'Not a POSIX variable name (letters, digits and underscores), the only names every platform Berth designs for accepts (App Runner among them): set it in the task definition or pod spec yourself, or give it to the application another way.',
        );
        continue;
      }
      const managed = managedHostIn(value, managedNames);
      if (managed !== undefined) {
        // The container it names is not deployed: the setting must point at the managed service, whose
        // endpoint (and credentials) only exist once it does, so it becomes a secret the user fills in.
        connectionSecrets.push(name);
        const named = this.connectionSettings.get(composeName) ?? new Map<string, string[]>();
        named.set(managed, [...(named.get(managed) ?? []), name]);
        this.connectionSettings.set(composeName, named);
        const choice = this.managed.find((entry) => entry.service === managed);
        // The value is not repeated: a connection string may hold credentials.
        this.imported.push({
          service: composeName,
          field: `environment.${name}`,
          value: managed,
          meaning: `${managed} becomes ${choice?.replacement.name ?? 'a managed service'}: ${name} is a Secrets Manager secret with a placeholder, to set to its endpoint (and credentials) in the form the file gave; its value is never written into a starter file.`,
        });
        continue;
      }
      environment[name] = value;
    }
    if (Object.keys(environment).length > 0) {
      workload.environment = environment;
      // Names only: a value may be a secret until the advisor has moved it.
      this.import(composeName, 'environment', Object.keys(environment).join(', '));
    }
    const secrets = (service.secrets ?? []).map((entry) => {
      const name = typeof entry === 'string' ? entry : (entry.target ?? entry.source);
      return name.replace(/[^A-Za-z0-9_]/g, '_').toUpperCase();
    });
    if (secrets.length + connectionSecrets.length > 0) {
      workload.secrets = [...new Set([...connectionSecrets, ...secrets])].map((name) => ({ name }));
      if (secrets.length > 0) this.import(composeName, 'secrets', secrets.join(', '));
    }
  }
}

/**
 * The managed service an environment value points at, when it names one of their containers as a host:
 * the name alone (`db`), with a port (`db:5432`), or as a URL's host (`postgres://app:pw@db:5432/shop`,
 * `redis://cache`). Compose's network resolves a service's name; on AWS that container is not deployed.
 */
function managedHostIn(value: string, managedNames: ReadonlySet<string>): string | undefined {
  const hostAndPort = /^([A-Za-z0-9_.-]+)(?::\d+)?$/.exec(value);
  if (hostAndPort?.[1] !== undefined && managedNames.has(hostAndPort[1])) return hostAndPort[1];
  const url = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^:/?#]+)/.exec(value);
  if (url?.[1] !== undefined && managedNames.has(url[1])) return url[1];
  return undefined;
}
