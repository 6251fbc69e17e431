import { z } from 'zod';

/**
 * Containers better replaced by an AWS managed service (rules/catalogue/managed-services.json): the images
 * each service replaces, why, and the AWS page that says so. An application's database, cache or broker
 * in a container loses its data with its task unless someone builds what the managed service already is.
 */
const managedServiceSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: z.string().min(3),
  kind: z.enum([
    'relational-database',
    'document-database',
    'wide-column-database',
    'cache',
    'message-broker',
    'event-stream',
    'search',
    'object-storage',
  ]),
  /** Repository names without tag or digest: Docker Hub's official images by their short name. */
  images: z.array(z.string().regex(/^[a-z0-9][a-z0-9._/-]*$/)).min(1),
  /** The port clients of the managed service connect to. */
  port: z.int().min(1).max(65_535),
  reason: z.string().min(20),
  source: z.url(),
  alternatives: z.array(z.strictObject({ id: z.string(), name: z.string(), source: z.url() })),
  /**
   * Versions beyond which the service no longer runs an image's software (OpenSearch Service runs
   * Elasticsearch only up to 7.10): a container of such an image with a later tag, or a tag that is no
   * version, is kept, with the reason.
   */
  versionLimits: z
    .array(
      z.strictObject({
        images: z.array(z.string().regex(/^[a-z0-9][a-z0-9._/-]*$/)).min(1),
        upTo: z.string().regex(/^\d+(\.\d+)*$/),
        reason: z.string().min(20),
      }),
    )
    .optional(),
  /**
   * Images of parts the managed service runs itself (Kafka's ZooKeeper under Amazon MSK): a container of
   * one goes with the service it replaces when the file has one, instead of being designed on its own.
   */
  companions: z
    .array(
      z.strictObject({
        images: z.array(z.string().regex(/^[a-z0-9][a-z0-9._/-]*$/)).min(1),
        reason: z.string().min(20),
        source: z.url(),
      }),
    )
    .optional(),
});

export const managedServiceCatalogueSchema = z
  .strictObject({
    description: z.string(),
    asOf: z.iso.date(),
    services: z.array(managedServiceSchema).min(1),
  })
  .superRefine((catalogue, context) => {
    const owner = new Map<string, string>();
    for (const [index, service] of catalogue.services.entries()) {
      for (const image of service.images) {
        const earlier = owner.get(image);
        if (earlier !== undefined)
          context.addIssue({
            code: 'custom',
            path: ['services', index, 'images'],
            message: `lists ${image}, which ${earlier} already replaces: an image has one replacement`,
          });
        owner.set(image, service.id);
      }
    }
  });

export type ManagedServiceCatalogue = z.output<typeof managedServiceCatalogueSchema>;
export type ManagedService = ManagedServiceCatalogue['services'][number];

/**
 * The repository an image reference names, as the catalogue lists it: no tag or digest, lowercase, and for
 * Docker Hub without its registry and `library/` (so `docker.io/library/postgres:16-alpine` is `postgres`).
 */
export function imageRepository(image: string): string {
  const withoutDigest = image.trim().toLowerCase().split('@')[0] ?? '';
  const lastSlash = withoutDigest.lastIndexOf('/');
  const tagColon = withoutDigest.indexOf(':', lastSlash + 1);
  const repository = tagColon < 0 ? withoutDigest : withoutDigest.slice(0, tagColon);
  return repository
    .replace(/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '')
    .replace(/^library\//, '');
}

/** The managed service that runs a part (a companion) of this image itself, with why, if one does. */
export function managedServiceRunningImage(
  catalogue: ManagedServiceCatalogue,
  image: string,
): { service: ManagedService; reason: string; source: string } | undefined {
  const repository = imageRepository(image);
  for (const service of catalogue.services)
    for (const companion of service.companions ?? [])
      if (companion.images.includes(repository))
        return { service, reason: companion.reason, source: companion.source };
  return undefined;
}

/** The managed service that replaces a container of this image, if the catalogue names one. */
export function managedServiceForImage(
  catalogue: ManagedServiceCatalogue,
  image: string,
): ManagedService | undefined {
  const repository = imageRepository(image);
  return catalogue.services.find((service) => service.images.includes(repository));
}

/**
 * Why the managed service that would replace this image cannot run its version, when its catalogue entry
 * bounds the versions and the image's tag is past the bound or names no version (`latest`, no tag).
 */
export function versionBeyondManagedService(service: ManagedService, image: string): string | undefined {
  const repository = imageRepository(image);
  const limit = service.versionLimits?.find((entry) => entry.images.includes(repository));
  if (limit === undefined) return undefined;
  const version = /^v?(\d+(?:\.\d+)*)/.exec(imageTag(image) ?? '')?.[1];
  if (version !== undefined && compareVersions(version, limit.upTo) <= 0) return undefined;
  return limit.reason;
}

/** The tag of an image reference (`8.14.3` of `docker.elastic.co/elasticsearch/elasticsearch:8.14.3`). */
function imageTag(image: string): string | undefined {
  const withoutDigest = image.trim().split('@')[0] ?? '';
  const tagColon = withoutDigest.indexOf(':', withoutDigest.lastIndexOf('/') + 1);
  return tagColon < 0 ? undefined : withoutDigest.slice(tagColon + 1);
}

/** Dotted versions compared by their numbers, only as far as the shorter one goes (7.10.2 is within 7.10). */
function compareVersions(version: string, bound: string): number {
  const [a, b] = [version.split('.').map(Number), bound.split('.').map(Number)];
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
