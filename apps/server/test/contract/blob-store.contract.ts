import type { Readable } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BlobStore } from '../../src/modules/media/public.js';

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** The BlobStore contract: content under keys, byte ranges, deletes that tolerate absence, keys that stay inside. */
export function blobStoreContract(name: string, open: () => Promise<BlobStore> | BlobStore) {
  describe(`BlobStore contract: ${name}`, () => {
    let blobs: BlobStore;
    const data = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
    beforeEach(async () => {
      blobs = await open();
    });

    it('when bytes are put, then stat tells size, type and a stable ETag, and read gives them back', async () => {
      await blobs.put('photos/ab/cd.webp', data, 'image/webp');
      const info = await blobs.stat('photos/ab/cd.webp');
      expect(info).toMatchObject({ size: 1000, contentType: 'image/webp' });
      expect(info!.etag).toMatch(/^".+"$/);
      expect((await blobs.stat('photos/ab/cd.webp'))!.etag).toBe(info!.etag);
      expect((await bytesOf(await blobs.read('photos/ab/cd.webp'))).equals(data)).toBe(true);
      await blobs.put('photos/ab/cd.jpg', data, 'image/jpeg');
      expect((await blobs.stat('photos/ab/cd.jpg'))!.contentType).toBe('image/jpeg');
    });

    it('when a range is read, then exactly those bytes, inclusive of both ends', async () => {
      await blobs.put('video/x.mp4', data, 'video/mp4');
      expect((await bytesOf(await blobs.read('video/x.mp4', { start: 10, end: 19 }))).equals(data.subarray(10, 20))).toBe(true);
      expect((await bytesOf(await blobs.read('video/x.mp4', { start: 999, end: 999 }))).equals(data.subarray(999))).toBe(true);
      expect((await bytesOf(await blobs.read('video/x.mp4', { start: 0, end: 0 }))).length).toBe(1);
    });

    it('when the same key is put again, then it still holds one whole copy', async () => {
      await blobs.put('a/same.webp', data, 'image/webp');
      await Promise.all([blobs.put('a/same.webp', data, 'image/webp'), blobs.put('a/same.webp', data, 'image/webp')]);
      expect((await bytesOf(await blobs.read('a/same.webp'))).equals(data)).toBe(true);
      expect((await blobs.stat('a/same.webp'))!.size).toBe(1000);
    });

    it('when a blob is deleted, then it is gone, and deleting a missing key is fine', async () => {
      await blobs.put('a/gone.webp', data, 'image/webp');
      await blobs.delete('a/gone.webp');
      await blobs.delete('a/gone.webp');
      await blobs.delete('never/was.webp');
      expect(await blobs.stat('a/gone.webp')).toBeNull();
    });

    it('when a key is missing or names a folder, then stat is null', async () => {
      await blobs.put('dir/inner/file.webp', data, 'image/webp');
      expect(await blobs.stat('dir/inner')).toBeNull();
      expect(await blobs.stat('nope.webp')).toBeNull();
    });

    it('when a key tries to leave the store, then every operation refuses it', async () => {
      for (const key of ['../escape.webp', 'a/../../escape.webp', '/etc/passwd', '', '.', 'a/../..']) {
        await expect(blobs.put(key, data, 'image/webp'), key).rejects.toThrow();
        expect(await blobs.stat(key), key).toBeNull();
        await expect(blobs.delete(key), key).rejects.toThrow();
        await expect(blobs.read(key), key).rejects.toThrow();
      }
    });
  });
}
