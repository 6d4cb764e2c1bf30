import type { Profile } from '@pictor/contract';
import { useNavigate } from 'react-router';
import { errorText } from '../../api/client';
import { ErrorNote } from '../../ui/ErrorNote';
import { useFollow, useRelation } from './api';

export function FollowButton({ profile }: { profile: Profile }) {
  const follow = useFollow(profile);
  const relation = useRelation(profile);
  const navigate = useNavigate();
  const rel = profile.relationship;
  if (!rel) {
    return (
      <button type="button" className="btn btn-primary" onClick={() => navigate(`/accounts/login?next=/${profile.username}`)}>
        Follow
      </button>
    );
  }
  if (rel.blocking) {
    return (
      <>
        <button type="button" className="btn btn-secondary" disabled={relation.isPending} onClick={() => relation.mutate({ kind: 'block', on: false })}>
          Unblock
        </button>
        {relation.error ? <ErrorNote>{errorText(relation.error)}</ErrorNote> : null}
      </>
    );
  }
  const busy = follow.isPending;
  let button: React.ReactNode;
  if (rel.following) {
    button = (
      <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => follow.mutate(false)} aria-label={`Unfollow ${profile.username}`}>
        Following
      </button>
    );
  } else if (rel.requested) {
    button = (
      <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => follow.mutate(false)} aria-label="Withdraw follow request">
        Requested
      </button>
    );
  } else {
    button = (
      <button type="button" className="btn btn-primary" disabled={busy} onClick={() => follow.mutate(true)}>
        {rel.followedBy ? 'Follow back' : 'Follow'}
      </button>
    );
  }
  return (
    <>
      {button}
      {follow.error ? <ErrorNote>{errorText(follow.error)}</ErrorNote> : null}
    </>
  );
}
