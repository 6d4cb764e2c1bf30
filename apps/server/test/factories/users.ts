import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { TestServer } from '../support/harness.js';

/** A password zxcvbn accepts and no breach list holds. */
export const GOOD_PASSWORD = 'quartz-lantern-velvet-42';

export interface TestUser {
  id: string;
  username: string;
  email: string;
  password: string;
  token: string;
  csrfToken: string;
  /** Bearer-authenticated request as this user. */
  call(options: InjectOptions): Promise<LightMyRequestResponse>;
}

let counter = 0;

/** A unique username per call, so tests never collide. */
export function uniqueName(prefix = 'user'): string {
  counter += 1;
  return `${prefix}${process.pid % 1000}x${counter}`;
}

export async function signUp(
  server: TestServer,
  overrides: { username?: string; email?: string; password?: string; remoteAddress?: string } = {},
): Promise<TestUser> {
  const username = overrides.username ?? uniqueName();
  const email = overrides.email ?? `${username}@example.com`;
  const password = overrides.password ?? GOOD_PASSWORD;
  const res = await server.inject({
    method: 'POST',
    url: '/api/v1/auth/signup',
    payload: { username, email, password },
    remoteAddress: overrides.remoteAddress ?? `10.1.${counter % 250}.${(counter * 7) % 250}`,
  });
  if (res.statusCode !== 201) throw new Error(`sign-up failed: ${res.statusCode} ${res.body}`);
  const body = res.json();
  return {
    id: body.user.id,
    username,
    email,
    password,
    token: body.token,
    csrfToken: body.csrfToken,
    call: (options) => server.inject({ ...options, headers: { authorization: `Bearer ${body.token}`, ...options.headers } }),
  };
}

/** Signs up many users at once. */
export async function signUpMany(server: TestServer, count: number, prefix = 'user'): Promise<TestUser[]> {
  const users: TestUser[] = [];
  for (let i = 0; i < count; i++) users.push(await signUp(server, { username: uniqueName(prefix) }));
  return users;
}

/** Asserts the answer is problem+json with the given status and code. */
export function expectProblem(res: LightMyRequestResponse, status: number, code?: string) {
  const problem = res.json();
  if (res.statusCode !== status || !String(res.headers['content-type']).startsWith('application/problem+json') || (code && problem.code !== code)) {
    throw new Error(`expected ${status} ${code ?? ''} problem+json, got ${res.statusCode} ${res.headers['content-type']} ${res.body}`);
  }
  if (typeof problem.code !== 'string' || problem.status !== status) throw new Error(`problem lacks code/status: ${res.body}`);
  return problem as { code: string; status: number; detail: string; fields?: { field: string; message: string }[]; retryAfterSeconds?: number };
}
