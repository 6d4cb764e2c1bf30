import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Logo } from '../../ui/Logo';

export function AuthLayout({ children, footer }: { children: ReactNode; footer: ReactNode }) {
  return (
    <main className="auth">
      <div className="auth-card">
        <h1 className="auth-logo">
          <Logo size={34} />
          <span className="visually-hidden">Pictor</span>
        </h1>
        {children}
      </div>
      <div className="auth-card auth-footer">{footer}</div>
      <p className="auth-fine">
        <Link to="/">Pictor</Link> · self-hosted photo sharing
      </p>
    </main>
  );
}
