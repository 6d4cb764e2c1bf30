import type { TestServer } from '../support/harness.js';
import { jpeg, postForm } from './photos.js';
import type { TestUser } from './users.js';

let photo: Promise<Buffer> | null = null;

/** Publishes a one-photo post through the real upload route and answers its id; `fields` adds form fields (location, tags…). */
export async function publishPost(user: TestUser, caption = 'a post', fields: [name: string, value: string][] = []): Promise<string> {
  photo ??= jpeg(320, 320, 77);
  const form = postForm([{ bytes: await photo }], [['caption', caption], ...fields]);
  const res = await user.call({ method: 'POST', url: '/api/v1/posts', payload: form.payload, headers: form.headers });
  if (res.statusCode !== 201) throw new Error(`publish failed: ${res.statusCode} ${res.body}`);
  return res.json().postId as string;
}

/** Makes `follower` follow `followee` (public accounts) and waits for the feed to hear of it. */
export async function follow(server: TestServer, follower: TestUser, followee: TestUser) {
  const res = await follower.call({ method: 'POST', url: `/api/v1/users/${followee.id}/follow` });
  if (res.statusCode !== 200) throw new Error(`follow failed: ${res.statusCode} ${res.body}`);
  await server.pictor.drain();
}

export const relate = (user: TestUser, other: TestUser, kind: 'block' | 'mute' | 'restrict', on = true) =>
  user.call({ method: on ? 'POST' : 'DELETE', url: `/api/v1/users/${other.id}/${kind}` });
