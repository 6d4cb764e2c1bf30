/**
 * Publishing writes the files before the post row. When the row cannot be written (or
 * another request with the same Idempotency-Key made the post) the files are removed
 * again; when that removal fails too, nothing would ever find those files, so the
 * operator is told which ones they are, and the person publishing still hears why
 * publishing failed. Real SQLite, files and sharp; stand-ins only for the failures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/adapters/sqlite/database.js';
import { createOutboxWriter } from '../../src/adapters/sqlite/event-log.sqlite.js';
import { createSqlitePostStore } from '../../src/adapters/sqlite/post-store.sqlite.js';
import type { PostStore } from '../../src/modules/posts/public.js';
import { createPublishing, type PublishInput } from '../../src/modules/posts/publish.service.js';
import { systemClock } from '../../src/platform/clock.js';
import { createIdGenerator } from '../../src/platform/ids.js';
import { silentLogger } from '../../src/platform/logger.js';
import { jpeg } from '../factories/photos.js';
import { recordingLogger } from '../support/recording-logger.js';
import { filesOnDisk, mediaRefusingRemoval } from '../support/stubborn-files.js';

let root: string;
/** Which keys the disk refuses to remove (see filesRefusingRemoval). */
let refusesToRemove: (key: string) => boolean;
let store: PostStore;

function publishing(posts: PostStore) {
  const media = mediaRefusingRemoval(root, (key) => refusesToRemove(key), silentLogger);
  return createPublishing({ posts, photos: media.photos, ids: createIdGenerator(3), clock: systemClock });
}

const input = async (idempotencyKey: string | null = null): Promise<PublishInput> => ({
  ownerId: '7', images: [await jpeg(320, 320, 91)], caption: 'never seen', filters: [], alts: [], location: null, tags: [], idempotencyKey,
});

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pictor-publish-cleanup-'));
  refusesToRemove = () => false;
  const db = openSqlite(':memory:');
  store = createSqlitePostStore(db, createOutboxWriter(db));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('publishing when the files written cannot be removed again', () => {
  const refused = new Error('SQLITE_FULL: database or disk is full');
  const refusingStore = () => ({ ...store, create: async () => Promise.reject(refused) }) satisfies PostStore;

  it('when the post cannot be written and neither can its files be removed, then the orphaned files are logged and the publisher gets the original error', async () => {
    refusesToRemove = () => true;
    const { log, lines } = recordingLogger();
    await expect(publishing(refusingStore())(await input(), log)).rejects.toBe(refused);

    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line!.level).toBe('error');
    // What an operator needs to clean up, and nothing else (no bytes, no caption, no session).
    expect(Object.keys(line!.fields).sort()).toEqual(['err', 'files', 'postId', 'reason']);
    expect(line!.fields.postId).toMatch(/^\d+$/);
    expect(line!.fields.reason).toBe('the post could not be written');
    expect(line!.fields.err).toBeInstanceOf(AggregateError);
    const files = filesOnDisk(root);
    expect(files.length).toBeGreaterThan(1);
    expect([...(line!.fields.files as string[])].sort()).toEqual(files);
    for (const key of files) expect(key).toContain(`/7/${line!.fields.postId}/`);
  });

  it('when only some of its files cannot be removed, then the line names exactly those, the ones still on disk', async () => {
    refusesToRemove = (key) => key.startsWith('originals/');
    const { log, lines } = recordingLogger();
    await expect(publishing(refusingStore())(await input(), log)).rejects.toBe(refused);

    expect(lines).toHaveLength(1);
    const left = filesOnDisk(root);
    expect(left).toEqual([expect.stringMatching(/^originals\/7\/\d+\/[0-9a-f]{64}\.bin$/)]);
    expect(lines[0]!.fields.files).toEqual(left);
  });

  it('when the post cannot be written but its files can be removed, then nothing is left and nothing is logged', async () => {
    const { log, lines } = recordingLogger();
    await expect(publishing(refusingStore())(await input(), log)).rejects.toBe(refused);
    expect(lines).toEqual([]);
    expect(filesOnDisk(root)).toEqual([]);
  });

  it('when another request with the same key made the post and our files cannot be removed, then they are logged and the publisher gets that post', async () => {
    const earlier = await publishing(store)(await input('same-key'), recordingLogger().log);
    const before = filesOnDisk(root);
    refusesToRemove = () => true;
    // The key was not there when this request looked, and is taken by the time it writes.
    const racing = { ...store, findByIdempotencyKey: async () => null } satisfies PostStore;
    const { log, lines } = recordingLogger();

    const answer = await publishing(racing)(await input('same-key'), log);

    expect(answer).toMatchObject({ created: false, post: { id: earlier.post.id } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'error', fields: { reason: 'another request with the same Idempotency-Key made the post' } });
    const orphans = filesOnDisk(root).filter((key) => !before.includes(key));
    expect(orphans.length).toBeGreaterThan(1);
    expect([...(lines[0]!.fields.files as string[])].sort()).toEqual(orphans);
  });
});
