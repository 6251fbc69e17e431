const { availableParallelism } = require('node:os');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // The process tests run the compiled server and CLI: this compiles dist/ first when the sources are newer.
  globalSetup: '<rootDir>/test/support/built-tree.ts',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  // Most tests take milliseconds; this bounds the ones that start processes when other work shares the cores.
  testTimeout: 120_000,
  // Jest's default, one worker fewer than the cores, runs a 2-core machine's suites one at a time, in the
  // main process; the slow suites wait on cfn-lint, python and servers, so two workers keep both cores busy.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  // The slow suites start first, so a clean clone's run does not end with one of them running alone.
  testSequencer: '<rootDir>/test/support/slow-suites-first.js',
};
