// Builds apps/web when its dist is missing or older than its sources: shared by
// `npm start`, the browser tests and the web benchmark.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const WEB = join(ROOT, 'apps/web');

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

export function buildWebIfNeeded() {
  if (!existsSync(join(WEB, 'index.html'))) return;
  const built = join(WEB, 'dist/index.html');
  if (existsSync(built) && statSync(built).mtimeMs >= newest(WEB)) return;
  console.log('Building the web app…');
  const result = spawnSync('npm', ['run', 'build', '-w', '@pictor/web'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('web build failed');
}
