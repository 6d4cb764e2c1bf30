/** The gateway on a bare HTTP app: how long a live connection outlives its session. */
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createMemoryRealtimeHub } from '../../src/adapters/memory/realtime-hub.memory.js';
import { createHttpApp, type HttpApp } from '../../src/platform/http/app.js';
import { type Authenticate, registerSessionAuth } from '../../src/platform/http/session-auth.js';
import { registerRealtimeGateway } from '../../src/platform/ws/gateway.js';

const TOKEN = 'a-session-token-of-enough-length';
let app: HttpApp;
afterEach(() => app.close());

async function gateway(sessions: Set<string>) {
  const authenticate: Authenticate = async (token, via) => (sessions.has(token) ? { userId: '42', tokenHash: Buffer.alloc(32), via } : null);
  const hub = createMemoryRealtimeHub();
  app = await createHttpApp({ logger: pino({ level: 'silent' }), trustedProxies: [] });
  registerSessionAuth(app, authenticate);
  await registerRealtimeGateway(app, hub, authenticate, { heartbeatMs: 30 });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  const socket = new WebSocket(`ws://127.0.0.1:${port}/api/v1/realtime`, { headers: { authorization: `Bearer ${TOKEN}` } });
  const messages: { type: string }[] = [];
  socket.on('message', (raw) => messages.push(JSON.parse(raw.toString())));
  await new Promise((resolve) => socket.once('open', resolve));
  return { hub, socket, messages };
}

describe('realtime gateway sessions', () => {
  it('when the session ends while a connection is open, then the connection is closed with 4401 and hears nothing more', async () => {
    const sessions = new Set([TOKEN]);
    const { hub, socket, messages } = await gateway(sessions);
    await new Promise((resolve) => setTimeout(resolve, 100)); // several beats while the session stands
    expect(socket.readyState).toBe(WebSocket.OPEN);
    sessions.delete(TOKEN);
    const code = await new Promise<number>((resolve) => socket.once('close', resolve));
    expect(code).toBe(4401);
    await hub.publish('42', { type: 'follow' });
    expect(messages.map((m) => m.type)).toEqual(['ready']);
  });
});
