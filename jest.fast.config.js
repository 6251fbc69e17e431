const base = require('./jest.config');

/**
 * `npm run test:fast`: every suite but the ones that check the output with an outside tool, drive a
 * browser or rehearse a build, which take most of `npm test`'s time. `npm test`, what CI runs, runs them all.
 */
const OUTSIDE_TOOLS_AND_BUILDS = [
  // cfn-lint over about 270 templates
  '/test/cloudformation/cfn-lint\\.test\\.ts$',
  // moto_server: the templates deployed on it
  '/test/cloudformation/moto-deploy\\.test\\.ts$',
  // botocore's service models, through python
  '/test/generators/aws-api-shapes\\.test\\.ts$',
  // kubernetes-models, in a Node process of its own
  '/test/generators/kubernetes-objects\\.test\\.ts$',
  // mermaid's own parser in headless Chromium, over every starter configuration's diagram
  '/test/generators/architecture-diagrams\\.test\\.ts$',
  // the Dockerfile's steps: npm ci, the build and npm prune in a clean copy
  '/test/production/dockerfile\\.test\\.ts$',
  // Chromium, driving the workbench on two built servers
  '/test/browser/',
];

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testPathIgnorePatterns: ['/node_modules/', ...OUTSIDE_TOOLS_AND_BUILDS],
};
