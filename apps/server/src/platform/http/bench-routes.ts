import type { HttpApp } from './app.js';

const BareAnswer = {
  type: 'object',
  properties: { ok: { type: 'boolean' }, service: { type: 'string' } },
  required: ['ok', 'service'],
  additionalProperties: false,
} as const;
const ANSWER = { ok: true, service: 'pictor' };

/**
 * For benchmarks only (compose registers it when PICTOR_BENCH_ROUTES is set): the
 * cheapest answer the app can give, through the same hooks, error handler and
 * response serializer as every real route. Its throughput next to a real route's
 * shows how much of that route's cost is the framework and how much is our work.
 */
export function registerBareBenchRoute(app: HttpApp) {
  app.get('/api/v1/bench/bare', { schema: { hide: true, response: { 200: BareAnswer } } }, async () => ANSWER);
}
