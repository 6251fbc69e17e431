/**
 * The folder rules of Berth's architecture, checked by `npm run lint:deps` (and CI):
 *
 *   app.ts, server.ts            compose the HTTP app and start it
 *   http/, clients/              the API and the CLI/MCP clients; clients may use http's problem documents
 *   advice/                      the application layer: wires engine, cost and generators, assembles answers
 *   engine/, cost/, generators/  the rules engine, the cost estimates, the starter configuration
 *   design/                      the rule event types (one module each) and the design they fold into
 *   diagram/                     the architecture diagram of an answer, drawn from its contract types
 *   catalogue/, contract/, shared/  what the rules know, the API contract, helpers for JSON values
 */
const LOWER_LAYERS_MAY_NOT_REACH = '^src/(advice|http|clients)/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A module never depends on itself through others.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-circular-folders',
      severity: 'error',
      comment: 'Folder dependencies point one way: no folder depends on itself through others.',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'foundation-stands-alone',
      severity: 'error',
      comment: 'catalogue, contract and shared are the bottom layer: they import only each other.',
      from: { path: '^src/(catalogue|contract|shared)/' },
      to: { path: '^src/(design|engine|cost|generators|advice|http|clients|observability)/' },
    },
    {
      name: 'design-is-the-rules-vocabulary',
      severity: 'error',
      comment:
        'design/ (the rule event table and the design step) sits below the engine, which reads its table.',
      from: { path: '^src/design/' },
      to: { path: '^src/(engine|cost|generators|advice|http|clients)/' },
    },
    {
      name: 'engine-is-the-rules-engine',
      severity: 'error',
      comment: 'engine/ loads, checks and runs rules and scores platforms; it composes nothing.',
      from: { path: '^src/engine/' },
      to: { path: '^src/(cost|generators|advice|http|clients)/' },
    },
    {
      name: 'engine-reads-the-event-table-not-the-design-step',
      severity: 'error',
      comment:
        "The engine validates and resolves events; folding them into the design is the application layer's call.",
      from: { path: '^src/engine/' },
      to: { path: '^src/design/(design|design-draft)\\.ts$' },
    },
    {
      name: 'services-do-not-compose',
      severity: 'error',
      comment: 'cost/ and generators/ are used by the application layer, never the other way round.',
      from: { path: '^src/(cost|generators)/' },
      to: { path: LOWER_LAYERS_MAY_NOT_REACH },
    },
    {
      name: 'cost-and-generators-are-independent',
      severity: 'error',
      comment: 'What both need (platforms, instance types, prices) lives in catalogue/.',
      from: { path: '^src/(cost|generators)/' },
      to: { path: '^src/(cost|generators)/', pathNot: '^src/$1/' },
    },
    {
      name: 'generators-see-only-the-facts-type',
      severity: 'error',
      comment: 'Generators read the design and the facts; of the engine they know only the Facts type.',
      from: { path: '^src/generators/' },
      to: { path: '^src/engine/', pathNot: '^src/engine/facts\\.ts$' },
    },
    {
      name: 'generators-import-engine-types-only',
      severity: 'error',
      comment: 'Generators never run engine code.',
      from: { path: '^src/generators/' },
      to: { path: '^src/engine/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'entry-points-use-the-application-layer',
      severity: 'error',
      comment:
        'http/ and clients/ go through advice/; of the engine they see only the rule set (its type and load error).',
      from: { path: '^src/(http|clients)/' },
      to: { path: '^src/(design|cost|generators|engine)/', pathNot: '^src/engine/rule-set\\.ts$' },
    },
    {
      name: 'diagram-draws-the-answer',
      comment: 'diagram/ draws an answer (the contract types) and knows nothing of how the answer was made.',
      severity: 'error',
      from: { path: '^src/diagram/' },
      to: { path: '^src/(design|engine|cost|generators|advice|http|clients|observability)/' },
    },
    {
      name: 'http-does-not-import-clients',
      severity: 'error',
      comment:
        'Clients may use the HTTP layer (problem documents, middleware); the HTTP layer never imports a client.',
      from: { path: '^src/http/' },
      to: { path: '^src/clients/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
