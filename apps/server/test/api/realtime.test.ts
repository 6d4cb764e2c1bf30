import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { signUp } from '../factories/users.js';
import { startTestServer, type TestServer } from '../support/harness.js';

let server: TestServer;
let base: string;

function open(headers: Record<string, string>) {
  const socket = new WebSocket(`${base}/api/v1/realtime`, { headers });
  const messages: Record<string, unknown>[] = [];
  socket.on('message', (raw) => messages.push(JSON.parse(raw.toString())));
  return { socket, messages };
}

async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
}

beforeAll(async () => {
  server = await startTestServer();
  const { port } = server.pictor.app.server.address() as AddressInfo;
  base = `ws://127.0.0.1:${port}`;
});
afterAll(() => server.close());

describe('realtime gateway', () => {
  it('when someone follows me, then my open connection hears about it', async () => {
    const ana = await signUp(server, { username: 'ana_live' });
    const ben = await signUp(server, { username: 'ben_live' });
    const { socket, messages } = open({ authorization: `Bearer ${ana.token}` });
    await until(() => messages.some((m) => m.type === 'ready'));
    await ben.call({ method: 'POST', url: `/api/v1/users/${ana.id}/follow` });
    await until(() => messages.some((m) => m.type === 'follow'));
    expect(messages).toContainEqual({ type: 'follow', userId: ben.id });
    socket.close();
  });

  it('when nobody is signed in, then the upgrade is refused with 401', async () => {
    const { socket } = open({});
    const status = await new Promise<number>((resolve) => {
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.on('open', () => resolve(101));
    });
    expect(status).toBe(401);
  });

  it('when a cookie session comes from another site, then the upgrade is refused', async () => {
    const cara = await signUp(server, { username: 'cara_live' });
    const { socket } = open({ cookie: `pictor_session=${cara.token}`, origin: 'https://evil.example' });
    const status = await new Promise<number>((resolve) => {
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.on('open', () => resolve(101));
    });
    expect(status).toBe(403);
  });
});
