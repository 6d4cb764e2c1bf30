import type { Post, PostPage, Profile } from '@pictor/contract';
import { type InfiniteData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { api } from '../../api/client';
import { Avatar } from '../../ui/Avatar';

const MAX = 2200;

/** The #tag or @name being typed at the caret, if any. */
function tokenAt(text: string, caret: number): { start: number; word: string } | null {
  const match = /[@#][\p{L}\p{N}_.]*$/u.exec(text.slice(0, caret));
  if (!match || (match.index > 0 && !/\s/.test(text[match.index - 1]!))) return null;
  return { start: match.index, word: match[0] };
}

/** Hashtags the viewer has already seen in loaded posts: cheap, local suggestions. */
function knownHashtags(client: ReturnType<typeof useQueryClient>): string[] {
  const tags = new Set<string>();
  const add = (post: Post) => {
    for (const tag of post.hashtags) tags.add(tag.replace(/^#/, ''));
  };
  for (const [, data] of client.getQueriesData<InfiniteData<PostPage> | Post>({ queryKey: ['posts'] })) {
    if (data && 'pages' in data) for (const page of data.pages) page.items.forEach(add);
  }
  return [...tags];
}

export function CaptionInput({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(0);
  const client = useQueryClient();
  const token = tokenAt(value, caret);
  const mention = token?.word.startsWith('@') && token.word.length > 1 ? token.word.slice(1).toLowerCase() : null;
  const lookup = useQuery({
    queryKey: ['profile', mention],
    enabled: Boolean(mention),
    queryFn: () => api.get<Profile>(`/users/${encodeURIComponent(mention!)}`),
    retry: false,
    staleTime: 60_000,
  });
  const tagPrefix = token?.word.startsWith('#') ? token.word.slice(1).toLowerCase() : null;
  const tags = tagPrefix !== null ? knownHashtags(client).filter((t) => t.startsWith(tagPrefix) && t !== tagPrefix).slice(0, 5) : [];
  const options = mention && lookup.data ? [{ key: lookup.data.id, text: `@${lookup.data.username}`, profile: lookup.data }] : tags.map((t) => ({ key: t, text: `#${t}`, profile: null }));

  function choose(text: string) {
    if (!token) return;
    const next = `${value.slice(0, token.start)}${text} ${value.slice(caret)}`;
    onChange(next);
    const position = token.start + text.length + 1;
    setCaret(position);
    requestAnimationFrame(() => ref.current?.setSelectionRange(position, position));
    ref.current?.focus();
  }

  return (
    <div className="field caption-field">
      <label htmlFor={id}>Caption</label>
      <textarea
        ref={ref}
        id={id}
        rows={4}
        maxLength={MAX}
        value={value}
        placeholder="Write a caption… use #hashtags and @mentions"
        onChange={(e) => {
          onChange(e.target.value);
          setCaret(e.target.selectionStart);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
      />
      <small className="field-hint">
        {value.length.toLocaleString()} / {MAX.toLocaleString()}
      </small>
      {options.length ? (
        <ul className="suggestions" aria-label="Suggestions">
          {options.map((option) => (
            <li key={option.key}>
              <button type="button" onClick={() => choose(option.text)}>
                {option.profile ? <Avatar avatar={option.profile.avatar} username={option.profile.username} size={24} /> : null}
                <span>{option.text}</span>
                {option.profile?.displayName ? <span className="muted">{option.profile.displayName}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
