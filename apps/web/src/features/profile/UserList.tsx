import type { UserSummary } from '@pictor/contract';
import type { ReactNode } from 'react';
import { LoadMore } from '../../ui/LoadMore';
import { ErrorState, Spinner } from '../../ui/States';
import type { useUserPages } from './api';
import { UserRow } from './UserRow';

/**
 * A cursor-paged list of people (followers, following, requests, blocked…): a spinner, then a
 * row for each with its `actions`, or `empty` when there is nobody; a failed first page shows
 * the error with a retry, a failed later page is LoadMore's to tell.
 */
export function UserList({ list, empty, actions }: {
  list: ReturnType<typeof useUserPages>;
  empty: ReactNode;
  actions?: (user: UserSummary) => ReactNode;
}) {
  if (list.isPending) return <Spinner />;
  if (list.isLoadingError) return <ErrorState error={list.error} retry={() => list.refetch()} />;
  const users = list.data.pages.flatMap((page) => page.items);
  if (users.length === 0) return empty;
  return (
    <>
      <ul className="user-list">
        {users.map((user) => (
          <UserRow key={user.id} user={user}>
            {actions?.(user)}
          </UserRow>
        ))}
      </ul>
      <LoadMore query={list} />
    </>
  );
}
