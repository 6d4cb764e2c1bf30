import type { Id } from '../../platform/ids.js';
import type { RealtimeHub, RealtimeMessage } from '../../platform/realtime.js';

/** One process's hub: enough when the gateway and the worker share a process (the embedded profile). */
export function createMemoryRealtimeHub(): RealtimeHub {
  const listeners = new Map<Id, Set<(message: RealtimeMessage) => void>>();
  return {
    async publish(userId, message) {
      for (const listener of listeners.get(userId) ?? []) listener(message);
    },
    subscribe(userId, listener) {
      const set = listeners.get(userId) ?? new Set();
      set.add(listener);
      listeners.set(userId, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(userId);
      };
    },
  };
}
