import { ConfigError, loadConfig, type Role } from '../config/config.js';
import { compose } from './compose.js';

/** Starts Pictor with the given roles (or PICTOR_ROLES) and stops cleanly on SIGTERM/SIGINT. */
export async function run(roles?: Role[]) {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(roles ? { ...process.env, PICTOR_ROLES: roles.join(',') } : process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
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
