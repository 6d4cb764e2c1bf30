import { errorText } from '../../api/client';
import { ErrorNote } from '../../ui/ErrorNote';
import { EmptyState } from '../../ui/States';
import { useAnswerRequest, useUserPages } from './api';
import { UserList } from './UserList';

export default function RequestsPage() {
  const list = useUserPages(['follow-requests'], '/me/follow-requests');
  const answer = useAnswerRequest();
  return (
    <div className="page page-narrow">
      <h1 className="page-title">Follow requests</h1>
      <UserList
        list={list}
        empty={
          <EmptyState title="No requests">
            <p>When someone asks to follow your private account, you'll approve or decline them here.</p>
          </EmptyState>
        }
        actions={(user) => (
          <>
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
          </>
        )}
      />
      {answer.error ? <ErrorNote>{errorText(answer.error)}</ErrorNote> : null}
    </div>
  );
}
