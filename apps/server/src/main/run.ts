import { type Config, ConfigError, loadConfig, type Role } from '../config/config.js';
import { compose } from './compose.js';

/** The configuration, or exit with the message that says what to fix: every entry point starts here. */
export function loadConfigOrExit(env: Record<string, string | undefined>): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

/** Starts Pictor with the given roles (or PICTOR_ROLES) and stops cleanly on SIGTERM/SIGINT. */
export async function run(roles?: Role[]) {
  const config = loadConfigOrExit(roles ? { ...process.env, PICTOR_ROLES: roles.join(',') } : process.env);
  const pictor = await compose(config);
  const address = await pictor.start();
  pictor.logger.info({ roles: config.roles, dataDir: config.dataDir, address }, 'Pictor is running');
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    pictor.logger.info({ signal }, 'stopping');
    await pictor.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}
