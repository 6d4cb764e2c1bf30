import type { DomainEvent } from '../../platform/events.js';
import type { Id } from '../../platform/ids.js';
import type { FollowCounts, GraphStore, IdPage, RelationKind } from '../../modules/graph/public.js';
import { fromDb, idList, MAX_POSITION, num, type Sqlite, toDb } from './database.js';
import type { OutboxWriter } from './event-log.sqlite.js';

export function createSqliteGraphStore(db: Sqlite, outbox: OutboxWriter): GraphStore {
  const q = prepareGraphStatements(db);

  function bump(userId: bigint, followers: number, following: number) {
    q.bumpCounts.run({ user: userId, followers, following });
  }
  function dropFollow(follower: bigint, followee: bigint): boolean {
    if (q.deleteFollow.run(follower, followee).changes === 0) return false;
    bump(followee, -1, 0);
    bump(follower, 0, -1);
    return true;
  }
  function addFollow(follower: bigint, followee: bigint, seq: bigint, at: number): boolean {
    q.deleteRequest.run(follower, followee);
    if (q.insertFollow.run(follower, followee, at, seq).changes === 0) return false;
    bump(followee, 1, 0);
    bump(follower, 0, 1);
    return true;
  }
  const inTx = <A extends unknown[], R>(fn: (...args: A) => R) => {
    const tx = db.transaction(fn);
    return (...args: A): R => tx(...args);
  };
  const withEvents = <R>(events: DomainEvent[], fn: () => R): R => inTx(() => {
    const result = fn();
    if (result) outbox.append(events);
    return result;
  })();

  function pageOf(rows: Record<string, unknown>[], limit: number, idColumn: string): IdPage {
    const slice = rows.slice(0, limit);
    return {
      ids: slice.map((row) => fromDb(row[idColumn])),
      next: rows.length > limit ? fromDb(slice[slice.length - 1]!.seq) : null,
    };
  }
  const before = (after: string | null) => (after === null ? MAX_POSITION : BigInt(after));
  const among = (stmt: { pluck(): { all(...a: unknown[]): unknown[] } }) => async (viewerId: Id, otherIds: readonly Id[]) =>
    otherIds.length === 0 ? new Set<Id>() : new Set(stmt.pluck().all({ viewer: toDb(viewerId), others: idList(otherIds) }).map(fromDb));

  return {
    async follow(followerId, followeeId, seq, at, events) {
      return withEvents(events, () => addFollow(toDb(followerId), toDb(followeeId), toDb(seq), at.getTime())) ? 'created' : 'exists';
    },
    async unfollow(followerId, followeeId, events) {
      return withEvents(events, () => dropFollow(toDb(followerId), toDb(followeeId)));
    },
    async request(requesterId, targetId, seq, at, events) {
      return withEvents(events, () => q.insertRequest.run(toDb(requesterId), toDb(targetId), at.getTime(), toDb(seq)).changes > 0) ? 'created' : 'exists';
    },
    async removeRequest(requesterId, targetId) {
      return q.deleteRequest.run(toDb(requesterId), toDb(targetId)).changes > 0;
    },
    async approve(requesterId, targetId, seq, at, events) {
      return withEvents(events, () => {
        if (q.deleteRequest.run(toDb(requesterId), toDb(targetId)).changes === 0) return false;
        addFollow(toDb(requesterId), toDb(targetId), toDb(seq), at.getTime());
        return true;
      });
    },
    async pendingRequesters(targetId, limit) {
      return q.oldestRequests.pluck().all(toDb(targetId), limit).map(fromDb);
    },
    async setRelation(actorId, subjectId, kind, on, seq, at, events) {
      const actor = toDb(actorId);
      const subject = toDb(subjectId);
      return inTx(() => {
        const changed = on
          ? q.insertRelation.run(actor, subject, kind, at.getTime(), toDb(seq)).changes > 0
          : q.deleteRelation.run(actor, kind, subject).changes > 0;
        const endedFollows: { followerId: Id; followeeId: Id }[] = [];
        // Even an existing block clears follows: one made in a race with the block must not survive it.
        if (on && kind === 'block') {
          if (dropFollow(actor, subject)) endedFollows.push({ followerId: actorId, followeeId: subjectId });
          if (dropFollow(subject, actor)) endedFollows.push({ followerId: subjectId, followeeId: actorId });
          q.deleteRequest.run(actor, subject);
          q.deleteRequest.run(subject, actor);
        }
        if (changed || endedFollows.length > 0) outbox.append(events({ changed, endedFollows }));
        return changed;
      })();
    },
    async facts(viewerId, otherId) {
      const row = q.facts.get({ v: toDb(viewerId), o: toDb(otherId) }) as Record<string, unknown>;
      return {
        following: num(row.following) === 1, followedBy: num(row.followed_by) === 1,
        requested: num(row.requested) === 1, requestedBy: num(row.requested_by) === 1,
        blocking: num(row.blocking) === 1, blockedBy: num(row.blocked_by) === 1,
        muting: num(row.muting) === 1, restricting: num(row.restricting) === 1,
      };
    },
    blockedAmong: among(q.blockedAmong),
    followedAmong: among(q.followedAmong),
    mutedAmong: among(q.mutedAmong),
    async relationsAmong(viewerId, otherIds) {
      const result = { followed: new Set<Id>(), muted: new Set<Id>(), blocked: new Set<Id>() };
      if (otherIds.length === 0) return result;
      for (const [id, followed, muted, blocked] of q.relationsAmong.all({ viewer: toDb(viewerId), others: idList(otherIds) }) as [Id, number, number, number][]) {
        if (followed === 1) result.followed.add(id);
        if (muted === 1) result.muted.add(id);
        if (blocked === 1) result.blocked.add(id);
      }
      return result;
    },
    async followers(userId, after, limit) {
      return pageOf(q.followers.all(toDb(userId), before(after), limit + 1) as Record<string, unknown>[], limit, 'follower_id');
    },
    async following(userId, after, limit) {
      return pageOf(q.following.all(toDb(userId), before(after), limit + 1) as Record<string, unknown>[], limit, 'followee_id');
    },
    async requests(targetId, after, limit) {
      return pageOf(q.requests.all(toDb(targetId), before(after), limit + 1) as Record<string, unknown>[], limit, 'requester_id');
    },
    async relations(actorId, kind: RelationKind, after, limit) {
      return pageOf(q.relations.all(toDb(actorId), kind, before(after), limit + 1) as Record<string, unknown>[], limit, 'subject_id');
    },
    async counts(userIds) {
      const result = new Map<Id, FollowCounts>(userIds.map((id) => [id, { followers: 0, following: 0 }]));
      if (userIds.length === 0) return result;
      for (const row of q.counts.all(idList(userIds)) as Record<string, unknown>[]) {
        result.set(fromDb(row.user_id), { followers: num(row.followers), following: num(row.following) });
      }
      return result;
    },
    async removeUser(userId) {
      const id = toDb(userId);
      inTx(() => {
        for (const followee of q.followeesOf.pluck().all(id) as bigint[]) dropFollow(id, followee);
        for (const follower of q.followersOf.pluck().all(id) as bigint[]) dropFollow(follower, id);
        q.removeUserRequests.run(id, id);
        q.removeUserRelations.run(id, id);
        q.removeCounts.run(id);
      })();
    },
  };
}

