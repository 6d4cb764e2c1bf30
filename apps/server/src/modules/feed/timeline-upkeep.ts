import type { Clock } from '../../platform/clock.js';
import type { Id } from '../../platform/ids.js';
import type { AccountDirectory } from '../accounts/public.js';
import type { GraphReader } from '../graph/public.js';
import type { RecentPosts, TimelineEntry, TimelineStore } from './feed.ports.js';

const DAY_MS = 86_400_000;
const MARK_READ_EVERY_MS = 3_600_000;
const FAN_OUT_BATCH = 1000;
/** Posts pulled per followed account when a follow starts. */
export const BACKFILL_PER_AUTHOR = 20;
/** Posts pulled when a returning reader's timeline is rebuilt. */
export const REBUILD_POSTS = 200;
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

  async function isCelebrity(authorId: Id): Promise<boolean> {
    const followers = (await graph.counts([authorId])).get(authorId)?.followers ?? 0;
    const celebrity = followers > settings.celebrityFollowerThreshold;
    await timelines.setCelebrity(authorId, celebrity);
    return celebrity;
  }

  return {
    isCelebrity,

    /**
     * Pushes a post to its author and every recently active follower, a batch of
     * followers per transaction. Celebrities' posts are not pushed (readers pull
     * them). Returns the number of timeline rows written.
     */
    async fanOut(entry: TimelineEntry): Promise<number> {
      let written = await timelines.pushToMany([entry.authorId], entry);
      if (await isCelebrity(entry.authorId)) return written;
      const activeSince = deps.clock.now().getTime() - inactiveMs;
      let after: string | null = null;
      do {
        const page = await graph.followers(entry.authorId, after, FAN_OUT_BATCH);
        const users = await deps.accounts.findManyByIds(page.ids);
        const active = users.filter((u) => u.lastActiveAt.getTime() >= activeSince).map((u) => u.id);
        written += await timelines.pushToMany(active, entry);
        after = page.next;
      } while (after !== null);
      return written;
    },

    /** Puts an author's recent posts into one reader's timeline (a new follow, an unmute). */
    async backfill(readerId: Id, authorId: Id): Promise<void> {
      if (await isCelebrity(authorId)) return;
      await timelines.pushMany(readerId, await deps.recent.recentByAuthors([authorId], null, BACKFILL_PER_AUTHOR));
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
    await timelines.pushMany(readerId, await deps.recent.recentByAuthors(authors, null, REBUILD_POSTS));
  }
}

export type TimelineUpkeep = ReturnType<typeof createTimelineUpkeep>;
