import type { HttpApp } from '../../platform/http/app.js';
import { sendProblem } from '../../platform/http/problem.js';
import type { BlobStore } from './media.ports.js';

/** Public keys only: originals stay private to their owner and are never served here. */
const PUBLIC_KEY = /^(?!originals\/)[a-z]+(\/[A-Za-z0-9_-]+)+\.(webp|jpg|mp4)$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves content-addressed media so any CDN can sit in front: immutable caching,
 * a strong ETag, byte ranges for video seeking, and types we set ourselves.
 */
export function registerMediaRoutes(app: HttpApp, blobs: BlobStore) {
  app.get<{ Params: { '*': string } }>('/media/*', { schema: { hide: true } }, async (request, reply) => {
    const key = request.params['*'];
    const info = PUBLIC_KEY.test(key) ? await blobs.stat(key) : null;
    if (!info) return sendProblem(reply, 404, 'not_found', 'No such media.');
    reply.header('ETag', info.etag).header('Cache-Control', IMMUTABLE).header('X-Content-Type-Options', 'nosniff')
      .header('Accept-Ranges', 'bytes').header('Cross-Origin-Resource-Policy', 'same-site').type(info.contentType);
    if (request.headers['if-none-match'] === info.etag) return reply.code(304).send();
    const range = parseRange(request.headers.range, info.size);
    if (range === 'unsatisfiable') {
      reply.header('Content-Range', `bytes */${info.size}`);
      return sendProblem(reply, 416, 'range_not_satisfiable', 'The requested range is outside the file.');
    }
    if (range) {
      reply.code(206).header('Content-Range', `bytes ${range.start}-${range.end}/${info.size}`).header('Content-Length', range.end - range.start + 1);
      return reply.send(await blobs.read(key, range));
    }
    reply.header('Content-Length', info.size);
    return reply.send(await blobs.read(key));
  });
}

/** One byte range (what browsers and CDNs send); anything else is served whole. */
function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  let start: number;
  let end: number;
  if (match[1] === '') {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}
