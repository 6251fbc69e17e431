import type { Parsed } from './compose-ports';

/**
 * A service's `volumes` entry, short or long syntax
 * (https://docs.docker.com/reference/compose-file/services/#volumes): `"data:/var/lib/mysql"` (a named
 * volume), `"./site:/usr/share/nginx/html:ro"` (a bind mount of a host path), `"/cache"` (an anonymous
 * volume), or `{ type, source, target, read_only }`.
 */
export interface VolumeMount {
  type: 'volume' | 'bind' | 'tmpfs' | 'npipe' | 'cluster' | 'image';
  /** The named volume or host path; absent for an anonymous volume or a tmpfs. */
  source?: string;
  target: string;
  readOnly: boolean;
}

// A bind mount's propagation (rslave and the rest) is one of its modes too, as Docker's `-v` takes it:
// node-exporter's documented Compose file mounts `/:/host:ro,rslave`.
const MODES = new Set([
  'ro',
  'rw',
  'z',
  'Z',
  'cached',
  'delegated',
  'consistent',
  'nocopy',
  'shared',
  'rshared',
  'slave',
  'rslave',
  'private',
  'rprivate',
]);

/** A host path, as Compose tells one from a volume name: absolute, relative or from the home directory. */
export function isHostPath(source: string): boolean {
  return /^(\/|\.|~|[A-Za-z]:[\\/])/.test(source);
}

export function parseVolumeEntry(entry: string): Parsed<VolumeMount> {
  const parts = entry.split(':');
  const [first = '', second, third, ...extra] = parts;
  if (extra.length > 0 || first === '')
    return { ok: false, message: `"${entry}" is not a volume ([SOURCE:]TARGET[:MODE])` };
  if (second === undefined) return { ok: true, value: { type: 'volume', target: first, readOnly: false } };
  const modes = third === undefined ? [] : third.split(',');
  const unknownMode = modes.find((mode) => !MODES.has(mode));
  if (unknownMode !== undefined)
    return {
      ok: false,
      message: `"${entry}" has access mode "${unknownMode}": use ro or rw (with z or Z, a propagation such as rslave, or nocopy)`,
    };
  if (!second.startsWith('/'))
    return { ok: false, message: `"${entry}" mounts at "${second}", which is not an absolute path` };
  return {
    ok: true,
    value: {
      type: isHostPath(first) ? 'bind' : 'volume',
      source: first,
      target: second,
      readOnly: modes.includes('ro'),
    },
  };
}
