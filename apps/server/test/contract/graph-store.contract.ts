import { beforeEach, describe, expect, it } from 'vitest';
import type { GraphStore, RelationChange } from '../../src/modules/graph/public.js';
import type { DomainEvent, EventLog } from '../../src/platform/events.js';
import { createIdGenerator } from '../../src/platform/ids.js';

export interface GraphWorld {
  graph: GraphStore;
  events: EventLog;
}

const ids = createIdGenerator(11);
const seq = () => ids.next();
const AT = new Date('2026-03-01T12:00:00Z');
const ev = (type: string): DomainEvent[] => [{ type, payload: {} }];

/** The GraphStore contract: idempotent edges, exact counts, newest-first pages, blocks that cut both ways. */
export function graphStoreContract(name: string, open: () => Promise<GraphWorld> | GraphWorld) {
  describe(`GraphStore contract: ${name}`, () => {
    let world: GraphWorld;
    let graph: GraphStore;
    const users = () => Array.from({ length: 6 }, () => ids.next());
    const counts = async (id: string) => (await graph.counts([id])).get(id);
    const typesSince = async (from: number) => (await world.events.readAfter(from, 100)).map((e) => e.type);

    beforeEach(async () => {
      world = await open();
      graph = world.graph;
    });

    it('when following twice, then one edge, counts of exactly one, and the event only once', async () => {
      const [a, b] = users();
      const from = await world.events.latestSeq();
      expect(await graph.follow(a!, b!, seq(), AT, ev('followed'))).toBe('created');
      expect(await graph.follow(a!, b!, seq(), AT, ev('followed'))).toBe('exists');
      expect(await counts(a!)).toEqual({ followers: 0, following: 1 });
      expect(await counts(b!)).toEqual({ followers: 1, following: 0 });
      expect(await typesSince(from)).toEqual(['followed']);
      expect(await graph.facts(a!, b!)).toMatchObject({ following: true, followedBy: false });
      expect(await graph.facts(b!, a!)).toMatchObject({ following: false, followedBy: true });
    });

    it('when unfollowing twice, then counts drop once, never below zero, and the event only once', async () => {
      const [a, b] = users();
      await graph.follow(a!, b!, seq(), AT, []);
      const from = await world.events.latestSeq();
      expect(await graph.unfollow(a!, b!, ev('unfollowed'))).toBe(true);
      expect(await graph.unfollow(a!, b!, ev('unfollowed'))).toBe(false);
      expect(await counts(a!)).toEqual({ followers: 0, following: 0 });
      expect(await counts(b!)).toEqual({ followers: 0, following: 0 });
      expect(await typesSince(from)).toEqual(['unfollowed']);
    });

    it('when nobody has counts yet, then they read as zero, for any number of ids in one call', async () => {
      const [a, b, c] = users();
      await graph.follow(a!, b!, seq(), AT, []);
      const all = await graph.counts([a!, b!, c!]);
      expect([...all.entries()].sort()).toEqual([[a, { followers: 0, following: 1 }], [b, { followers: 1, following: 0 }], [c, { followers: 0, following: 0 }]].sort());
      expect((await graph.counts([])).size).toBe(0);
    });

    it('when a request is made, approved or declined, then the edge and counts follow, and approving twice does nothing', async () => {
      const [fan, owner, other] = users();
      expect(await graph.request(fan!, owner!, seq(), AT, ev('requested'))).toBe('created');
      expect(await graph.request(fan!, owner!, seq(), AT, ev('requested'))).toBe('exists');
      expect(await graph.facts(fan!, owner!)).toMatchObject({ requested: true, following: false });
      expect(await graph.facts(owner!, fan!)).toMatchObject({ requestedBy: true });
      expect(await counts(owner!)).toEqual({ followers: 0, following: 0 });
      expect(await graph.pendingRequesters(owner!, 10)).toEqual([fan]);
      expect(await graph.approve(fan!, owner!, seq(), AT, ev('followed'))).toBe(true);
      expect(await graph.approve(fan!, owner!, seq(), AT, ev('followed'))).toBe(false);
      expect(await graph.facts(fan!, owner!)).toMatchObject({ requested: false, following: true });
      expect(await counts(owner!)).toEqual({ followers: 1, following: 0 });
      await graph.request(other!, owner!, seq(), AT, []);
      expect(await graph.removeRequest(other!, owner!)).toBe(true);
      expect(await graph.removeRequest(other!, owner!)).toBe(false);
      expect(await graph.approve(other!, owner!, seq(), AT, [])).toBe(false);
      expect(await graph.facts(other!, owner!)).toMatchObject({ following: false, requested: false });
    });

    it('when a follow is made directly, then any pending request between the two goes', async () => {
      const [fan, owner] = users();
      await graph.request(fan!, owner!, seq(), AT, []);
      await graph.follow(fan!, owner!, seq(), AT, []);
      expect(await graph.facts(fan!, owner!)).toMatchObject({ requested: false, following: true });
    });

    it('when pending requesters are listed, then oldest first, up to the limit', async () => {
      const [owner, ...fans] = users();
      for (const fan of fans) await graph.request(fan, owner!, seq(), AT, []);
      expect(await graph.pendingRequesters(owner!, 3)).toEqual(fans.slice(0, 3));
    });

    it('when one blocks another, then follows and requests both ways go, counts follow, and facts show it from both sides', async () => {
      const [a, b, c] = users();
      await graph.follow(a!, b!, seq(), AT, []);
      await graph.follow(b!, a!, seq(), AT, []);
      await graph.follow(c!, a!, seq(), AT, []);
      await graph.request(b!, c!, seq(), AT, []);
      expect(await graph.setRelation(a!, b!, 'block', true, seq(), AT, () => ev('blocked'))).toBe(true);
      expect(await graph.facts(a!, b!)).toMatchObject({ blocking: true, blockedBy: false, following: false, followedBy: false });
      expect(await graph.facts(b!, a!)).toMatchObject({ blocking: false, blockedBy: true });
      expect(await counts(a!)).toEqual({ followers: 1, following: 0 });
      expect(await counts(b!)).toEqual({ followers: 0, following: 0 });
      expect(await graph.facts(b!, c!)).toMatchObject({ requested: true });
      expect(await graph.setRelation(a!, b!, 'block', false, seq(), AT, () => [])).toBe(true);
      expect(await graph.setRelation(a!, b!, 'block', false, seq(), AT, () => [])).toBe(false);
      expect(await graph.facts(a!, b!)).toMatchObject({ blocking: false });
    });

    it('when a block ends follows, then an unfollow for each that ended; blocking again says nothing new', async () => {
      const [a, b, c] = users();
      await graph.follow(b!, a!, seq(), AT, []);
      const from = await world.events.latestSeq();
      const said = (change: RelationChange): DomainEvent[] => [
        ...(change.changed ? ev('blocked') : []),
        ...change.endedFollows.flatMap((f) => ev(`unfollowed ${f.followerId}>${f.followeeId}`)),
      ];
      expect(await graph.setRelation(a!, b!, 'block', true, seq(), AT, said)).toBe(true);
      expect(await graph.setRelation(a!, b!, 'block', true, seq(), AT, said)).toBe(false);
      expect(await graph.setRelation(a!, c!, 'block', true, seq(), AT, said)).toBe(true);
      expect(await typesSince(from)).toEqual(['blocked', `unfollowed ${b}>${a}`, 'blocked']);
    });

    it('when a request was pending, then a block removes it either way', async () => {
      const [a, b] = users();
      await graph.request(b!, a!, seq(), AT, []);
      await graph.setRelation(a!, b!, 'block', true, seq(), AT, () => []);
      expect(await graph.pendingRequesters(a!, 10)).toEqual([]);
    });

    it('when muting or restricting twice, then one relation and the event once; follows are untouched', async () => {
      const [a, b] = users();
      await graph.follow(a!, b!, seq(), AT, []);
      const from = await world.events.latestSeq();
      expect(await graph.setRelation(a!, b!, 'mute', true, seq(), AT, () => ev('muted'))).toBe(true);
      expect(await graph.setRelation(a!, b!, 'mute', true, seq(), AT, () => ev('muted'))).toBe(false);
      expect(await graph.setRelation(a!, b!, 'restrict', true, seq(), AT, () => [])).toBe(true);
      expect(await typesSince(from)).toEqual(['muted']);
      expect(await graph.facts(a!, b!)).toMatchObject({ muting: true, restricting: true, following: true, blocking: false });
      expect(await graph.facts(b!, a!)).toMatchObject({ muting: false, restricting: false });
    });

    it('when asking which of many are blocked, followed or muted, then one call answers for all of them', async () => {
      const [v, blocksV, blockedByV, followed, muted, plain] = users();
      await graph.setRelation(blocksV!, v!, 'block', true, seq(), AT, () => []);
      await graph.setRelation(v!, blockedByV!, 'block', true, seq(), AT, () => []);
      await graph.follow(v!, followed!, seq(), AT, []);
      await graph.follow(plain!, v!, seq(), AT, []);
      await graph.setRelation(v!, muted!, 'mute', true, seq(), AT, () => []);
      await graph.setRelation(muted!, v!, 'block', false, seq(), AT, () => []);
      const others = [blocksV!, blockedByV!, followed!, muted!, plain!];
      expect([...(await graph.blockedAmong(v!, others))].sort()).toEqual([blocksV, blockedByV].sort());
      expect([...(await graph.followedAmong(v!, others))]).toEqual([followed]);
      expect([...(await graph.mutedAmong(v!, others))]).toEqual([muted]);
      expect((await graph.blockedAmong(v!, [])).size).toBe(0);
      expect((await graph.followedAmong(v!, [])).size).toBe(0);
      expect((await graph.mutedAmong(v!, [])).size).toBe(0);
      const all = await graph.relationsAmong(v!, others);
      expect([...all.blocked].sort()).toEqual([blocksV, blockedByV].sort());
      expect([...all.followed]).toEqual([followed]);
      expect([...all.muted]).toEqual([muted]);
      const none = await graph.relationsAmong(v!, []);
      expect(none.followed.size + none.muted.size + none.blocked.size).toBe(0);
    });

    it('when both sides were asked, then a follow or mute shows on the actor\'s side and a block on both, at once', async () => {
      const [v, w] = users();
      const sides = async () => {
        const [ofV, ofW] = [await graph.relationsAmong(v!, [w!]), await graph.relationsAmong(w!, [v!])];
        return [ofV, ofW].map((r) => [...r.followed, ...[...r.muted].map((id) => `muted ${id}`), ...[...r.blocked].map((id) => `blocked ${id}`)]);
      };
      expect(await sides()).toEqual([[], []]);
      await graph.follow(v!, w!, seq(), AT, []);
      expect(await sides()).toEqual([[w], []]);
      await graph.setRelation(w!, v!, 'mute', true, seq(), AT, () => []);
      expect(await sides()).toEqual([[w], [`muted ${v}`]]);
      await graph.setRelation(w!, v!, 'block', true, seq(), AT, () => []);
      expect(await sides()).toEqual([[`blocked ${w}`], [`muted ${v}`, `blocked ${v}`]]);
      await graph.setRelation(w!, v!, 'block', false, seq(), AT, () => []);
      expect(await sides()).toEqual([[], [`muted ${v}`]]);
    });

    it('when relations change after they were asked, then every later answer shows the change', async () => {
      const [v, a, b, c, d] = users();
      const others = [a!, b!, c!, d!];
      const ask = async () => {
        const r = await graph.relationsAmong(v!, others);
        return { followed: [...r.followed].sort(), muted: [...r.muted].sort(), blocked: [...r.blocked].sort() };
      };
      expect(await ask()).toEqual({ followed: [], muted: [], blocked: [] });
      await graph.follow(v!, a!, seq(), AT, []);
      await graph.follow(v!, b!, seq(), AT, []);
      await graph.request(v!, c!, seq(), AT, []);
      expect(await ask()).toEqual({ followed: [a, b].sort(), muted: [], blocked: [] });
      await graph.approve(v!, c!, seq(), AT, []);
      expect(await ask()).toEqual({ followed: [a, b, c].sort(), muted: [], blocked: [] });
      await graph.unfollow(v!, a!, []);
      expect(await ask()).toEqual({ followed: [b!, c!].sort(), muted: [], blocked: [] });
      await graph.setRelation(v!, b!, 'mute', true, seq(), AT, () => []);
      expect(await ask()).toEqual({ followed: [b!, c!].sort(), muted: [b!], blocked: [] });
      await graph.setRelation(c!, v!, 'block', true, seq(), AT, () => []);
      expect(await ask()).toEqual({ followed: [b!], muted: [b!], blocked: [c!] });
      expect((await graph.relationsAmong(c!, [v!])).blocked.has(v!)).toBe(true);
      await graph.setRelation(c!, v!, 'block', false, seq(), AT, () => []);
      await graph.follow(v!, d!, seq(), AT, []);
      expect(await ask()).toEqual({ followed: [b!, d!].sort(), muted: [b!], blocked: [] });
      await graph.removeUser(d!);
      expect(await ask()).toEqual({ followed: [b!], muted: [b!], blocked: [] });
      expect((await graph.relationsAmong(c!, [v!])).blocked.size).toBe(0);
    });

    it('when lists are paged, then newest first, cursors continue without repeats, and the last page says so', async () => {
      const star = ids.next();
      const fans = Array.from({ length: 7 }, () => ids.next());
      for (const fan of fans) {
        await graph.follow(fan, star, seq(), AT, []);
        await graph.follow(star, fan, seq(), AT, []);
        await graph.setRelation(star, fan, 'mute', true, seq(), AT, () => []);
      }
      for (const listing of [
        (after: string | null) => graph.followers(star, after, 3),
        (after: string | null) => graph.following(star, after, 3),
        (after: string | null) => graph.relations(star, 'mute', after, 3),
      ]) {
        const seen: string[] = [];
        let after: string | null = null;
        const sizes: number[] = [];
        do {
          const page = await listing(after);
          seen.push(...page.ids);
          sizes.push(page.ids.length);
          after = page.next;
        } while (after);
        expect(sizes).toEqual([3, 3, 1]);
        expect(seen).toEqual([...fans].reverse());
      }
      const exact = await graph.followers(star, null, 7);
      expect(exact.ids.length).toBe(7);
      expect(exact.next).toBeNull();
      expect(await graph.relations(star, 'block', null, 3)).toEqual({ ids: [], next: null });
    });

    it('when follow requests are paged, then newest first', async () => {
      const [owner, ...fans] = users();
      for (const fan of fans) await graph.request(fan, owner!, seq(), AT, []);
      const first = await graph.requests(owner!, null, 2);
      const second = await graph.requests(owner!, first.next, 10);
      expect([...first.ids, ...second.ids]).toEqual([...fans].reverse());
      expect(second.next).toBeNull();
    });

    it("when a user is removed, then every edge touching them goes and everyone else's counts are right", async () => {
      const [gone, a, b, c] = users();
      await graph.follow(gone!, a!, seq(), AT, []);
      await graph.follow(gone!, b!, seq(), AT, []);
      await graph.follow(c!, gone!, seq(), AT, []);
      await graph.follow(a!, b!, seq(), AT, []);
      await graph.request(gone!, c!, seq(), AT, []);
      await graph.setRelation(a!, gone!, 'block', true, seq(), AT, () => []);
      await graph.setRelation(gone!, b!, 'mute', true, seq(), AT, () => []);
      await graph.removeUser(gone!);
      expect(await counts(a!)).toEqual({ followers: 0, following: 1 });
      expect(await counts(b!)).toEqual({ followers: 1, following: 0 });
      expect(await counts(c!)).toEqual({ followers: 0, following: 0 });
      expect(await counts(gone!)).toEqual({ followers: 0, following: 0 });
      expect(await graph.facts(a!, gone!)).toEqual({
        following: false, followedBy: false, requested: false, requestedBy: false, blocking: false, blockedBy: false, muting: false, restricting: false,
      });
      expect(await graph.pendingRequesters(c!, 10)).toEqual([]);
      expect((await graph.following(c!, null, 10)).ids).toEqual([]);
      expect((await graph.relations(a!, 'block', null, 10)).ids).toEqual([]);
      await graph.removeUser(gone!);
      expect(await counts(b!)).toEqual({ followers: 1, following: 0 });
    });
  });
}
