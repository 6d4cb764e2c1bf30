import { Fragment } from 'react';
import { Link } from 'react-router';

/** Caption text with @mentions linked to profiles and #hashtags marked. */
export function RichText({ text }: { text: string }) {
  const parts = text.split(/([@#][\p{L}\p{N}_.]+)/u);
  return (
    <>
      {parts.map((part, i) => {
        const key = `${i}-${part}`;
        if (part.startsWith('@') && part.length > 1) {
          return (
            <Link key={key} to={`/${part.slice(1).replace(/\.$/, '')}`} className="mention">
              {part}
            </Link>
          );
        }
        if (part.startsWith('#') && part.length > 1) {
          return (
            <span key={key} className="hashtag">
              {part}
            </span>
          );
        }
        return <Fragment key={key}>{part}</Fragment>;
      })}
    </>
  );
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' });

export function TimeAgo({ iso }: { iso: string }) {
  const date = new Date(iso);
  const seconds = Math.round((date.getTime() - Date.now()) / 1000);
  const abs = Math.abs(seconds);
  let text: string;
  if (abs < 60) text = 'just now';
  else if (abs < 3600) text = relative.format(Math.round(seconds / 60), 'minute');
  else if (abs < 86400) text = relative.format(Math.round(seconds / 3600), 'hour');
  else if (abs < 7 * 86400) text = relative.format(Math.round(seconds / 86400), 'day');
  else text = date.toLocaleDateString(undefined, { month: 'long', day: 'numeric', year: 'numeric' });
  return (
    <time dateTime={iso} title={date.toLocaleString()}>
      {text}
    </time>
  );
}
