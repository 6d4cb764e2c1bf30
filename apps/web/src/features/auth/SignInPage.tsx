import { type FormEvent, useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { errorText } from '../../api/client';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { AuthLayout } from './AuthLayout';
import { nextPath, useMe, useSignIn } from './session';

export default function SignInPage() {
  const me = useMe();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const next = nextPath(location.search);

  if (me.data) return <Navigate to={next} replace />;

  function submit(event: FormEvent) {
    event.preventDefault();
    signIn.mutate({ username, password }, { onSuccess: () => navigate(next, { replace: true }) });
  }

  return (
    <AuthLayout footer={<p>Don't have an account? <Link to="/accounts/signup">Sign up</Link></p>}>
      <form className="stack" onSubmit={submit} aria-label="Sign in">
        <Field label="Username or email" autoComplete="username" value={username} onChange={setUsername} required />
        <Field label="Password" type="password" autoComplete="current-password" value={password} onChange={setPassword} required />
        <button className="btn btn-primary btn-block" type="submit" disabled={signIn.isPending || !username || !password}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
        {signIn.error ? <ErrorNote>{errorText(signIn.error)}</ErrorNote> : null}
      </form>
    </AuthLayout>
  );
}
