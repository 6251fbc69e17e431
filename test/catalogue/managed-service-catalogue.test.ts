import {
  imageRepository,
  managedServiceForImage,
  managedServiceRunningImage,
  versionBeyondManagedService,
} from '../../src/catalogue/managed-service-catalogue';
import { loadRuleSet } from '../../src/engine/rule-set';
import { RULES_DIR } from '../../src/project-paths';

const { managedServices } = loadRuleSet(RULES_DIR);

describe('the managed-service catalogue', () => {
  it.each([
    { image: 'postgres', want: 'postgres' },
    { image: 'postgres:16-alpine', want: 'postgres' },
    { image: 'docker.io/library/postgres:16', want: 'postgres' },
    { image: 'library/mysql:8.4@sha256:0123abcd', want: 'mysql' },
    { image: 'Bitnami/Redis:7.2', want: 'bitnami/redis' },
    { image: 'quay.io/minio/minio:RELEASE.2026-01-01T00-00-00Z', want: 'quay.io/minio/minio' },
    { image: 'localhost:5000/shop/api:1.0', want: 'localhost:5000/shop/api' },
  ])('reads $image as the repository $want', ({ image, want }) => {
    expect(imageRepository(image)).toBe(want);
  });

  it.each([
    { image: 'postgres:16', want: 'amazon-rds-postgresql' },
    { image: 'mysql:8.4', want: 'amazon-rds-mysql' },
    { image: 'mariadb:10.5', want: 'amazon-rds-mariadb' },
    { image: 'mongo:7', want: 'amazon-documentdb' },
    { image: 'redis:7-alpine', want: 'amazon-elasticache-valkey' },
    { image: 'valkey/valkey:8', want: 'amazon-elasticache-valkey' },
    { image: 'memcached:1.6', want: 'amazon-elasticache-memcached' },
    { image: 'rabbitmq:3-management', want: 'amazon-mq-rabbitmq' },
    { image: 'bitnami/kafka:3.7', want: 'amazon-msk' },
    { image: 'docker.elastic.co/elasticsearch/elasticsearch:8.15.0', want: 'amazon-opensearch-service' },
    { image: 'opensearchproject/opensearch:2', want: 'amazon-opensearch-service' },
    { image: 'minio/minio', want: 'amazon-s3' },
    { image: 'cassandra:5', want: 'amazon-keyspaces' },
  ])('replaces $image with $want', ({ image, want }) => {
    expect(managedServiceForImage(managedServices, image)?.id).toBe(want);
  });

  it.each([
    'nginx:1.27',
    'ghcr.io/acme/orders-api:2.3',
    'postgres-exporter',
    'prom/prometheus',
    'myorg/postgres',
  ])('keeps %s as a container', (image) => {
    expect(managedServiceForImage(managedServices, image)).toBeUndefined();
  });

  it('gives every replacement a reason and an AWS source', () => {
    for (const service of managedServices.services) {
      expect(service.reason.length).toBeGreaterThan(40);
      expect(new URL(service.source).hostname).toBe('docs.aws.amazon.com');
    }
  });

  it.each([
    { image: 'elasticsearch:7.10.2', kept: false },
    { image: 'docker.elastic.co/elasticsearch/elasticsearch:7.9.3', kept: false },
    { image: 'elasticsearch:7.17.0', kept: true },
    { image: 'docker.elastic.co/elasticsearch/elasticsearch:8.14.3', kept: true },
    { image: 'elasticsearch', kept: true },
    { image: 'elasticsearch:latest', kept: true },
    { image: 'opensearchproject/opensearch:2.15.0', kept: false },
  ])(
    'keeps $image as a container when OpenSearch Service cannot run its version: $kept',
    ({ image, kept }) => {
      const service = managedServiceForImage(managedServices, image);
      expect(service?.id).toBe('amazon-opensearch-service');
      if (service === undefined) return;
      expect(versionBeyondManagedService(service, image) !== undefined).toBe(kept);
    },
  );

  it('knows ZooKeeper as a part Amazon MSK runs itself, and nothing else as one', () => {
    expect(managedServiceRunningImage(managedServices, 'confluentinc/cp-zookeeper:7.6.1')?.service.id).toBe(
      'amazon-msk',
    );
    expect(managedServiceRunningImage(managedServices, 'nginx:1.27')).toBeUndefined();
  });
});
