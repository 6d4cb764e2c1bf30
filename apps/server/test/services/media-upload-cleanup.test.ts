/**
 * An upload writes its files one by one. When a write fails part way, the files already
 * written are removed again; when that removal fails too, nothing would ever find those
 * files, so the operator is told which ones they are (and only that), and the caller
 * still gets the error that stopped the upload. Real files and sharp; the write fails for
 * real (a directory sits where a file must go), and a stand-in only refuses removals.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PreparedPhoto } from '../../src/modules/media/public.js';
import type { Logger } from '../../src/platform/logger.js';
import { jpeg } from '../factories/photos.js';
import { recordingLogger } from '../support/recording-logger.js';
import { filesOnDisk, mediaRefusingRemoval } from '../support/stubborn-files.js';

let root: string;
/** Which keys the disk refuses to remove (see filesRefusingRemoval). */
let refusesToRemove: (key: string) => boolean;

const mediaModule = (logger: Logger) => mediaRefusingRemoval(root, (key) => refusesToRemove(key), logger);

async function preparedPhotos(media: ReturnType<typeof mediaModule>, seeds: number[]): Promise<PreparedPhoto[]> {
  const prepared: PreparedPhoto[] = [];
  for (const seed of seeds) {
    const bytes = await jpeg(320, 320, seed);
    prepared.push(await media.photos.prepare(bytes, await media.photos.admit(bytes), { crop: '1:1', filter: 'normal' }));
  }
  return prepared;
}

/** A folder where the last photo's original must go: its write fails after every other file is in place. */
function blockOriginal(prefix: string, photo: PreparedPhoto) {
  mkdirSync(join(root, 'originals', prefix, `${photo.sha256}.bin`), { recursive: true });
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pictor-media-cleanup-'));
  refusesToRemove = () => false;
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('storing a post\'s photos when a write fails part way', () => {
  const prefix = '7/1234';

  it('when some written files cannot be removed, then one error names exactly those files and the caller gets the write\'s error', async () => {
    const { log, lines } = recordingLogger();
    const media = mediaModule(log);
    const photos = await preparedPhotos(media, [11, 12]);
    blockOriginal(prefix, photos[1]!);
    refusesToRemove = (key) => key.includes('-feed.');

    await expect(media.photos.store(prefix, photos)).rejects.toMatchObject({ code: 'EISDIR' });

    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line!.level).toBe('error');
    // What an operator needs to clean up, and nothing else (no bytes, no hashes of what was sent).
    expect(Object.keys(line!.fields).sort()).toEqual(['err', 'files']);
    const left = filesOnDisk(root);
    // The feed variants of both photos, as WebP and JPEG; every other file went.
    expect(left).toHaveLength(4);
    for (const key of left) expect(key).toMatch(new RegExp(`^photos/${prefix}/[\\w-]+-feed\\.(webp|jpg)$`));
    expect([...(line!.fields.files as string[])].sort()).toEqual(left);
    const err = line!.fields.err as AggregateError;
    expect(err).toBeInstanceOf(AggregateError);
    expect(err.errors).toHaveLength(4);
    expect(err.errors.every((reason: { code?: string }) => reason.code === 'EROFS')).toBe(true);
  });

  it('when every written file can be removed, then nothing is left, nothing is logged, and the caller gets the write\'s error', async () => {
    const { log, lines } = recordingLogger();
    const media = mediaModule(log);
    const photos = await preparedPhotos(media, [13]);
    blockOriginal(prefix, photos[0]!);

    await expect(media.photos.store(prefix, photos)).rejects.toMatchObject({ code: 'EISDIR' });

    expect(lines).toEqual([]);
    expect(filesOnDisk(root)).toEqual([]);
  });
});

describe('storing an avatar when a write fails part way', () => {
  const owner = '7';

  /** A folder where the larger size must go: its write fails after the smaller one is in place. */
  function blockLargeSize(bytes: Buffer) {
    const digest = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
    mkdirSync(join(root, 'avatars', owner, `${digest}-320.webp`), { recursive: true });
  }

  it('when the size written cannot be removed, then it is logged and the person uploading still hears the upload failed', async () => {
    const { log, lines } = recordingLogger();
    const media = mediaModule(log);
    const bytes = await jpeg(400, 400, 21);
    blockLargeSize(bytes);
    refusesToRemove = () => true;

    // The write's own error (the server's fault, not the picture's), not the removal's EROFS.
    await expect(media.avatars.store(owner, bytes)).rejects.toMatchObject({ code: 'EISDIR' });

    const left = filesOnDisk(root);
    expect(left).toEqual([expect.stringMatching(new RegExp(`^avatars/${owner}/[0-9a-f]{32}-150\\.webp$`))]);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.level).toBe('error');
    expect(Object.keys(lines[0]!.fields).sort()).toEqual(['err', 'files']);
    expect(lines[0]!.fields.files).toEqual(left);
  });

  it('when the size written can be removed, then nothing is left and nothing is logged', async () => {
    const { log, lines } = recordingLogger();
    const media = mediaModule(log);
    const bytes = await jpeg(400, 400, 22);
    blockLargeSize(bytes);

    await expect(media.avatars.store(owner, bytes)).rejects.toMatchObject({ code: 'EISDIR' });

    expect(lines).toEqual([]);
    expect(filesOnDisk(root)).toEqual([]);
  });
});

describe('discarding an avatar no account points at any more', () => {
  it('when one of its files cannot be removed, then that file is logged and nothing is thrown: the replacement or removal stands', async () => {
    const { log, lines } = recordingLogger();
    const media = mediaModule(log);
    const avatar = await media.avatars.store('7', await jpeg(400, 400, 23));
    refusesToRemove = (key) => key.endsWith('-320.webp');

    await media.avatars.discard(avatar);

    expect(filesOnDisk(root)).toEqual([avatar.sizes['320']]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'error', fields: { files: [avatar.sizes['320']] } });
    expect(Object.keys(lines[0]!.fields).sort()).toEqual(['err', 'files']);
  });
});
