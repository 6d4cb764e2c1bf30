import { compareIds, type Id } from '../../platform/ids.js';

/**
 * Ranked mode, pure: no I/O, no clock (time comes in as `now`).
 *
 * score = W.recency * recency + W.engagement * engagement + W.affinity * affinity
 *   recency    = 1 / (1 + hours / halfLifeHours), with hours truncated to whole hours
 *                (seed 004: posts are bucketed by the hour first)
 *   engagement = min(1, log10(1 + likes + 2 * comments) / 4)   (10,000 interactions saturate)
 *   affinity   = 1 - exp(-(likes + 3 * comments) / 10), the viewer's past likes and
 *                comments on this author's posts (a comment says more than a like)
 *
 * With the default weights one hour of age costs about as much as an order of
 * magnitude of engagement for a fresh post, so the page reads as "newest first,
 * with popular and close-to-you posts lifted" — seed 004's hour buckets then
 * popularity, softened. Ties break on the newer post id so the order is total.
 *
 * Diversity: at most `maxRun` posts in a row from one author while another
 * author's post is waiting; the next-best other author's post is pulled forward.
 */
export const RANKING_WEIGHTS = {
  recency: 1.0,
  engagement: 0.6,
  affinity: 0.4,
  halfLifeHours: 6,
  maxRun: 2,
} as const;

export type RankingWeights = { [K in keyof typeof RANKING_WEIGHTS]: number };

export interface RankCandidate {
  postId: Id;
  authorId: Id;
  /** When the post was made, in epoch milliseconds (idEpochMs: no Date per candidate). */
  createdAtMs: number;
  likes: number;
  comments: number;
  /** The viewer's likes and comments on this author's posts. */
  affinity: { likes: number; comments: number };
}

export function recencyScore(createdAtMs: number, nowMs: number, halfLifeHours: number): number {
  const hours = Math.max(0, Math.floor((nowMs - createdAtMs) / 3_600_000));
  return 1 / (1 + hours / halfLifeHours);
}

export function engagementScore(likes: number, comments: number): number {
  return Math.min(1, Math.log10(1 + Math.max(0, likes) + 2 * Math.max(0, comments)) / 4);
}

export function affinityScore(affinity: { likes: number; comments: number }): number {
  return 1 - Math.exp(-(Math.max(0, affinity.likes) + 3 * Math.max(0, affinity.comments)) / 10);
}

function scoreCandidate(c: RankCandidate, nowMs: number, w: RankingWeights = RANKING_WEIGHTS): number {
  return w.recency * recencyScore(c.createdAtMs, nowMs, w.halfLifeHours)
    + w.engagement * engagementScore(c.likes, c.comments)
    + w.affinity * affinityScore(c.affinity);
}

const newerFirst = (a: Id, b: Id) => compareIds(b, a);

/** Best first by score, then reordered so no author runs longer than `maxRun` while others wait. */
export function rankCandidates<T extends RankCandidate>(candidates: readonly T[], now: Date, w: RankingWeights = RANKING_WEIGHTS): T[] {
  const nowMs = now.getTime();
  const scored = candidates.map((c) => ({ c, s: scoreCandidate(c, nowMs, w) }));
  scored.sort((a, b) => b.s - a.s || newerFirst(a.c.postId, b.c.postId));
  return diversify(scored.map((x) => x.c), w.maxRun);
}

/** Greedy: take the best remaining item unless it would extend a run past `maxRun`; then the best other author's. */
export function diversify<T extends { authorId: Id }>(ranked: readonly T[], maxRun: number): T[] {
  const pending = [...ranked];
  const out: T[] = [];
  while (pending.length > 0) {
    const runAuthor = runOf(out, maxRun);
    let pick = 0;
    if (runAuthor !== null) {
      const other = pending.findIndex((item) => item.authorId !== runAuthor);
      if (other >= 0) pick = other;
    }
    out.push(pending.splice(pick, 1)[0]!);
  }
  return out;
}

/** The author of the last `maxRun` items when they are all the same author, else null. */
function runOf<T extends { authorId: Id }>(out: readonly T[], maxRun: number): Id | null {
  if (out.length < maxRun) return null;
  const author = out[out.length - 1]!.authorId;
  for (let i = out.length - maxRun; i < out.length; i++) if (out[i]!.authorId !== author) return null;
  return author;
}
