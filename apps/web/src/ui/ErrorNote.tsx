import type { ReactNode } from 'react';

/** A refusal in the server's words; announced to screen readers as it appears. */
export function ErrorNote({ children }: { children: ReactNode }) {
  return (
    <p className="error-note" role="alert">
      {children}
    </p>
  );
}
