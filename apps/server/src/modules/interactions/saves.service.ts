import type { Clock } from '../../platform/clock.js';
import type { Id, IdGenerator } from '../../platform/ids.js';
import type { SaveStore } from './interactions.ports.js';
import { postNotFound } from './interactions.errors.js';
import type { PostGate } from './post-gate.js';

/** Saved posts are private to the saver; a saved post the saver may no longer see drops out of the list. */
export function createSaves(deps: { gate: PostGate; saves: SaveStore; ids: IdGenerator; clock: Clock }) {
  return {
    async save(viewerId: Id, postId: Id) {
      await deps.gate.open(viewerId, postId);
      await deps.saves.save(viewerId, postId, deps.ids.next(), deps.clock.now());
      if (!(await deps.gate.stillExists(postId))) {
        await deps.saves.unsave(viewerId, postId);
        throw postNotFound();
      }
      return { saved: true };
    },
    async unsave(viewerId: Id, postId: Id) {
      await deps.saves.unsave(viewerId, postId);
      return { saved: false };
    },
    async list(viewerId: Id, after: string | null, limit: number) {
      const page = await deps.saves.saved(viewerId, after, limit);
      return { shown: await deps.gate.openMany(viewerId, page.ids), next: page.next };
    },
  };
}
