import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config.js';
import { compose, type Pictor } from '../../src/main/compose.js';
import { createManualClock } from '../../src/platform/clock.js';

export interface TestServer {
  pictor: Pictor;
  clock: ReturnType<typeof createManualClock>;
  dataDir: string;
  inject: Pictor['app']['inject'];
  close(): Promise<void>;
}

/**
 * The whole app in-process with a fresh data directory: real SQLite, real files,
 * real sharp. Only password hashing is made cheaper, and the clock is manual.
 */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pictor-test-'));
  const config = loadConfig({ PICTOR_DATA_DIR: dataDir, PICTOR_LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1', ...env });
  const clock = createManualClock(new Date());
  const pictor = await compose(config, { clock, fastPasswordHashing: true });
  await pictor.start();
  return {
    pictor,
    clock,
    dataDir,
    inject: pictor.app.inject.bind(pictor.app),
    async close() {
      await pictor.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