function prepareGraphStatements(db: Sqlite) {
  return {
    insertFollow: db.prepare('INSERT OR IGNORE INTO follows (follower_id, followee_id, created_at, seq) VALUES (?, ?, ?, ?)'),
    deleteFollow: db.prepare('DELETE FROM follows WHERE follower_id = ? AND followee_id = ?'),
    insertRequest: db.prepare('INSERT OR IGNORE INTO follow_requests (requester_id, target_id, created_at, seq) VALUES (?, ?, ?, ?)'),
    deleteRequest: db.prepare('DELETE FROM follow_requests WHERE requester_id = ? AND target_id = ?'),
    oldestRequests: db.prepare('SELECT requester_id FROM follow_requests WHERE target_id = ? ORDER BY seq LIMIT ?'),
    insertRelation: db.prepare('INSERT OR IGNORE INTO user_relations (actor_id, subject_id, kind, created_at, seq) VALUES (?, ?, ?, ?, ?)'),
    deleteRelation: db.prepare('DELETE FROM user_relations WHERE actor_id = ? AND kind = ? AND subject_id = ?'),
    bumpCounts: db.prepare(
      `INSERT INTO follow_counts (user_id, followers, following) VALUES (@user, max(@followers, 0), max(@following, 0))
       ON CONFLICT(user_id) DO UPDATE SET followers = max(followers + @followers, 0), following = max(following + @following, 0)`,
    ),
    facts: db.prepare(`SELECT
      EXISTS(SELECT 1 FROM follows WHERE follower_id = @v AND followee_id = @o) AS following,
      EXISTS(SELECT 1 FROM follows WHERE follower_id = @o AND followee_id = @v) AS followed_by,
      EXISTS(SELECT 1 FROM follow_requests WHERE requester_id = @v AND target_id = @o) AS requested,
      EXISTS(SELECT 1 FROM follow_requests WHERE requester_id = @o AND target_id = @v) AS requested_by,
      EXISTS(SELECT 1 FROM user_relations WHERE actor_id = @v AND kind = 'block' AND subject_id = @o) AS blocking,
      EXISTS(SELECT 1 FROM user_relations WHERE actor_id = @o AND kind = 'block' AND subject_id = @v) AS blocked_by,
      EXISTS(SELECT 1 FROM user_relations WHERE actor_id = @v AND kind = 'mute' AND subject_id = @o) AS muting,
      EXISTS(SELECT 1 FROM user_relations WHERE actor_id = @v AND kind = 'restrict' AND subject_id = @o) AS restricting`),
    blockedAmong: db.prepare(`SELECT j.value FROM json_each(@others) j WHERE
      EXISTS(SELECT 1 FROM user_relations WHERE actor_id = @viewer AND kind = 'block' AND subject_id = j.value) OR
      EXISTS(SELECT 1 FROM user_relations WHERE actor_id = j.value AND kind = 'block' AND subject_id = @viewer)`),
    followedAmong: db.prepare('SELECT j.value FROM json_each(@others) j WHERE EXISTS(SELECT 1 FROM follows WHERE follower_id = @viewer AND followee_id = j.value)'),
    mutedAmong: db.prepare(`SELECT j.value FROM json_each(@others) j WHERE EXISTS(SELECT 1 FROM user_relations WHERE actor_id = @viewer AND kind = 'mute' AND subject_id = j.value)`),
    // Read on every feed page: the id as text and the flags as plain numbers, no BigInts.
    relationsAmong: db.prepare(`SELECT CAST(j.value AS TEXT),
      EXISTS(SELECT 1 FROM follows WHERE follower_id = @viewer AND followee_id = j.value),
      EXISTS(SELECT 1 FROM user_relations WHERE actor_id = @viewer AND kind = 'mute' AND subject_id = j.value),
      EXISTS(SELECT 1 FROM user_relations WHERE actor_id = @viewer AND kind = 'block' AND subject_id = j.value)
        OR EXISTS(SELECT 1 FROM user_relations WHERE actor_id = j.value AND kind = 'block' AND subject_id = @viewer)
      FROM json_each(@others) j`).raw().safeIntegers(false),
    followers: db.prepare('SELECT follower_id, seq FROM follows WHERE followee_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?'),
    following: db.prepare('SELECT followee_id, seq FROM follows WHERE follower_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?'),
    requests: db.prepare('SELECT requester_id, seq FROM follow_requests WHERE target_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?'),
    relations: db.prepare('SELECT subject_id, seq FROM user_relations WHERE actor_id = ? AND kind = ? AND seq < ? ORDER BY seq DESC LIMIT ?'),
    counts: db.prepare('SELECT user_id, followers, following FROM follow_counts WHERE user_id IN (SELECT value FROM json_each(?))'),
    followeesOf: db.prepare('SELECT followee_id FROM follows WHERE follower_id = ?'),
    followersOf: db.prepare('SELECT follower_id FROM follows WHERE followee_id = ?'),
    removeUserRequests: db.prepare('DELETE FROM follow_requests WHERE requester_id = ? OR target_id = ?'),
    removeUserRelations: db.prepare('DELETE FROM user_relations WHERE actor_id = ? OR subject_id = ?'),
    removeCounts: db.prepare('DELETE FROM follow_counts WHERE user_id = ?'),
  };
}
