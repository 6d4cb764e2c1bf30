import type { Id } from './ids.js';

/** A message pushed to a signed-in person's open connections. */
export interface RealtimeMessage {
  type: string;
  [key: string]: unknown;
}

/**
 * Delivers messages to whichever gateway holds a user's connections: in-process
 * when one process runs every role, Redis pub/sub when gateways are separate.
 * Delivery is best effort; anything that must not be lost is also stored.
 */
export interface RealtimeHub {
  publish(userId: Id, message: RealtimeMessage): Promise<void>;
  /** Listens for one user's messages until the returned function is called. */
  subscribe(userId: Id, listener: (message: RealtimeMessage) => void): () => void;
}
