import type { Clock } from '../../platform/clock.js';
import { type Id, type IdGenerator, isId } from '../../platform/ids.js';
import { cleanText, hasForbiddenCharacters } from '../../platform/text.js';
import type { AccountDirectory, User } from '../accounts/public.js';
import type { Visibility } from '../graph/public.js';
import { accountNotFound, albumNotFound, invalidField, notYourAlbum, postNotFound } from './posts.errors.js';
import type { AlbumStore, PostStore } from './posts.ports.js';
import type { Album, Post } from './posts.types.js';

const MAX_NAME = 100;
const MAX_ALBUMS = 1000;

function cleanName(raw: string): string {
  const name = cleanText(raw);
  if (!name || [...name].length > MAX_NAME || hasForbiddenCharacters(name)) {
    throw invalidField('name', `1 to ${MAX_NAME} visible characters`);
  }
  return name;
}

/**
 * Albums (seed 004): an owner groups their own posts. Anyone who may see the
 * owner's posts may open the album; only the owner changes it. An album that
 * the viewer may not see reads as not found.
 */
export function createAlbums(deps: { albums: AlbumStore; posts: PostStore; accounts: AccountDirectory; visibility: Visibility; ids: IdGenerator; clock: Clock }) {
  const { albums } = deps;

  async function readable(viewerId: Id | null, albumId: Id): Promise<{ album: Album; owner: User }> {
    const album = await albums.findById(albumId);
    const owner = album ? await deps.accounts.findById(album.ownerId) : null;
    if (!album || !owner || !(await deps.visibility.canSeeContent(viewerId, owner))) throw albumNotFound();
    return { album, owner };
  }
  async function writable(viewerId: Id, albumId: Id): Promise<Album> {
    const { album } = await readable(viewerId, albumId);
    if (album.ownerId !== viewerId) throw notYourAlbum();
    return album;
  }

  return {
    /** An album the viewer may read, its owner, and a page of its post ids, most recently added first. */
    async open(viewerId: Id | null, albumId: Id, after: string | null, limit: number) {
      const { album, owner } = await readable(viewerId, albumId);
      return { album, owner, page: await albums.posts(album.id, after, limit) };
    },
    async create(ownerId: Id, rawName: string): Promise<Album> {
      if ((await albums.countOf(ownerId)) >= MAX_ALBUMS) throw invalidField('name', `at most ${MAX_ALBUMS} albums`);
      const album: Album = { id: deps.ids.next(), ownerId, name: cleanName(rawName), postCount: 0, coverPostId: null, createdAt: deps.clock.now() };
      await albums.create(album);
      return album;
    },
    async rename(viewerId: Id, albumId: Id, rawName: string): Promise<Album> {
      await writable(viewerId, albumId);
      await albums.rename(albumId, cleanName(rawName));
      return (await albums.findById(albumId)) ?? Promise.reject(albumNotFound());
    },
    async remove(viewerId: Id, albumId: Id): Promise<void> {
      await writable(viewerId, albumId);
      await albums.remove(albumId);
    },
    /** Only the album owner's own posts go in. */
    async addPost(viewerId: Id, albumId: Id, postId: Id): Promise<Album> {
      await writable(viewerId, albumId);
      const post = await deps.posts.findById(postId);
      if (!post || post.ownerId !== viewerId) throw postNotFound();
      await albums.addPost(albumId, postId, deps.ids.next());
      return (await albums.findById(albumId)) ?? Promise.reject(albumNotFound());
    },
    async removePost(viewerId: Id, albumId: Id, postId: Id): Promise<Album> {
      await writable(viewerId, albumId);
      await albums.removePost(albumId, postId);
      return (await albums.findById(albumId)) ?? Promise.reject(albumNotFound());
    },
    /**
     * The cover post of each album, in one batch. The store picks covers among the
     * owner's unarchived posts, and callers have found the albums readable, so no
     * further visibility check is needed.
     */
    async covers(list: readonly Album[]): Promise<Map<Id, Post>> {
      const ids = [...new Set(list.flatMap((album) => (album.coverPostId ? [album.coverPostId] : [])))];
      return new Map((await deps.posts.findManyByIds(ids)).map((post) => [post.id, post]));
    },
    /** An account's albums, newest first, with the account; one the viewer may not see reads as not found. */
    async listOf(viewerId: Id | null, rawOwnerId: string, after: Id | null, limit: number) {
      const owner = isId(rawOwnerId) ? await deps.accounts.findById(rawOwnerId) : null;
      if (!owner || !(await deps.visibility.canSeeContent(viewerId, owner))) throw accountNotFound();
      return { owner, ...(await albums.listByOwner(owner.id, after, limit)) };
    },
  };
}

export type Albums = ReturnType<typeof createAlbums>;
