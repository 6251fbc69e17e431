import type { StarterFile } from '../../src/generators/starter-config';

/** The tools, none written here, that check the starter files. */
export type StarterFileCheck =
  | 'botocore shapes'
  | 'kubernetes-models'
  | 'eksctl schema'
  | 'cfn-lint and moto'
  | 'fast-xml-parser and diagrams.net structure'
  | 'mermaid parser'
  | 'read by people';

interface FileCheck {
  path: RegExp;
  check: StarterFileCheck;
  /** Where the check runs, or why a file has none. */
  how: string;
}

/**
 * Which tool checks each starter file, by path; the first match wins. A file no entry matches fails
 * test/generators/starter-files-are-checked.test.ts, so a new kind of file cannot ship unchecked.
 */
export const STARTER_FILE_CHECKS: readonly FileCheck[] = [
  {
    path: /^cloudformation\/template\.yaml$/,
    check: 'cfn-lint and moto',
    how: 'test/cloudformation/cfn-lint.test.ts lints it; test/cloudformation/moto-deploy.test.ts creates it on moto',
  },
  {
    path: /^eks\/cluster\.yaml$/,
    check: 'eksctl schema',
    how: "scripts/validate-eksctl-configs.ts checks it against eksctl's JSON schema (a step of .ci/run)",
  },
  {
    path: /^eks\/[^/]+\.yaml$/,
    check: 'kubernetes-models',
    how: 'test/generators/kubernetes-objects.test.ts validates every document with its kubernetes-models model',
  },
  {
    path: /\.json$/,
    check: 'botocore shapes',
    how: "test/generators/aws-api-shapes.test.ts checks each request against botocore's model of its operation",
  },
  {
    path: /^architecture\.drawio$/,
    check: 'fast-xml-parser and diagrams.net structure',
    how: "test/generators/architecture-diagrams.test.ts validates the XML with fast-xml-parser, its mxGraphModel's cells and every mxgraph.aws4 shape against the diagrams.net palette",
  },
  {
    path: /^architecture\.md$/,
    check: 'mermaid parser',
    how: "test/generators/architecture-diagrams.test.ts parses its flowchart with mermaid's own parser in headless Chromium",
  },
  {
    path: /^README\.md$/,
    check: 'read by people',
    how: 'prose: the steps that tie the other files together',
  },
];

/** The check of a starter file's path, or undefined when no entry names it. */
export function checkOf(path: string): StarterFileCheck | undefined {
  return STARTER_FILE_CHECKS.find((entry) => entry.path.test(path))?.check;
}

/** The files of a starter configuration that the given tool checks. */
export function filesCheckedBy(check: StarterFileCheck, files: readonly StarterFile[]): StarterFile[] {
  return files.filter((file) => checkOf(file.path) === check);
}
