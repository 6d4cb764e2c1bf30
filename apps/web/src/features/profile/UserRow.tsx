import type { UserSummary } from '@pictor/contract';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Avatar } from '../../ui/Avatar';

export function UserRow({ user, children }: { user: UserSummary; children?: ReactNode }) {
  return (
    <li className="user-row">
      <Link to={`/${user.username}`} className="user-row-link">
        <Avatar avatar={user.avatar} username={user.username} size={44} />
        <span className="user-row-names">
          <strong>{user.username}</strong>
          {user.displayName ? <span className="muted">{user.displayName}</span> : null}
        </span>
      </Link>
      {children ? <div className="user-row-actions">{children}</div> : null}
    </li>
  );
}
