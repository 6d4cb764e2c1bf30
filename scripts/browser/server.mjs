// Starts a throwaway Pictor (fresh data dir, free port on 127.0.0.1) for browser tests and benchmarks.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = new URL('../..', import.meta.url).pathname;
export { buildWebIfNeeded } from '../build-web.mjs';

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

export async function startServer() {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'pictor-browser-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main/all.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PICTOR_DATA_DIR: dataDir,
      PICTOR_LOG_LEVEL: 'warn',
      PICTOR_LIMIT_SIGNUP_ADDRESS: '1000/60',
      PICTOR_LIMIT_WRITES_USER: '100000/60',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    // A server that never came up still leaves nothing behind: no process, no data dir.
    if (child.exitCode !== null || Date.now() > deadline) {
      const why = child.exitCode !== null ? `server exited with ${child.exitCode}` : 'server did not start within 60 s';
      await stop(child, dataDir);
      throw new Error(why);
    }
    try {
      const response = await fetch(`${url}/api/openapi.json`);
      if (response.ok) {
        const paths = Object.keys((await response.json()).paths ?? {});
        return { url, paths, stop: () => stop(child, dataDir) };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function stop(child, dataDir) {
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  rmSync(dataDir, { recursive: true, force: true });
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
export const CHROMIUM_PATH = process.env.PICTOR_CHROMIUM || '/usr/bin/chromium';
