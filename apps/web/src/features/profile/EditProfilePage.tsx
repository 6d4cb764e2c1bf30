import type { Me } from '@pictor/contract';
import { type FormEvent, useRef, useState } from 'react';
import { errorText } from '../../api/client';
import { Avatar } from '../../ui/Avatar';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { Spinner } from '../../ui/States';
import { useMe } from '../auth/session';
import { useAvatar, useUpdateMe } from './api';

export default function EditProfilePage() {
  const me = useMe().data;
  if (!me) return <Spinner />;
  return <EditProfileForm me={me} />;
}

function EditProfileForm({ me }: { me: Me }) {
  const [form, setForm] = useState({ displayName: me.displayName, bio: me.bio, website: me.website });
  const update = useUpdateMe();
  const privacy = useUpdateMe();
  const avatar = useAvatar();
  const fileInput = useRef<HTMLInputElement>(null);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate(form);
  }

  return (
    <div className="page page-narrow">
      <h1 className="page-title">Edit profile</h1>
      <section className="card avatar-editor">
        <Avatar avatar={me.avatar} username={me.username} size={64} />
        <div>
          <strong>{me.username}</strong>
          <p className="muted">{me.displayName}</p>
        </div>
        <div className="avatar-actions">
          <input
            ref={fileInput}
            type="file"
            accept="image/*"
            className="visually-hidden"
            aria-label="Choose a new profile photo"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) avatar.mutate(file);
              e.target.value = '';
            }}
          />
          <button type="button" className="btn btn-primary btn-small" disabled={avatar.isPending} onClick={() => fileInput.current?.click()}>
            {avatar.isPending ? 'Uploading…' : 'Change photo'}
          </button>
          {me.avatar ? (
            <button type="button" className="btn btn-secondary btn-small" disabled={avatar.isPending} onClick={() => avatar.mutate(null)}>
              Remove
            </button>
          ) : null}
        </div>
      </section>
      {avatar.error ? <ErrorNote>{errorText(avatar.error)}</ErrorNote> : null}
      <form className="stack card" onSubmit={submit} aria-label="Profile details">
        <Field label="Name" value={form.displayName} onChange={set('displayName')} maxLength={64} />
        <Field label="Bio" value={form.bio} onChange={set('bio')} multiline maxLength={150} hint={`${form.bio.length} / 150`} />
        <Field label="Website" value={form.website} onChange={set('website')} maxLength={200} />
        <button type="submit" className="btn btn-primary" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Submit'}
        </button>
        {update.isSuccess ? <p role="status" className="ok-note">Profile saved.</p> : null}
        {update.error ? <ErrorNote>{errorText(update.error)}</ErrorNote> : null}
      </form>
      <section className="card">
        <label className="switch-row">
          <span>
            <strong>Private account</strong>
            <span className="muted block">Only people you approve can see your photos and followers.</span>
          </span>
          <input
            type="checkbox"
            role="switch"
            aria-checked={me.isPrivate}
            checked={me.isPrivate}
            disabled={privacy.isPending}
            onChange={(e) => privacy.mutate({ isPrivate: e.target.checked })}
          />
        </label>
        {privacy.error ? <ErrorNote>{errorText(privacy.error)}</ErrorNote> : null}
      </section>
    </div>
  );
}
