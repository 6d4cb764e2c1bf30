import type { Clock } from '../../platform/clock.js';
import type { Id, IdGenerator } from '../../platform/ids.js';
import type { AccountDirectory } from '../accounts/public.js';
import { cannotTargetSelf, userNotFound } from './graph.errors.js';
import { relationEvents } from './graph.events.js';
import type { GraphStore } from './graph.ports.js';
import type { RelationKind } from './graph.types.js';

/**
 * Block (ends follows both ways, each side stops seeing the other), mute (their
 * posts leave the viewer's feed, nothing else changes) and restrict (seed 002:
 * their comments show only to themselves and the viewer).
 */
export function createRelations(deps: { graph: GraphStore; accounts: AccountDirectory; ids: IdGenerator; clock: Clock }) {
  return {
    async set(actorId: Id, subjectId: Id, kind: RelationKind, on: boolean): Promise<void> {
      if (actorId === subjectId) throw cannotTargetSelf(kind);
      const subject = await deps.accounts.findById(subjectId);
      if (!subject) throw userNotFound();
      if (on && kind !== 'block' && (await deps.graph.facts(actorId, subjectId)).blockedBy) throw userNotFound();
      await deps.graph.setRelation(actorId, subjectId, kind, on, deps.ids.next(), deps.clock.now(), relationEvents(kind, actorId, subjectId, on));
    },
  };
}
