import type { Profile } from '@pictor/contract';
import { useState } from 'react';
import { errorText } from '../../api/client';
import { ErrorNote } from '../../ui/ErrorNote';
import { Icon } from '../../ui/Icon';
import { Sheet } from '../../ui/Sheet';
import { type RelationKind, useRelation, useRemoveFollower } from './api';

const labels: Record<RelationKind, [string, string]> = {
  block: ['Block', 'Unblock'],
  mute: ['Mute', 'Unmute'],
  restrict: ['Restrict', 'Unrestrict'],
};
const flag = { block: 'blocking', mute: 'muting', restrict: 'restricting' } as const;

/** Block, mute, restrict, remove follower and copy link, for someone else's profile. */
export function ProfileMenu({ profile }: { profile: Profile }) {
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState(false);
  const relation = useRelation(profile);
  const remove = useRemoveFollower(profile);
  const rel = profile.relationship;
  if (!rel || rel.isSelf) return null;

  function copyLink() {
    void navigator.clipboard?.writeText(`${window.location.origin}/${profile.username}`).then(() => setCopied(true));
  }

  return (
    <>
      <button type="button" className="icon-btn" aria-label={`Options for ${profile.username}`} onClick={() => setOpen(true)}>
        <Icon name="dots" />
      </button>
      <Sheet open={open} onClose={() => setOpen(false)} title={`@${profile.username}`}>
        <ul className="menu-list">
          {(Object.keys(labels) as RelationKind[]).map((kind) => {
            const on = rel[flag[kind]];
            return (
              <li key={kind}>
                <button
                  type="button"
                  className={kind === 'block' && !on ? 'menu-danger' : undefined}
                  disabled={relation.isPending}
                  onClick={() => relation.mutate({ kind, on: !on }, { onSuccess: () => setOpen(false) })}
                >
                  {labels[kind][on ? 1 : 0]}
                </button>
              </li>
            );
          })}
          {rel.followedBy ? (
            <li>
              <button type="button" className="menu-danger" onClick={() => remove.mutate(undefined, { onSuccess: () => setOpen(false) })}>
                Remove follower
              </button>
            </li>
          ) : null}
          <li>
            <button type="button" onClick={copyLink}>
              {copied ? 'Link copied' : 'Copy profile link'}
            </button>
          </li>
        </ul>
        {relation.error || remove.error ? <ErrorNote>{errorText(relation.error ?? remove.error)}</ErrorNote> : null}
      </Sheet>
    </>
  );
}
