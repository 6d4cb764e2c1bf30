import { beforeEach, describe, expect, it } from 'vitest';
import type { Photo, Post, PostStore } from '../../src/modules/posts/public.js';
import type { DomainEvent, EventLog } from '../../src/platform/events.js';
import { createIdGenerator } from '../../src/platform/ids.js';

export interface PostWorld {
  posts: PostStore;
  /** The event log the store appends to, so the suite can see events commit with the change. */
  events: EventLog;
}

const ids = createIdGenerator(9);
const AT = new Date('2026-03-01T12:00:00Z');
const LATER = new Date('2026-03-02T08:30:00Z');
const OWNER = '4200';

const photo = (position: number): Photo => ({
  alt: '', filter: 'normal', width: 1080, height: 1080, color: '#334455', placeholder: 'data:image/webp;base64,AA',
  sha256: `sha-${position}`, perceptualHash: `ph-${position}`, originalKey: `originals/${position}.jpg`,
  variants: { feed: { width: 640, height: 640, webp: `v/${position}.webp`, jpeg: `v/${position}.jpg` } },
});

export function aPost(overrides: Partial<Post> = {}): Post {
  return {
    id: ids.next(), ownerId: OWNER, caption: 'first light #dawn', hashtags: ['dawn'], mentions: [],
    location: { lat: 48.85, lon: 2.35, name: 'Paris' }, tags: [], crop: '1:1', photos: [photo(0), photo(1)],
    commentsDisabled: false, hideLikeCount: false, archivedAt: null, createdAt: AT, updatedAt: AT, ...overrides,
  };
}

const edited = (postId: string): DomainEvent[] => [{ type: 'posts.updated', payload: { postId } }];

/** The PostStore contract: every adapter, and every cache in front of one, must pass it unchanged. */
export function postStoreContract(name: string, open: () => PostWorld) {
  describe(`PostStore contract: ${name}`, () => {
    let world: PostWorld;
    let posts: PostStore;
    beforeEach(() => {
      world = open();
      posts = world.posts;
    });
    const eventTypes = async () => (await world.events.readAfter(0, 100)).map((e) => e.type);

    it('when posts are created, then they read back identically, alone and in the order asked, missing ones skipped', async () => {
      const [a, b] = [aPost(), aPost({ location: null, caption: '' })];
      for (const post of [a, b]) expect(await posts.create(post, null, [])).toEqual({ created: true });
      expect(await posts.findById(a.id)).toEqual(a);
      expect(await posts.findManyByIds([b.id, ids.next(), a.id])).toEqual([b, a]);
      expect(await posts.findById(ids.next())).toBeNull();
    });

    it('when an edit leaves a field out, then it keeps its value; a place replaces the old one and null removes it', async () => {
      const post = aPost();
      await posts.create(post, null, []);
      expect(await posts.findById(post.id)).toEqual(post); // read once, so a cache in front holds it
      const captioned = await posts.update(post.id, { caption: 'still Paris', alts: ['the river', 'a bridge'] }, LATER, edited(post.id));
      expect(captioned).toMatchObject({ caption: 'still Paris', hashtags: ['dawn'], location: post.location, updatedAt: LATER });
      expect(captioned?.photos.map((p) => p.alt)).toEqual(['the river', 'a bridge']);
      expect((await posts.update(post.id, { location: { name: 'Lyon' } }, LATER, []))?.location).toEqual({ name: 'Lyon' });
      expect((await posts.findById(post.id))?.location).toEqual({ name: 'Lyon' });
      expect((await posts.update(post.id, { location: null, hideLikeCount: true }, LATER, []))?.location).toBeNull();
      expect(await posts.findManyByIds([post.id])).toMatchObject([{ caption: 'still Paris', location: null, hideLikeCount: true }]);
      expect(await eventTypes()).toEqual(['posts.updated']);
    });

    it('when a post that does not exist is edited, then null is answered and no event is written', async () => {
      expect(await posts.update(ids.next(), { location: null }, LATER, edited('0'))).toBeNull();
      expect(await eventTypes()).toEqual([]);
    });

    it('when a post that was read is archived, restored or removed, then the next read and the counts show it at once', async () => {
      const post = aPost();
      await posts.create(post, null, []);
      expect(await posts.findManyByIds([post.id])).toEqual([post]);
      expect(await posts.setArchived(post.id, LATER, [])).toBe(true);
      expect((await posts.findById(post.id))?.archivedAt).toEqual(LATER);
      expect((await posts.counts([OWNER])).get(OWNER)).toBe(0);
      expect(await posts.setArchived(post.id, null, [])).toBe(true);
      expect((await posts.findManyByIds([post.id]))[0]?.archivedAt).toBeNull();
      expect((await posts.counts([OWNER])).get(OWNER)).toBe(1);
      expect(await posts.remove(post.id, [])).toEqual(post);
      expect(await posts.findById(post.id)).toBeNull();
      expect(await posts.findManyByIds([post.id])).toEqual([]);
      expect(await posts.remove(post.id, [])).toBeNull();
      expect((await posts.counts([OWNER])).get(OWNER)).toBe(0);
    });
  });
}
