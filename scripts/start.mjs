#!/usr/bin/env node
// `npm start`: builds the web app when its sources are newer than the last build,
// then runs every role of Pictor in this one process.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const web = join(root, 'apps/web');

function newest(dir) {
  let latest = 0;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    const info = statSync(path);
    latest = Math.max(latest, info.isDirectory() ? newest(path) : info.mtimeMs);
  }
  return latest;
}

if (existsSync(join(web, 'package.json')) && existsSync(join(web, 'index.html'))) {
  const built = join(web, 'dist/index.html');
  if (!existsSync(built) || statSync(built).mtimeMs < newest(web)) {
    console.log('Building the web app…');
    const result = spawnSync('npm', ['run', 'build', '-w', '@pictor/web'], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}

// Run the server in this same process so SIGTERM reaches it directly.
const { register } = await import('tsx/esm/api');
register();
await import(join(root, 'apps/server/src/main/all.ts'));
