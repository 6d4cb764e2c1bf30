import { errorText } from '../../api/client';
import { ErrorNote } from '../../ui/ErrorNote';
import { LoadMore } from '../../ui/LoadMore';
import { EmptyState, ErrorState, Spinner } from '../../ui/States';
import { useAnswerRequest, useUserPages } from './api';
import { UserRow } from './UserRow';

export default function RequestsPage() {
  const list = useUserPages(['follow-requests'], '/me/follow-requests');
  const answer = useAnswerRequest();
  if (list.isPending) return <Spinner />;
  if (list.isError) return <ErrorState error={list.error} retry={() => list.refetch()} />;
  const users = list.data.pages.flatMap((page) => page.items);
  return (
    <div className="page page-narrow">
      <h1 className="page-title">Follow requests</h1>
      {users.length === 0 ? (
        <EmptyState title="No requests">
          <p>When someone asks to follow your private account, you'll approve or decline them here.</p>
        </EmptyState>
      ) : (
        <ul className="user-list">
          {users.map((user) => (
            <UserRow key={user.id} user={user}>
              <button
                type="button"
                className="btn btn-primary btn-small"
                disabled={answer.isPending}
                aria-label={`Confirm ${user.username}`}
                onClick={() => answer.mutate({ userId: user.id, approve: true })}
              >
                Confirm
              </button>
              <button
                type="button"
                className="btn btn-secondary btn-small"
                disabled={answer.isPending}
                aria-label={`Delete request from ${user.username}`}
                onClick={() => answer.mutate({ userId: user.id, approve: false })}
              >
                Delete
              </button>
            </UserRow>
          ))}
        </ul>
      )}
      {answer.error ? <ErrorNote>{errorText(answer.error)}</ErrorNote> : null}
      <LoadMore query={list} />
    </div>
  );
}
