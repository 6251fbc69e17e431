import { dump } from 'js-yaml';
import { type DescribedFile, lazyFile, type StarterFile } from './starter-file';

/**
 * Every config file is an object serialized by a library, never glued together from strings, so no value
 * from the request (a bucket, a prefix, an image) can break out of its place in the file.
 */
export function jsonFile(path: string, value: object, description: string): DescribedFile {
  return withDescription(
    lazyFile({ path, mediaType: 'application/json' }, () => `${JSON.stringify(value, null, 2)}\n`),
    description,
  );
}

export function yamlFile(path: string, value: object, description: string): DescribedFile {
  return yamlDocumentsFile(path, [value], description);
}

/** Several YAML documents in one file, each opened by its own `---` marker (kubectl apply -f reads them all). */
export function yamlDocumentsFile(
  path: string,
  values: readonly object[],
  description: string,
): DescribedFile {
  return withDescription(
    lazyFile({ path, mediaType: 'application/yaml' }, () =>
      values.map((value) => toYamlDocument(value)).join(''),
    ),
    description,
  );
}

export function markdownFile(path: string, lines: readonly string[]): StarterFile {
  return lazyFile({ path, mediaType: 'text/markdown' }, () => `${lines.join('\n')}\n`);
}

/** The file with its description (for the README) after its content, as every described file has it. */
export function withDescription(file: StarterFile, description: string): DescribedFile {
  return Object.assign(file, { description });
}

/**
 * One YAML document, without a document marker. js-yaml's default dump schema quotes every string that YAML
 * 1.1 or 1.2 would read as something else (`on`, `yes`, `y`, `null`, `~`, `0755`, `1e3`, `2010-09-09`), so
 * CloudFormation (PyYAML, YAML 1.1) and Kubernetes (go-yaml) read back the strings they were given. Shared
 * sub-objects (the same resources for requests and limits) are written out in full, not as anchors and
 * aliases, which some Kubernetes tooling rejects and people find hard to read; long strings stay on one line.
 */
export function toYaml(value: object): string {
  return dump(value, { noRefs: true, lineWidth: -1, quoteStyle: 'double' });
}

function toYamlDocument(value: object): string {
  return `---\n${toYaml(value)}`;
}
