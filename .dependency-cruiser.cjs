/**
 * The dependency rules of DESIGN.md, checked in CI (npm run lint).
 * Modules talk to each other only through public.ts, in one direction.
 */
const MODULE_ORDER = {
  accounts: [],
  media: ['accounts'],
  graph: ['accounts'],
  posts: ['accounts', 'media', 'graph'],
  interactions: ['accounts', 'media', 'graph', 'posts'],
  feed: ['accounts', 'media', 'graph', 'posts', 'interactions'],
  explore: ['accounts', 'media', 'graph', 'posts', 'interactions', 'feed'],
  stories: ['accounts', 'media', 'graph'],
  messaging: ['accounts', 'media', 'graph'],
  search: ['accounts', 'graph', 'posts'],
  notifications: ['accounts', 'graph'],
};

const moduleRules = Object.entries(MODULE_ORDER).map(([name, allowed]) => ({
  name: `module-order-${name}`,
  comment: `${name} may import only ${allowed.join(', ') || 'no other module'} (DESIGN.md one-way graph)`,
  severity: 'error',
  from: { path: `^apps/server/src/modules/${name}/` },
  to: {
    path: '^apps/server/src/modules/([^/]+)/',
    pathNot: [`^apps/server/src/modules/${name}/`, ...allowed.map((a) => `^apps/server/src/modules/${a}/`)],
  },
}));

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'modules-use-public-entry',
      comment: 'Another module is reached only through its public.ts',
      severity: 'error',
      from: { path: '^apps/server/src/modules/([^/]+)/' },
      to: { path: '^apps/server/src/modules/([^/]+)/', pathNot: ['^apps/server/src/modules/$1/', '/public\\.ts$'] },
    },
    {
      name: 'modules-never-import-adapters',
      severity: 'error',
      from: { path: '^apps/server/src/(modules|platform)/' },
      to: { path: '^apps/server/src/(adapters|main|config)/' },
    },
    {
      name: 'modules-never-import-engine-sdks',
      comment: 'Engines are reached through ports; platform is shared by modules, so the same holds there',
      severity: 'error',
      from: { path: '^apps/server/src/(modules|platform)/' },
      to: { dependencyTypes: ['npm'], path: 'node_modules/(better-sqlite3|sharp|@node-rs|@zxcvbn-ts|cassandra-driver|ioredis|redis|kafkajs|neo4j-driver|@aws-sdk|fluent-ffmpeg|pino|fastify-plugin)/' },
    },
    {
      name: 'adapters-never-call-services',
      severity: 'error',
      from: { path: '^apps/server/src/adapters/' },
      to: { path: '^apps/server/src/(modules/.+\\.service\\.ts|main/)' },
    },
    {
      name: 'nothing-imports-main',
      severity: 'error',
      from: { path: '^apps/server/src/', pathNot: '^apps/server/src/main/' },
      to: { path: '^apps/server/src/main/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
