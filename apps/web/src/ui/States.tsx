import type { ReactNode } from 'react';
import { errorText } from '../api/client';

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
