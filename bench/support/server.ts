import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export interface BenchServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (asked from the kernel, then released for the server to take). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

/**
 * Copies a generated dataset into a scratch directory, so every run starts from
 * the same rows (sign-ins add sessions and attempts), and returns that directory.
 */
export function scratchCopy(datasetDir: string, name: string): string {
  const scratch = resolve(ROOT, 'bench/.data/runs', name);
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  for (const file of ['pictor.db', 'bench-manifest.json']) copyFileSync(join(datasetDir, file), join(scratch, file));
  for (const file of ['pictor.db-wal', 'pictor.db-shm']) {
    if (existsSync(join(datasetDir, file))) copyFileSync(join(datasetDir, file), join(scratch, file));
  }
  return scratch;
}

/**
 * Starts the real server (the same entry point `npm start` runs: every role, the
 * composition root, tsx) in a child process over `dataDir`, and waits for /health.
 */
export async function startServer(dataDir: string, env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<BenchServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', join(ROOT, 'apps/server/src/main/all.ts')], {
    cwd: ROOT,
    env: { ...process.env, PICTOR_DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: String(port), PICTOR_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // Never leave a server behind when the benchmark itself dies.
  const orphanGuard = () => child.kill('SIGKILL');
  process.once('exit', orphanGuard);
  child.once('exit', () => process.off('exit', orphanGuard));
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child);
  return {
    url,
    pid: child.pid!,
    stop: () => stopChild(child),
  };
}

async function waitForHealth(url: string, child: ChildProcess) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} before it was healthy`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  await stopChild(child);
  throw new Error('the server did not answer /health within 60 s');
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill('SIGTERM');
  });
}
