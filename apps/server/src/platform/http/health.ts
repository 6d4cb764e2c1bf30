import type { HttpApp } from './app.js';

export type HealthCheck = () => Promise<void>;

/** Answers 200 when every check passes (the process is up and storage is usable), 503 naming what failed. */
export function registerHealth(app: HttpApp, roles: string[], checks: Record<string, HealthCheck>) {
  app.get('/health', { schema: { tags: ['platform'], summary: 'Liveness and storage health' } }, async (_request, reply) => {
    const results: Record<string, string> = {};
    let healthy = true;
    for (const [name, check] of Object.entries(checks)) {
      try {
        await check();
        results[name] = 'ok';
      } catch (error) {
        healthy = false;
        results[name] = `failing: ${(error as Error).message}`;
      }
    }
    return reply.code(healthy ? 200 : 503).send({ status: healthy ? 'ok' : 'degraded', roles, checks: results });
  });
}
