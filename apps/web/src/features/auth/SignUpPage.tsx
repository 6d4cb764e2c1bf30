import { type FormEvent, useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { ApiError, errorText } from '../../api/client';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { AuthLayout } from './AuthLayout';
import { useMe, useSignUp } from './session';

export default function SignUpPage() {
  const me = useMe();
  const signUp = useSignUp();
  const navigate = useNavigate();
  const [form, setForm] = useState({ email: '', displayName: '', username: '', password: '' });
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  if (me.data && !signUp.isSuccess) return <Navigate to="/" replace />;

  function submit(event: FormEvent) {
    event.preventDefault();
    signUp.mutate(
      { email: form.email, username: form.username, password: form.password, displayName: form.displayName || undefined },
      { onSuccess: () => navigate('/', { replace: true }) },
    );
  }

  const fieldErrors = signUp.error instanceof ApiError ? (signUp.error.problem.fields ?? []) : [];
  const fieldError = (name: string) => fieldErrors.find((f) => f.field === name)?.message;

  return (
    <AuthLayout footer={<p>Have an account? <Link to="/accounts/login">Sign in</Link></p>}>
      <p className="auth-lede">Sign up to see photos from the people you follow.</p>
      <form className="stack" onSubmit={submit} aria-label="Sign up">
        <Field label="Email" type="email" autoComplete="email" value={form.email} onChange={set('email')} error={fieldError('email')} required />
        <Field label="Full name" autoComplete="name" value={form.displayName} onChange={set('displayName')} />
        <Field label="Username" autoComplete="username" value={form.username} onChange={set('username')} error={fieldError('username')} required />
        <Field
          label="Password"
          type="password"
          autoComplete="new-password"
          value={form.password}
          onChange={set('password')}
          error={fieldError('password')}
          hint="At least 8 characters."
          required
        />
        <button className="btn btn-primary btn-block" type="submit" disabled={signUp.isPending}>
          {signUp.isPending ? 'Creating your account…' : 'Sign up'}
        </button>
        {signUp.error ? <ErrorNote>{errorText(signUp.error)}</ErrorNote> : null}
      </form>
    </AuthLayout>
  );
}
