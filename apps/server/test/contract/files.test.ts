/** The files blob store against the BlobStore contract, plus what only a filesystem can get wrong. */
import { mkdirSync, mkdtempSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileBlobStore } from '../../src/adapters/files/blob-store.files.js';
import { blobStoreContract } from './blob-store.contract.js';

const freshRoot = () => mkdtempSync(join(tmpdir(), 'pictor-blobs-'));

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? allFiles(join(dir, entry.name)).map((f) => `${entry.name}/${f}`) : [entry.name]);
}

blobStoreContract('files', () => createFileBlobStore(join(freshRoot(), 'media')));

describe('files blob store', () => {
  it('when writes finish, then no temporary files are left beside them', async () => {
    const root = join(freshRoot(), 'media');
    const blobs = createFileBlobStore(root);
    await Promise.all(Array.from({ length: 20 }, (_, i) => blobs.put(`p/${i % 3}.webp`, Buffer.alloc(50_000, i), 'image/webp')));
    expect(allFiles(root).sort()).toEqual(['p/0.webp', 'p/1.webp', 'p/2.webp']);
    for (const key of ['p/0.webp', 'p/1.webp', 'p/2.webp']) expect((await blobs.stat(key))!.size).toBe(50_000);
  });

  it('when a write cannot be moved into place, then it fails and leaves nothing half-written behind', async () => {
    const root = join(freshRoot(), 'media');
    const blobs = createFileBlobStore(root);
    mkdirSync(join(root, 'p', 'taken.webp', 'inner'), { recursive: true });
    await expect(blobs.put('p/taken.webp', Buffer.alloc(10), 'image/webp')).rejects.toThrow();
    expect(allFiles(root)).toEqual([]);
  });

  it('when a key tries to escape, then nothing is written outside the root', async () => {
    const parent = freshRoot();
    const blobs = createFileBlobStore(join(parent, 'media'));
    await expect(blobs.put('../outside.webp', Buffer.alloc(10), 'image/webp')).rejects.toThrow();
    await expect(blobs.put('../media-evil/x.webp', Buffer.alloc(10), 'image/webp')).rejects.toThrow();
    expect(existsSync(join(parent, 'outside.webp'))).toBe(false);
    expect(existsSync(join(parent, 'media-evil'))).toBe(false);
  });
});
