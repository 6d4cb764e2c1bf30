#!/usr/bin/env node
// `npm start`: builds the web app when its sources are newer than the last build,
// then runs every role of Pictor in this one process.
import { join } from 'node:path';
import { buildWebIfNeeded } from './build-web.mjs';

const root = new URL('..', import.meta.url).pathname;
try {
  buildWebIfNeeded();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

// Run the server in this same process so SIGTERM reaches it directly.
const { register } = await import('tsx/esm/api');
register();
await import(join(root, 'apps/server/src/main/all.ts'));
