import YAML from 'yaml';
import type { DescribedFile, StarterFile } from './starter-file';

/**
 * Every config file is an object serialized by a library, never glued together from strings, so no value
 * from the request (a bucket, a prefix, an image) can break out of its place in the file.
 */
export function jsonFile(path: string, value: object, description: string): DescribedFile {
  return { path, mediaType: 'application/json', content: `${JSON.stringify(value, null, 2)}\n`, description };
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
  const content = values.map((value) => toYamlDocument(value)).join('');
  return { path, mediaType: 'application/yaml', content, description };
}

export function markdownFile(path: string, lines: readonly string[]): StarterFile {
  return { path, mediaType: 'text/markdown', content: `${lines.join('\n')}\n` };
}

function toYamlDocument(value: object): string {
  // Shared sub-objects (the same resources for requests and limits) must be written out in full, not as
  // YAML anchors and aliases, which some Kubernetes tooling rejects and people find hard to read.
  const document = new YAML.Document(value, { aliasDuplicateObjects: false });
  return document.toString({ directives: true, lineWidth: 0 });
}
