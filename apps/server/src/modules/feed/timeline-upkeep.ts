import type { Clock } from '../../platform/clock.js';
import type { Id } from '../../platform/ids.js';
import type { AccountDirectory } from '../accounts/public.js';
import type { GraphReader } from '../graph/public.js';
import type { RecentPosts, TimelineDelivery, TimelineEntry, TimelineStore } from './feed.ports.js';

const DAY_MS = 86_400_000;
const MARK_READ_EVERY_MS = 3_600_000;
const FAN_OUT_BATCH = 1000;
/** Timeline rows per transaction in a fan-out: big enough to amortise a commit, small enough to keep readers waiting briefly. */
const FLUSH_ROWS = 20_000;
/** Follower ids per activity query. */
const ACTIVITY_BATCH = 5000;
/** Posts pulled per followed account when a follow starts. */
const BACKFILL_PER_AUTHOR = 20;
/** Posts pulled when a returning reader's timeline is rebuilt. */
const REBUILD_POSTS = 200;
const MAX_FOLLOWING_FOR_REBUILD = 5000;

export interface UpkeepDeps {
  timelines: TimelineStore;
  recent: RecentPosts;
  graph: GraphReader;
  accounts: AccountDirectory;
  clock: Clock;
  settings: { celebrityFollowerThreshold: number; inactiveAfterDays: number };
}

/**
 * Keeping timelines right: the hybrid fan-out, follow backfill, and the
 * synchronous rebuild for a reader fan-out skipped while they were away.
 */
export function createTimelineUpkeep(deps: UpkeepDeps) {
  const { timelines, graph, settings } = deps;
  const inactiveMs = settings.inactiveAfterDays * DAY_MS;

  /** Which of `authorIds` are celebrities now; records changes in the celebrity list. */
  async function celebritiesAmong(authorIds: readonly Id[]): Promise<Set<Id>> {
    const [counts, listed] = await Promise.all([graph.counts(authorIds), timelines.celebrities()]);
    const known = new Set(listed);
    const now = new Set<Id>();
    for (const authorId of authorIds) {
      const celebrity = (counts.get(authorId)?.followers ?? 0) > settings.celebrityFollowerThreshold;
      if (celebrity) now.add(authorId);
      if (celebrity !== known.has(authorId)) await timelines.setCelebrity(authorId, celebrity);
    }
    return now;
  }

  async function allFollowers(authorId: Id): Promise<Id[]> {
    const followers: Id[] = [];
    let after: string | null = null;
    do {
      const page = await graph.followers(authorId, after, FAN_OUT_BATCH);
      followers.push(...page.ids);
      after = page.next;
    } while (after !== null);
    return followers;
  }

  /**
   * Who receives each author's posts: the author and their followers active within the
   * cut-off; a celebrity only themselves. Followers are paged from the graph, then their
   * activity is asked once for everyone in the batch (authors share many followers).
   * Ids only: loading whole accounts here would push the feed's hot authors out of the user cache.
   */
  async function readersOf(authorIds: readonly Id[]): Promise<Map<Id, Id[]>> {
    const celebrities = await celebritiesAmong(authorIds);
    const followersOf = new Map<Id, Id[]>();
    for (const authorId of authorIds) {
      if (!celebrities.has(authorId)) followersOf.set(authorId, await allFollowers(authorId));
    }
    const everyone = [...new Set([...followersOf.values()].flat())];
    const since = new Date(deps.clock.now().getTime() - inactiveMs);
    const active = new Set<Id>();
    for (let from = 0; from < everyone.length; from += ACTIVITY_BATCH) {
      for (const id of await deps.accounts.activeAmong(everyone.slice(from, from + ACTIVITY_BATCH), since)) active.add(id);
    }
    return new Map(authorIds.map((authorId) => [authorId, [authorId, ...(followersOf.get(authorId) ?? []).filter((id) => active.has(id))]]));
  }

  return {
    /**
     * The hybrid fan-out of a batch of posts (oldest first): each goes to its author
     * and to every recently active follower; celebrities' posts only to the author
     * (readers pull them). Followers are looked up once per author per batch, and
     * rows are written in transactions of about FLUSH_ROWS. Returns rows written.
     */
    async fanOut(entries: readonly TimelineEntry[]): Promise<number> {
      const readers = await readersOf([...new Set(entries.map((e) => e.authorId))]);
      let pending: TimelineDelivery[] = [];
      let pendingRows = 0;
      let written = 0;
      for (const entry of entries) {
        const readerIds = readers.get(entry.authorId)!;
        pending.push({ entry, readerIds });
        pendingRows += readerIds.length;
        if (pendingRows >= FLUSH_ROWS) {
          written += await timelines.push(pending);
          pending = [];
          pendingRows = 0;
        }
      }
      return written + (pending.length ? await timelines.push(pending) : 0);
    },

    /** Re-checks one author against the celebrity threshold (their follower count changed). */
    async recheckCelebrity(authorId: Id): Promise<void> {
      await celebritiesAmong([authorId]);
    },

    /**
     * Puts an author's recent posts into one reader's timeline (a new follow, an unmute),
     * only while the reader follows them: reads drop anyone else's posts, so rows from
     * unmuting an account one never followed would only cost every later page. Re-checks
     * the author against the celebrity threshold on the way (their follower count moved).
     */
    async backfill(readerId: Id, authorId: Id): Promise<void> {
      if ((await celebritiesAmong([authorId])).has(authorId)) return;
      if (!(await graph.followedAmong(readerId, [authorId])).has(authorId)) return;
      await pushToOne(readerId, await deps.recent.recentByAuthors([authorId], null, BACKFILL_PER_AUTHOR));
    },

    /**
     * Before a read: a reader who never read, or has been away longer than the
     * fan-out's inactivity cut-off, may have been skipped, so their timeline is
     * rebuilt now from the accounts they follow — never an empty feed.
     */
    async ensureFresh(readerId: Id): Promise<void> {
      const now = deps.clock.now().getTime();
      const lastRead = (await timelines.lastRead(readerId))?.getTime() ?? null;
      if (lastRead === null || now - lastRead > inactiveMs - DAY_MS) await rebuild(readerId);
      if (lastRead === null || now - lastRead > MARK_READ_EVERY_MS) await timelines.markRead(readerId, new Date(now));
    },
  };

  async function rebuild(readerId: Id): Promise<void> {
    const authors: Id[] = [readerId];
    let after: string | null = null;
    do {
      const page = await graph.following(readerId, after, FAN_OUT_BATCH);
      authors.push(...page.ids);
      after = page.next;
    } while (after !== null && authors.length < MAX_FOLLOWING_FOR_REBUILD);
    await pushToOne(readerId, await deps.recent.recentByAuthors(authors, null, REBUILD_POSTS));
  }

  /** Entries come newest first from RecentPosts; the store wants older first. */
  function pushToOne(readerId: Id, newestFirst: readonly TimelineEntry[]): Promise<number> {
    return timelines.push([...newestFirst].reverse().map((entry) => ({ entry, readerIds: [readerId] })));
  }
}

export type TimelineUpkeep = ReturnType<typeof createTimelineUpkeep>;
