// The module boundaries of issue 14, checked by `npm run boundaries` (also in .ci/run).
// Today's violations are recorded in .dependency-cruiser-known-violations.json: CI fails on any
// violation not in that file, so the baseline can only shrink (decision 038).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-deep-import-between-modules',
      severity: 'error',
      comment:
        'A module reaches another only through its front door (src/modules/<m>/index.ts): ' +
        'a facade or read port, its DTO types and its exception.',
      from: { path: '^src/modules/([^/]+)/' },
      to: {
        path: '^src/modules/[^/]+/',
        pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index[.]ts$'],
      },
    },
    {
      name: 'entities-private-to-their-module',
      severity: 'error',
      comment: 'An entity is its module’s table: other modules keep ids, never the entity.',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/[^/]+/.+[.]entity[.]ts$', pathNot: '^src/modules/$1/' },
    },
    {
      name: 'no-cycle-between-modules',
      severity: 'error',
      comment:
        'The modules form a graph without cycles (measured on the folders src/modules/<m>: ' +
        'every file of a module, its dto/ included, counts as the module).',
      scope: 'folder',
      from: { path: '^src/modules/[^/]+$' },
      to: { path: '^src/modules/[^/]+$', circular: true },
    },
    {
      name: 'common-never-imports-a-module',
      severity: 'error',
      comment: 'src/common is below the modules: it may not know any of them.',
      from: { path: '^src/common/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'web-reaches-the-service-only-through-its-client',
      severity: 'error',
      comment: 'web/ may import from src/ only the generated API client and the offline verifier.',
      from: { path: '^web/' },
      to: { path: '^src/', pathNot: '^src/(api-client|verifier)/' },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules'] },
    exclude: { path: ['(^|/)node_modules/', '^dist/', '^web/dist/'] },
    // type-only imports are dependencies too: an entity imported for its type is still a deep import
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // folder metrics are what the module-level cycle rule is computed on
    metrics: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: {
      dot: { collapsePattern: '^src/modules/[^/]+|^src/[^/]+|^web/src/[^/]+' },
    },
  },
};
