import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, errorText } from '../../api/client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { switchSession, useSignOut } from '../auth/session';

export default function SettingsPage() {
  const navigate = useNavigate();
  const signOut = useSignOut();
  const signOutAll = useSignOut(true);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const change = useMutation({ mutationFn: () => api.post<void>('/auth/password', { currentPassword: current, newPassword: next }) });
  const [deletePassword, setDeletePassword] = useState('');
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api.delete<void>('/me', { password: deletePassword }),
    onSuccess: () => {
      switchSession(client, null);
      navigate('/accounts/signup', { replace: true });
    },
  });
  const leave = () => navigate('/accounts/login', { replace: true });

  function submitPassword(event: FormEvent) {
    event.preventDefault();
    change.mutate(undefined, {
      onSuccess: () => {
        setCurrent('');
        setNext('');
      },
    });
  }

  return (
    <div className="page page-narrow">
      <h1 className="page-title">Settings</h1>
      <nav className="card settings-links" aria-label="Your account">
        <Link to="/accounts/edit">Edit profile</Link>
        <Link to="/accounts/requests">Follow requests</Link>
        <Link to="/accounts/saved">Saved</Link>
        <Link to="/accounts/archive">Archive</Link>
      </nav>
      <nav className="card settings-links" aria-label="Privacy">
        <h2 className="settings-heading">Privacy</h2>
        <Link to="/accounts/blocked">Blocked accounts</Link>
        <Link to="/accounts/muted">Muted accounts</Link>
        <Link to="/accounts/restricted">Restricted accounts</Link>
      </nav>
      <form className="card stack" onSubmit={submitPassword} aria-label="Change password">
        <h2>Change password</h2>
        <Field label="Current password" type="password" autoComplete="current-password" value={current} onChange={setCurrent} required />
        <Field label="New password" type="password" autoComplete="new-password" value={next} onChange={setNext} hint="At least 8 characters. Your other sessions will be signed out." required />
        <button type="submit" className="btn btn-primary" disabled={change.isPending || !current || !next}>
          Change password
        </button>
        {change.isSuccess ? <p role="status" className="ok-note">Password changed. Other sessions were signed out.</p> : null}
        {change.error ? <ErrorNote>{errorText(change.error)}</ErrorNote> : null}
      </form>
      <section className="card stack">
        <h2>Sessions</h2>
        <button type="button" className="btn btn-secondary" onClick={() => signOut.mutate(undefined, { onSettled: leave })}>
          Sign out
        </button>
        <button type="button" className="btn btn-secondary" onClick={() => signOutAll.mutate(undefined, { onSettled: leave })}>
          Sign out everywhere
        </button>
      </section>
      <form
        className="card stack danger-zone"
        aria-label="Delete account"
        onSubmit={(event) => {
          event.preventDefault();
          if (window.confirm('Delete your account and every photo in it? This cannot be undone.')) remove.mutate();
        }}
      >
        <h2>Delete account</h2>
        <p className="muted">Your profile, photos, comments and likes are removed for good.</p>
        <Field label="Password" type="password" autoComplete="current-password" value={deletePassword} onChange={setDeletePassword} required />
        <button type="submit" className="btn btn-danger" disabled={remove.isPending || !deletePassword}>
          Delete my account
        </button>
        {remove.error ? <ErrorNote>{errorText(remove.error)}</ErrorNote> : null}
      </form>
    </div>
  );
}
