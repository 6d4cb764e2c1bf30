import { describe, expect, it } from 'vitest';
import { startTestServer } from '../support/harness.js';

describe('bench routes', () => {
  it('when PICTOR_BENCH_ROUTES is not set, then the bare route does not exist', async () => {
    const server = await startTestServer();
    try {
      const response = await server.inject({ url: '/api/v1/bench/bare' });
      expect(response.statusCode).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('when PICTOR_BENCH_ROUTES=true, then the bare route answers a small constant JSON', async () => {
    const server = await startTestServer({ PICTOR_BENCH_ROUTES: 'true' });
    try {
      const response = await server.inject({ url: '/api/v1/bench/bare' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ ok: true, service: 'pictor' });
    } finally {
      await server.close();
    }
  });
});
