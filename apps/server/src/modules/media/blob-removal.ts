import type { Logger } from '../../platform/logger.js';
import type { BlobStore } from './media.ports.js';

interface FailedRemoval {
  /** The keys whose delete failed: their files may still be there. */
  keys: string[];
  /** Why, one reason per key in `keys`. */
  error: AggregateError;
}

/** Tries to delete every key, all at once; answers which failed and why, or null when none did. */
async function removeBlobs(blobs: BlobStore, keys: readonly string[]): Promise<FailedRemoval | null> {
  const results = await Promise.allSettled(keys.map((key) => blobs.delete(key)));
  const failed = keys.flatMap((key, index) => {
    const result = results[index]!;
    return result.status === 'rejected' ? [{ key, reason: result.reason as unknown }] : [];
  });
  if (failed.length === 0) return null;
  const error = new AggregateError(failed.map((failure) => failure.reason), `${failed.length} of ${keys.length} files could not be removed`);
  return { keys: failed.map((failure) => failure.key), error };
}

/**
 * Removes files a job was asked to remove; missing ones are fine. Tries every key, then
 * throws if any delete failed, so the job is retried instead of leaving orphans.
 */
export async function removeOrThrow(blobs: BlobStore, keys: readonly string[]): Promise<void> {
  const failure = await removeBlobs(blobs, keys);
  if (failure) throw failure.error;
}

/**
 * Removes files no record points at: what an upload wrote before it failed, a post that
 * was never written, an avatar replaced or removed. The removal never replaces the error
 * or answer the caller is about to give; but nothing would ever look for those files
 * again either, so the ones left behind are logged by key, with the caller's `context`,
 * for an operator to remove (keys and reasons only: never the bytes).
 */
export async function discardUnreferenced(blobs: BlobStore, log: Logger, files: readonly string[], context: Record<string, unknown> = {}): Promise<void> {
  const failure = await removeBlobs(blobs, files);
  if (failure) log.error({ ...context, files: failure.keys, err: failure.error }, 'could not remove files nothing points at: they are orphaned');
}
