import websocket from '@fastify/websocket';
import type { FastifyRequest } from 'fastify';
import type { HttpApp } from '../http/app.js';
import { sendProblem } from '../http/problem.js';
import { type Authenticate, SIGNED_IN } from '../http/session-auth.js';
import type { RealtimeHub } from '../realtime.js';
import type { Viewer } from '../viewer.js';

const HEARTBEAT_MS = 30_000;
/** Application close code (4000-4999) the client reads as "sign in again". */
const SESSION_ENDED = 4401;

/**
 * The gateway role: one authenticated WebSocket per tab at /api/v1/realtime.
 * Browsers authenticate with the session cookie (and must come from our own
 * origin, against cross-site WebSocket hijacking); API clients send Bearer.
 * Our origin is PICTOR_PUBLIC_URL's when set, since a proxy may rewrite Host,
 * else the Host the request names (X-Forwarded-Host from a trusted proxy).
 * A ping every 30 s (seed 001) drops dead connections, and each beat asks again
 * whether the session still stands: signing out everywhere, changing the password
 * or deleting the account closes live connections too, not only later requests.
 */
export async function registerRealtimeGateway(app: HttpApp, hub: RealtimeHub, authenticate: Authenticate, options: { heartbeatMs?: number; publicUrl?: string } = {}) {
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  // @fastify/websocket closes the socket of an upgrade it answered with a plain response only
  // if its own onRequest hook ran; session auth's runs first and, for a bad Bearer token,
  // throws before it does. The socket then stayed open, one per refused attempt, and held
  // up shutdown. Any upgrade still here after a response was refused: close it.
  app.addHook('onResponse', async (request) => {
    if (request.headers.upgrade?.toLowerCase() === 'websocket') request.raw.socket.destroy();
  });
  const publicOrigin = options.publicUrl ? new URL(options.publicUrl).origin : null;
  const alive = new WeakSet<object>();
  // The raw token stays in memory for the connection's life, as a request keeps it for its own.
  const sockets = new Map<import('ws').WebSocket, { token: string; via: Viewer['via'] }>();

  app.get('/api/v1/realtime', {
    websocket: true,
    // SIGNED_IN: session auth refuses a caller without a session (401) before this route's checks run.
    schema: { security: SIGNED_IN, tags: ['realtime'], summary: 'WebSocket: live events for the signed-in account (upgrade required)' },
    preValidation: async (request, reply) => {
      if (request.viewer?.via === 'cookie' && !sameOrigin(request, publicOrigin)) {
        return sendProblem(reply, 403, 'cross_origin', 'Live connections are only accepted from this site.');
      }
    },
  }, (socket, request) => {
    const userId = request.viewer!.userId;
    sockets.set(socket, { token: request.sessionToken!, via: request.viewer!.via });
    alive.add(socket);
    const unsubscribe = hub.subscribe(userId, (message) => socket.send(JSON.stringify(message)));
    socket.on('pong', () => alive.add(socket));
    socket.on('message', (raw) => {
      // Clients may ping at the application level too; anything else is ignored for now.
      if (raw.toString() === '"ping"') socket.send('"pong"');
    });
    socket.on('close', () => {
      unsubscribe();
      sockets.delete(socket);
    });
    socket.send(JSON.stringify({ type: 'ready', userId }));
  });

  const heartbeat = setInterval(() => {
    for (const [socket, session] of sockets) {
      if (!alive.has(socket)) {
        socket.terminate();
        continue;
      }
      alive.delete(socket);
      socket.ping();
      authenticate(session.token, session.via).then(
        (viewer) => {
          if (!viewer) socket.close(SESSION_ENDED, 'session ended');
        },
        () => {}, // storage unavailable for a moment: keep the connection, the next beat asks again
      );
    }
  }, options.heartbeatMs ?? HEARTBEAT_MS);
  heartbeat.unref();
  app.addHook('onClose', async () => {
    clearInterval(heartbeat);
    for (const socket of sockets.keys()) socket.close(1001, 'server stopping');
  });
}

function sameOrigin(request: FastifyRequest, publicOrigin: string | null): boolean {
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    const url = new URL(origin);
    return url.origin === publicOrigin || url.host === request.host;
  } catch {
    return false;
  }
}
