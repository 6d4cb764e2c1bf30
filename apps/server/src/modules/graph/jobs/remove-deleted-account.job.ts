import type { EventSubscription } from '../../../platform/events.js';
import { AccountEvents } from '../../accounts/public.js';
import type { GraphStore } from '../graph.ports.js';

/** A deleted account leaves no follows, requests or blocks behind, and others' counts drop. */
export function removeDeletedAccountJob(graph: GraphStore): EventSubscription {
  return {
    name: 'graph.remove-deleted-account',
    types: [AccountEvents.deleted],
    handle: async (event) => graph.removeUser((event.payload as { userId: string }).userId),
  };
}
