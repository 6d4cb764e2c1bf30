import type { UserSummary } from '@pictor/contract';
import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { Avatar } from '../../ui/Avatar';
import { tokenAt, useHashtagSuggestions, useMentionSuggestions } from './suggestions';

const MAX = 2200;

interface Option {
  key: string;
  text: string;
  user: UserSummary | null;
}

/**
 * The caption box with #hashtag and @mention suggestions. ↓ moves from the text into the
 * suggestions, ↑/↓ move between them, Enter picks one, Escape goes back to the text.
 */
export function CaptionInput({ value, onChange, label = 'Caption' }: { value: string; onChange: (value: string) => void; label?: string }) {
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const [caret, setCaret] = useState(0);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const token = tokenAt(value, caret);
  const tokenKey = token ? `${token.start}:${token.word}` : null;
  const mention = token?.word.startsWith('@') && token.word.length > 1 ? token.word.slice(1).toLowerCase() : null;
  const tagPrefix = token?.word.startsWith('#') ? token.word.slice(1).toLowerCase() : null;
  const users = useMentionSuggestions(mention);
  const tags = useHashtagSuggestions(tagPrefix);
  const options: Option[] = mention
    ? users.map((user) => ({ key: user.id, text: `@${user.username}`, user }))
    : tags.map((tag) => ({ key: tag, text: `#${tag}`, user: null }));
  const open = options.length > 0 && tokenKey !== dismissed;

  function choose(text: string) {
    if (!token) return;
    const next = `${value.slice(0, token.start)}${text} ${value.slice(caret)}`;
    onChange(next);
    const position = token.start + text.length + 1;
    setCaret(position);
    ref.current?.focus();
    requestAnimationFrame(() => ref.current?.setSelectionRange(position, position));
  }
  const buttons = () => [...(list.current?.querySelectorAll('button') ?? [])];
  function onTextKey(event: KeyboardEvent) {
    if (!open) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      buttons()[0]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setDismissed(tokenKey);
    }
  }
  function onListKey(event: KeyboardEvent) {
    const all = buttons();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = at + (event.key === 'ArrowDown' ? 1 : -1);
      if (next < 0) ref.current?.focus();
      else all[Math.min(next, all.length - 1)]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setDismissed(tokenKey);
      ref.current?.focus();
    }
  }

  return (
    <div className="field caption-field">
      <label htmlFor={id}>{label}</label>
      <textarea
        ref={ref}
        id={id}
        rows={4}
        maxLength={MAX}
        value={value}
        placeholder="Write a caption… use #hashtags and @mentions"
        aria-describedby={`${id}-count ${id}-hint`}
        onChange={(e) => {
          onChange(e.target.value);
          setCaret(e.target.selectionStart);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        onKeyDown={onTextKey}
      />
      <small className="field-hint" id={`${id}-count`}>
        {value.length.toLocaleString()} / {MAX.toLocaleString()}
      </small>
      <span id={`${id}-hint`} className="visually-hidden" aria-live="polite">
        {open ? `${options.length} suggestion${options.length === 1 ? '' : 's'}: press the down arrow to choose.` : ''}
      </span>
      {open ? (
        <ul className="suggestions" aria-label="Suggestions" ref={list} onKeyDown={onListKey}>
          {options.map((option) => (
            <li key={option.key}>
              <button type="button" onClick={() => choose(option.text)}>
                {option.user ? <Avatar avatar={option.user.avatar} username={option.user.username} size={28} /> : null}
                <span className="suggestion-names">
                  <span>{option.text}</span>
                  {option.user?.displayName ? <span className="muted">{option.user.displayName}</span> : null}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
