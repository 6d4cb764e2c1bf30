import { type FormEvent, useState } from 'react';
import { errorText } from '../../api/client';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';

/** Names a new album or renames one: the server allows 1 to 100 visible characters. */
export function AlbumNameForm({ label, submitLabel, initial = '', busy, error, onSubmit }: {
  label: string;
  submitLabel: string;
  initial?: string;
  busy: boolean;
  error: unknown;
  onSubmit: (name: string) => void;
}) {
  const [name, setName] = useState(initial);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim()) onSubmit(name.trim());
  }
  return (
    <form className="album-name-form" onSubmit={submit}>
      <Field label={label} value={name} onChange={setName} maxLength={100} required />
      <button type="submit" className="btn btn-primary" disabled={busy || !name.trim()}>
        {submitLabel}
      </button>
      {error ? <ErrorNote>{errorText(error)}</ErrorNote> : null}
    </form>
  );
}
