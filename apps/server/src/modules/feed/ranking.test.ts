import { describe, expect, it } from 'vitest';
import { affinityScore, diversify, engagementScore, RANKING_WEIGHTS, rankCandidates, recencyScore, type RankCandidate } from './ranking.js';

const now = new Date('2026-03-01T12:00:00Z');
const nowMs = now.getTime();
const hoursAgo = (h: number) => nowMs - h * 3_600_000;
let seq = 1000;
const post = (over: Partial<RankCandidate>): RankCandidate => ({
  postId: String(seq++), authorId: 'a', createdAtMs: nowMs, likes: 0, comments: 0, affinity: { likes: 0, comments: 0 }, ...over,
});

describe('ranking signals', () => {
  it('when a post is minutes old, then it is in the same hour bucket as a brand new one', () => {
    expect(recencyScore(hoursAgo(0.9), nowMs, 6)).toBe(recencyScore(nowMs, nowMs, 6));
    expect(recencyScore(hoursAgo(1), nowMs, 6)).toBeLessThan(recencyScore(nowMs, nowMs, 6));
  });
  it('when engagement grows, then the score grows and saturates at 1; a comment weighs two likes', () => {
    expect(engagementScore(0, 0)).toBe(0);
    expect(engagementScore(10, 0)).toBeLessThan(engagementScore(100, 0));
    expect(engagementScore(0, 5)).toBeCloseTo(engagementScore(10, 0));
    expect(engagementScore(1e9, 0)).toBe(1);
  });
  it('when the viewer has engaged with an author more, then affinity grows toward 1', () => {
    expect(affinityScore({ likes: 0, comments: 0 })).toBe(0);
    expect(affinityScore({ likes: 3, comments: 0 })).toBeCloseTo(affinityScore({ likes: 0, comments: 1 }));
    expect(affinityScore({ likes: 100, comments: 100 })).toBeLessThanOrEqual(1);
  });
});

describe('rankCandidates', () => {
  it('when posts differ only by age, then newer comes first', () => {
    const old = post({ createdAtMs: hoursAgo(5), authorId: 'x' });
    const fresh = post({ createdAtMs: hoursAgo(0), authorId: 'y' });
    expect(rankCandidates([old, fresh], now).map((p) => p.postId)).toEqual([fresh.postId, old.postId]);
  });
  it('when two posts share an hour bucket, then the more popular one comes first (seed 004)', () => {
    const quiet = post({ createdAtMs: hoursAgo(2.1), authorId: 'x' });
    const popular = post({ createdAtMs: hoursAgo(2.9), likes: 40, comments: 5, authorId: 'y' });
    expect(rankCandidates([quiet, popular], now)[0]).toBe(popular);
  });
  it('when the viewer often likes an author, then that author is lifted over a stranger of the same age', () => {
    const stranger = post({ authorId: 'x' });
    const friend = post({ authorId: 'y', affinity: { likes: 20, comments: 4 } });
    expect(rankCandidates([stranger, friend], now)[0]).toBe(friend);
  });
  it('when scores tie, then the newer post id wins, so the order is total', () => {
    const a = post({ authorId: 'x' });
    const b = post({ authorId: 'y' });
    expect(rankCandidates([a, b], now)[0]).toBe(b);
  });
  it('when one author dominates the scores, then no more than two of theirs run in a row while others wait', () => {
    const star = Array.from({ length: 6 }, () => post({ authorId: 'star', likes: 5000 }));
    const others = [post({ authorId: 'b' }), post({ authorId: 'c' })];
    const ranked = rankCandidates([...star, ...others], now).map((p) => p.authorId);
    expect(ranked.slice(0, 5)).toEqual(['star', 'star', 'c', 'star', 'star']); // c ties b and is newer
    expect(ranked[5]).toBe('b');
  });
});

describe('rankCandidates on whole windows', () => {
  it('when a window arrives in any order, then it comes out by score, ties to the newer id, as a full sort would give', () => {
    const w = { ...RANKING_WEIGHTS, maxRun: Number.POSITIVE_INFINITY }; // the sort alone, no diversity moves
    const score = (c: RankCandidate) => w.recency * recencyScore(c.createdAtMs, nowMs, w.halfLifeHours)
      + w.engagement * engagementScore(c.likes, c.comments) + w.affinity * affinityScore(c.affinity);
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    for (let round = 0; round < 50; round++) {
      const window = Array.from({ length: 60 }, () => post({
        authorId: String(random(8)), createdAtMs: hoursAgo(random(300)), likes: random(3) ? 0 : random(500), comments: random(4) ? 0 : random(30),
        affinity: { likes: random(2) ? 0 : random(20), comments: 0 },
      }));
      const expected = [...window].sort((a, b) => score(b) - score(a) || (BigInt(b.postId) > BigInt(a.postId) ? 1 : -1));
      const shuffled = round % 2 ? [...window].reverse() : window;
      expect(rankCandidates(shuffled, now, w).map((c) => c.postId)).toEqual(expected.map((c) => c.postId));
    }
  });
});

describe('diversify', () => {
  it('when only one author is left, then their posts still all appear', () => {
    const items = ['a', 'a', 'a', 'a'].map((authorId, i) => ({ authorId, i }));
    expect(diversify(items, 2).map((x) => x.i)).toEqual([0, 1, 2, 3]);
  });
  it('when nothing needs moving, then the order is kept', () => {
    const items = ['a', 'b', 'a', 'b'].map((authorId, i) => ({ authorId, i }));
    expect(diversify(items, 2).map((x) => x.i)).toEqual([0, 1, 2, 3]);
  });
  it('when any list is diversified, then the result is the plain greedy rule\'s: best pending, unless its author has run maxRun, then the best other', () => {
    // The rule as first written (re-checking the last maxRun items, splicing the pick out), the
    // reference the single-pass version must match whatever the run lengths and authors.
    const plain = <T extends { authorId: string }>(ranked: readonly T[], maxRun: number): T[] => {
      const pending = [...ranked];
      const out: T[] = [];
      while (pending.length > 0) {
        const last = out.slice(-maxRun);
        const runAuthor = last.length === maxRun && last.every((x) => x.authorId === last[0]!.authorId) ? last[0]!.authorId : null;
        const other = runAuthor === null ? -1 : pending.findIndex((x) => x.authorId !== runAuthor);
        out.push(pending.splice(Math.max(0, other), 1)[0]!);
      }
      return out;
    };
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    for (let round = 0; round < 2000; round++) {
      const authors = 1 + random(5);
      const maxRun = 1 + random(4);
      const items = Array.from({ length: random(40) }, (_, i) => ({ authorId: String(random(authors)), i }));
      expect(diversify(items, maxRun).map((x) => x.i)).toEqual(plain(items, maxRun).map((x) => x.i));
    }
  });
});
