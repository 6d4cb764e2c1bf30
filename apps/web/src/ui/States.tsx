import type { ReactNode } from 'react';
import { ApiError, errorText } from '../api/client';

export function Spinner({ label = 'Loading' }: { label?: string }) {
  return (
    <div className="spinner-wrap" role="status">
      <span className="spinner" aria-hidden="true" />
      <span className="visually-hidden">{label}</span>
    </div>
  );
}

export function EmptyState({ icon, title, children }: { icon?: ReactNode; title: string; children?: ReactNode }) {
  return (
    <section className="empty">
      {icon ? <div className="empty-icon" aria-hidden="true">{icon}</div> : null}
      <h2>{title}</h2>
      {children ? <div className="empty-body">{children}</div> : null}
    </section>
  );
}

export function ErrorState({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <section className="empty" role="alert">
      <h2>Something went wrong</h2>
      <p>{errorText(error)}</p>
      {retry ? (
        <button type="button" className="btn btn-secondary" onClick={retry}>
          Try again
        </button>
      ) : null}
    </section>
  );
}

/**
 * What a page shows when its own record did not load. Gone, or not the viewer's to see (404, 403),
 * reads as unavailable with the server's reason and no retry: asking again would answer the same.
 */
export function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  if (error instanceof ApiError && (error.status === 403 || error.status === 404)) {
    return (
      <EmptyState title="Sorry, this page isn't available.">
        <p>{error.message}</p>
      </EmptyState>
    );
  }
  return <ErrorState error={error} retry={retry} />;
}
