import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import * as contract from '@pictor/contract';
import type { Logger } from '../logger.js';
import { createArrivalOrder } from './arrival-order.js';
import { createErrorHandler, sendProblem } from './problem.js';
import { createSchemaCompiler } from './validation.js';

export type HttpApp = FastifyInstance;

export interface HttpOptions {
  logger: Logger & object;
  trustedProxies: string[];
  bodyLimitBytes?: number;
}

/**
 * The Fastify instance every module registers routes on: strict validation,
 * problem+json for every error, and an OpenAPI 3.1 document built from the
 * same schemas that validate requests.
 */
export async function createHttpApp(options: HttpOptions): Promise<HttpApp> {
  const handleError = createErrorHandler(options.logger);
  const app: HttpApp = Fastify({
    loggerInstance: options.logger as never as FastifyBaseLogger,
    // Per-request lines would log every feed read; errors are logged by the error handler.
    logController: new LogController({ disableRequestLogging: true }),
    // Forwarding headers are believed only from the proxies the operator named.
    trustProxy: options.trustedProxies.length ? options.trustedProxies : false,
    bodyLimit: options.bodyLimitBytes ?? 1024 * 1024,
    routerOptions: { maxParamLength: 200 },
    return503OnClosing: true,
    // The router's own errors (a bad %-escape, an overlong path segment) skip setErrorHandler;
    // without this they would answer Fastify's plain JSON instead of problem+json.
    frameworkErrors: handleError,
  });
  // The first hook, so everything a request costs (sign-in included) is spent in arrival order.
  const arrivals = createArrivalOrder(setImmediate);
  app.addHook('onRequest', (_request, _reply, done) => arrivals.admit(done));
  app.setValidatorCompiler(createSchemaCompiler());
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, 404, 'route_not_found', `No route ${request.method} ${request.url.split('?')[0]}.`),
  );
  await app.register(cookie);
  // Every contract schema with an $id, once: responses and the OpenAPI document refer to it
  // by name, and a schema the contract names later needs no edit here.
  for (const schema of Object.values(contract)) {
    if (typeof schema === 'object' && schema !== null && '$id' in schema) app.addSchema(schema);
  }
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Pictor API', version: '1', description: 'A self-hostable Instagram. Errors are application/problem+json with a stable `code`.' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'pictor_session' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}
