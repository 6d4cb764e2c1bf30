import { useMe } from '../features/auth/session';
import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react';

/**
 * The one place the web app will hold its real-time connection (messages, notifications,
 * typing, live counts). The gateway sends JSON messages with a `type` (for example `follow`,
 * `follow_request`); features subscribe by that type. It connects only while someone is signed in.
 */
export type RealtimeStatus = 'idle' | 'connecting' | 'open' | 'closed';
type Listener = (payload: unknown) => void;

interface Realtime {
  status: RealtimeStatus;
  subscribe(topic: string, listener: Listener): () => void;
}

const RealtimeContext = createContext<Realtime>({ status: 'idle', subscribe: () => () => {} });

export function RealtimeProvider({ enabled, url, children }: { enabled: boolean; url?: string; children: ReactNode }) {
  const [status, setStatus] = useState<RealtimeStatus>('idle');
  const listeners = useRef(new Map<string, Set<Listener>>());

  useEffect(() => {
    if (!enabled || !url) return;
    const socket = new WebSocket(new URL(url, window.location.href).href.replace(/^http/, 'ws'));
    setStatus('connecting');
    socket.onopen = () => setStatus('open');
    socket.onclose = () => setStatus('closed');
    socket.onmessage = (event) => {
      try {
        const message = JSON.parse(String(event.data)) as { type?: string };
        for (const listener of listeners.current.get(message.type ?? '') ?? []) listener(message);
      } catch {
        // Ignore frames we do not understand yet.
      }
    };
    return () => socket.close();
  }, [enabled, url]);

  const value: Realtime = {
    status,
    subscribe(topic, listener) {
      const set = listeners.current.get(topic) ?? new Set();
      set.add(listener);
      listeners.current.set(topic, set);
      return () => set.delete(listener);
    },
  };
  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}

export const useRealtime = () => useContext(RealtimeContext);

/** The live connection for whoever is signed in (none for visitors). */
export function ViewerRealtime({ children }: { children: ReactNode }) {
  const signedIn = Boolean(useMe().data);
  return (
    <RealtimeProvider enabled={signedIn} url="/api/v1/realtime">
      {children}
    </RealtimeProvider>
  );
}
