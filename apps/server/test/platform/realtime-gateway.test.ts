/** The gateway on a bare HTTP app: who may open a live connection, and for how long. */
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

async function gateway(sessions: Set<string>, options: { publicUrl?: string } = {}) {
  const authenticate: Authenticate = async (token, via) => (sessions.has(token) ? { userId: '42', tokenHash: Buffer.alloc(32), via } : null);
  const hub = createMemoryRealtimeHub();
  app = await createHttpApp({ logger: pino({ level: 'silent' }), trustedProxies: [] });
  registerSessionAuth(app, authenticate);
  await registerRealtimeGateway(app, hub, authenticate, { heartbeatMs: 30, ...options });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  const connect = (headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/api/v1/realtime`, { headers });
    const messages: { type: string }[] = [];
    socket.on('message', (raw) => messages.push(JSON.parse(raw.toString())));
    const opened = new Promise<number>((resolve) => {
      socket.once('open', () => resolve(101));
      socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    });
    return { socket, messages, opened };
  };
  return { hub, connect };
}

describe('realtime gateway sessions', () => {
  it('when the session ends while a connection is open, then the connection is closed with 4401 and hears nothing more', async () => {
    const sessions = new Set([TOKEN]);
    const { hub, connect } = await gateway(sessions);
    const { socket, messages, opened } = connect();
    expect(await opened).toBe(101);
    await new Promise((resolve) => setTimeout(resolve, 100)); // several beats while the session stands
    expect(socket.readyState).toBe(WebSocket.OPEN);
    sessions.delete(TOKEN);
    const code = await new Promise<number>((resolve) => socket.once('close', resolve));
    expect(code).toBe(4401);
    await hub.publish('42', { type: 'follow' });
    expect(messages.map((m) => m.type)).toEqual(['ready']);
  });

  it('when a proxy rewrites Host, then a browser on the public URL still connects and other sites still do not', async () => {
    const { connect } = await gateway(new Set([TOKEN]), { publicUrl: 'https://pictor.example' });
    const browser = (origin: string) => connect({ cookie: `pictor_session=${TOKEN}`, origin, host: 'upstream:3000' });
    const ours = browser('https://pictor.example');
    expect(await ours.opened).toBe(101);
    ours.socket.close();
    expect(await browser('https://evil.example').opened).toBe(403);
    expect(await browser('http://pictor.example').opened).toBe(403);
  });
});
