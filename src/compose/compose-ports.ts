/**
 * A service's `ports` and `expose` entries, short or long syntax
 * (https://docs.docker.com/reference/compose-file/services/#ports): `"8080:80/udp"`, `"127.0.0.1:8080:80"`,
 * `"[::1]:6001:6001"`, `"3000-3005"`, `80`, or `{ target, published, protocol, host_ip, app_protocol }`.
 */
export interface PortMapping {
  /** The container port (the first of a range). */
  target: number;
  /** The last container port of a range such as "3000-3005". */
  targetEnd?: number;
  /** The host port or range, as written; absent when only the container port is given. */
  published?: string;
  protocol: 'tcp' | 'udp' | 'sctp';
  hostIp?: string;
  /** The long syntax's `app_protocol` (e.g. "http"), when given. */
  appProtocol?: string;
}

const PORT_OR_RANGE = /^(\d{1,5})(?:-(\d{1,5}))?$/;
const PROTOCOLS = ['tcp', 'udp', 'sctp'] as const;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** A short-syntax entry: "[HOST_IP:][PUBLISHED:]TARGET[/PROTOCOL]" or a bare number. */
export function parsePortEntry(entry: string | number): Parsed<PortMapping> {
  if (typeof entry === 'number') return containerPort(String(entry), 'tcp', {});
  const [address = '', protocolText, ...extra] = entry.trim().split('/');
  if (extra.length > 0) return notAPort(entry);
  const protocol = protocolText === undefined ? 'tcp' : PROTOCOLS.find((known) => known === protocolText);
  if (protocol === undefined)
    return { ok: false, message: `"${entry}" names protocol "${protocolText}": use tcp, udp or sctp` };
  const lastColon = address.lastIndexOf(':');
  if (lastColon < 0) return containerPort(address, protocol, {});
  const target = address.slice(lastColon + 1);
  const rest = address.slice(0, lastColon);
  const hostColon = rest.lastIndexOf(':');
  const published = hostColon < 0 ? rest : rest.slice(hostColon + 1);
  const hostIp = hostColon < 0 ? undefined : rest.slice(0, hostColon).replace(/^\[(.*)\]$/, '$1');
  if (published !== '' && !PORT_OR_RANGE.test(published)) return notAPort(entry);
  return containerPort(target, protocol, {
    ...(published === '' ? {} : { published }),
    ...(hostIp === undefined || hostIp === '' ? {} : { hostIp }),
  });
}

/** A long-syntax entry, already shaped by the schema. */
export function portFromLongSyntax(entry: {
  target: number;
  published?: string | number | undefined;
  protocol?: string | undefined;
  host_ip?: string | undefined;
  app_protocol?: string | undefined;
}): Parsed<PortMapping> {
  const protocol = PROTOCOLS.find((known) => known === (entry.protocol ?? 'tcp'));
  if (protocol === undefined)
    return { ok: false, message: `names protocol "${entry.protocol}": use tcp, udp or sctp` };
  const published = entry.published === undefined ? undefined : String(entry.published);
  if (published !== undefined && !PORT_OR_RANGE.test(published))
    return { ok: false, message: `has published "${published}", which is not a port or a range of ports` };
  return containerPort(String(entry.target), protocol, {
    ...(published === undefined ? {} : { published }),
    ...(entry.host_ip === undefined ? {} : { hostIp: entry.host_ip }),
    ...(entry.app_protocol === undefined ? {} : { appProtocol: entry.app_protocol }),
  });
}

function containerPort(
  text: string,
  protocol: PortMapping['protocol'],
  rest: Omit<PortMapping, 'target' | 'targetEnd' | 'protocol'>,
): Parsed<PortMapping> {
  const range = PORT_OR_RANGE.exec(text);
  const first = Number(range?.[1]);
  const last = range?.[2] === undefined ? undefined : Number(range[2]);
  if (range === null || !validPort(first) || (last !== undefined && (!validPort(last) || last < first)))
    return { ok: false, message: `"${text}" is not a container port (1-65535) or a range of them` };
  return {
    ok: true,
    value: { target: first, ...(last === undefined ? {} : { targetEnd: last }), protocol, ...rest },
  };
}

function validPort(port: number): boolean {
  return Number.isInteger(port) && port >= 1 && port <= 65_535;
}

function notAPort(entry: string): Parsed<PortMapping> {
  return { ok: false, message: `"${entry}" is not a port mapping ([HOST_IP:][PUBLISHED:]TARGET[/PROTOCOL])` };
}
