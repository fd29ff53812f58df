/**
 * The house rules for imports (docs/architecture.md), checked by `npm run deps:check` in CI:
 *   core < db < http              the shared layers (http/web: the page shell); each imports only those below
 *   features                      everything else under src/; another feature only through its index.ts
 *                                 (composition also through composition.ts: routers, pages, registries)
 *   server, cli, jobs             composition: they wire the rest together, and nothing imports them
 * Folder-level cycles (feature A imports B, B imports A, through any files) are found by
 * scripts/deps/check.ts from this cruise, since a rule sees one file at a time.
 */
const { existsSync } = require('node:fs');

const SHARED = '^src/(core|db|http|types)/';
const COMPOSITION = '^src/(server|cli|jobs)/';

/** Each shared layer and what it may import besides itself and node_modules. */
const LAYERS = [
  ['core', []],
  ['db', ['core']],
  ['http', ['core', 'db']],
];

module.exports = {
  forbidden: [
    {
      name: 'no-import-of-composition',
      comment: 'server/, cli/ and jobs/ wire the app together; features and shared layers never import them',
      severity: 'error',
      from: { path: '^src/', pathNot: COMPOSITION },
      to: { path: COMPOSITION },
    },
    ...LAYERS.map(([layer, below]) => ({
      name: `${layer}-imports-only-below`,
      comment: `src/${layer}/ is a shared layer: it may import ${below.length ? below.join(', ') : 'nothing else in src'}`,
      severity: 'error',
      from: { path: `^src/${layer}/` },
      to: { path: '^src/', pathNot: `^src/(${[layer, 'types', ...below].join('|')})/` },
    })),
    {
      name: 'no-deep-import',
      comment: "another feature's files are its own: import its index.ts",
      severity: 'error',
      from: { path: '^src/([^/]+)/', pathNot: COMPOSITION },
      to: {
        path: '^src/[^/]+/',
        pathNot: ['^src/$1/', SHARED, '^src/[^/]+/index\\.tsx?$'],
      },
    },
    {
      name: 'no-deep-import',
      comment: "composition wires a feature through its index.ts and its composition.ts (routers, pages), nothing deeper",
      severity: 'error',
      from: { path: '^src/([^/]+)/', pathNot: '^src/(?!(server|cli|jobs)/)' },
      to: {
        path: '^src/[^/]+/',
        pathNot: ['^src/$1/', SHARED, '^src/[^/]+/(index|composition)\\.tsx?$'],
      },
    },
    {
      name: 'no-circular',
      comment: 'a file that ends up importing itself',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.tsx?$' },
    includeOnly: '^src/',
    tsPreCompilationDeps: true,
    ...(existsSync('tsconfig.json') ? { tsConfig: { fileName: 'tsconfig.json' } } : {}),
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
