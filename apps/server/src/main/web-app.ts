import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { HttpApp } from '../platform/http/app.js';

const WEB_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/**
 * Serves the built web app and answers its client-side routes with index.html.
 * API and media paths keep their problem+json 404s.
 */
export async function registerWebApp(app: HttpApp, root = WEB_DIST) {
  if (!existsSync(join(root, 'index.html'))) return;
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    setHeaders(reply, path) {
      // Vite fingerprints everything under assets/, so those names never change content.
      reply.header('X-Content-Type-Options', 'nosniff');
      reply.header('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const path = request.url.split('?')[0]!;
    // Real files were matched by the static routes already; a missing fingerprinted
    // asset must 404 rather than answer HTML. Paths like /jane.doe are profiles.
    if (path.startsWith('/api/') || path.startsWith('/media/') || path.startsWith('/assets/')) {
      return reply.callNotFound();
    }
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
  });
}
