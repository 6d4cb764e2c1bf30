/** A heart and its count; the count is null when the author hides it. */
export interface LikeState {
  liked: boolean;
  likes: number | null;
}

/** What a heart shows once someone has clicked it, and why a request failed, if one did. */
export interface LikeView extends LikeState {
  error: unknown;
}

export type SendLike = (on: boolean) => Promise<LikeState>;

interface Target {
  /** The server's last answer (before the first one: what the item said when first clicked). */
  known: LikeState;
  /** Where the person left the heart; differs from `known.liked` while that is still to be sent. */
  wanted: boolean;
  /** The newest way to send, from the last click (the components that click may change). */
  send: SendLike;
  busy: boolean;
  error: unknown;
  view: LikeView;
}

/** The components showing a target, and its traffic once someone has clicked it. */
interface Entry {
  listeners: Set<() => void>;
  target: Target | null;
}

/**
 * Every heart's traffic with the server, one target (a post, a comment) at a time. A click moves
 * the heart at once, but a target has at most one request in flight: clicks made meanwhile only
 * change what is wanted, and when the answer comes the wanted state is sent if the answer differs
 * from it. Answers therefore come in the order they were asked for, and once nothing is pending
 * the heart shows the last answer exactly. A failure puts the heart back to the last answer the
 * server gave.
 *
 * Shared by every component that shows the same target (the feed card, then the post page opened
 * while its like was still on the way), so they agree and never send at the same time. A target is
 * forgotten once nothing shows it and nothing is in flight: the caches its answers were written
 * into say the same from then on.
 */
export class LikeSyncs {
  private readonly entries = new Map<string, Entry>();

  /** What the target shows, or null while nobody has clicked it here (the item itself says). */
  view(key: string): LikeView | null {
    return this.entries.get(key)?.target?.view ?? null;
  }

  subscribe(key: string, listener: () => void): () => void {
    const entry = this.entry(key);
    entry.listeners.add(listener);
    return () => {
      entry.listeners.delete(listener);
      this.forgetIfIdle(key, entry);
    };
  }

  /** Moves the heart to `on` now; `shown` is what the item says, used when nothing is known here yet. */
  set(key: string, on: boolean, shown: LikeState, send: SendLike) {
    const entry = this.entry(key);
    entry.target ??= { known: shown, wanted: shown.liked, send, busy: false, error: null, view: { ...shown, error: null } };
    const target = entry.target;
    target.wanted = on;
    target.send = send;
    target.error = null;
    publish(entry);
    if (!target.busy) void this.flush(key, entry, target);
  }

  private async flush(key: string, entry: Entry, target: Target) {
    target.busy = true;
    try {
      while (target.wanted !== target.known.liked) {
        const asked = target.wanted;
        target.known = await target.send(asked);
        // The server may not have done what was asked: unless the person has clicked since,
        // believe it rather than asking again.
        if (target.wanted === asked) target.wanted = target.known.liked;
        publish(entry);
      }
    } catch (failure) {
      target.wanted = target.known.liked;
      target.error = failure;
      // Only a failure changes the view here; each answer was published as it came.
      publish(entry);
    } finally {
      target.busy = false;
      this.forgetIfIdle(key, entry);
    }
  }

  private entry(key: string): Entry {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { listeners: new Set(), target: null };
      this.entries.set(key, entry);
    }
    return entry;
  }

  private forgetIfIdle(key: string, entry: Entry) {
    if (entry.listeners.size === 0 && !entry.target?.busy && this.entries.get(key) === entry) this.entries.delete(key);
  }
}

/** The shown state: the server's last answer, moved by one where the person wants otherwise. */
function publish(entry: Entry) {
  const target = entry.target;
  if (!target) return;
  const { known, wanted, error } = target;
  const step = wanted === known.liked ? 0 : wanted ? 1 : -1;
  target.view = { liked: wanted, likes: known.likes === null ? null : Math.max(0, known.likes + step), error };
  for (const listener of [...entry.listeners]) listener();
}
