import type { UserSummary } from '@pictor/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorText } from '../../api/client';
import { ErrorNote } from '../../ui/ErrorNote';
import { EmptyState } from '../../ui/States';
import { type RelationKind, setRelation, useUserPages } from '../profile/api';
import { UserList } from '../profile/UserList';

const relationPages = {
  block: {
    path: '/me/blocked', title: 'Blocked accounts', undo: 'Unblock', redo: 'Block', undone: 'Unblocked',
    empty: 'When you block someone, they can’t find your profile or see your posts, and they show up here.',
  },
  mute: {
    path: '/me/muted', title: 'Muted accounts', undo: 'Unmute', redo: 'Mute', undone: 'Unmuted',
    empty: 'People you mute stay followed, but their posts leave your feed. They don’t know they’re muted.',
  },
  restrict: {
    path: '/me/restricted', title: 'Restricted accounts', undo: 'Unrestrict', redo: 'Restrict', undone: 'Unrestricted',
    empty: 'Restrict someone to limit how they interact with you without blocking them.',
  },
} satisfies Record<RelationKind, unknown>;

/**
 * Blocked, muted or restricted accounts, each with a button to undo it. An undone row stays
 * (with a button to redo it) until the page is left, so a slip of the finger is one click to fix.
 */
export default function RelationsPage({ kind }: { kind: RelationKind }) {
  const page = relationPages[kind];
  const list = useUserPages(['relations', kind], page.path);
  return (
    <div className="page page-narrow">
      <p className="crumbs">
        <Link to="/accounts/settings">Settings</Link>
      </p>
      <h1 className="page-title">{page.title}</h1>
      <UserList
        list={list}
        empty={
          <EmptyState title={`No ${page.title.toLowerCase()}`}>
            <p>{page.empty}</p>
          </EmptyState>
        }
        actions={(user) => <RelationActions kind={kind} user={user} />}
      />
    </div>
  );
}

function RelationActions({ kind, user }: { kind: RelationKind; user: UserSummary }) {
  const page = relationPages[kind];
  const client = useQueryClient();
  const [on, setOn] = useState(true);
  const change = useMutation({
    mutationFn: (next: boolean) => setRelation(user.id, kind, next),
    onSuccess: (_relationship, next) => {
      setOn(next);
      // The list is marked stale, not refetched: the row stays (with its redo button) until the page is left.
      void client.invalidateQueries({ queryKey: ['relations', kind], refetchType: 'none' });
      void client.invalidateQueries({ queryKey: ['profile'] });
      void client.invalidateQueries({ queryKey: ['feed'] });
    },
  });
  return (
    <>
      {on ? null : (
        <span className="muted" role="status">
          {page.undone}
        </span>
      )}
      <button
        type="button"
        className={on ? 'btn btn-primary btn-small' : 'btn btn-secondary btn-small'}
        disabled={change.isPending}
        aria-label={`${on ? page.undo : page.redo} ${user.username}`}
        onClick={() => change.mutate(!on)}
      >
        {on ? page.undo : page.redo}
      </button>
      {change.error ? <ErrorNote>{errorText(change.error)}</ErrorNote> : null}
    </>
  );
}
