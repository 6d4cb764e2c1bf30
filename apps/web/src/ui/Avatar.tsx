import type { Avatar as AvatarData } from '@pictor/contract';

interface Props {
  avatar: AvatarData;
  username: string;
  size?: number;
  /** Decorative when the name is written next to it. */
  decorative?: boolean;
}

export function Avatar({ avatar, username, size = 32, decorative = true }: Props) {
  const style = { width: size, height: size, background: avatar?.color ?? undefined };
  const alt = decorative ? '' : `${username}'s profile picture`;
  if (!avatar) {
    const initial = <span aria-hidden="true">{username.slice(0, 1).toUpperCase()}</span>;
    if (decorative) {
      return (
        <span className="avatar avatar-empty" style={style}>
          {initial}
        </span>
      );
    }
    return (
      <span className="avatar avatar-empty" style={style} role="img" aria-label={alt}>
        {initial}
      </span>
    );
  }
  const srcSet = Object.entries(avatar.urls)
    .map(([key, url]) => (/^\d+$/.test(key) ? `${url} ${key}w` : null))
    .filter(Boolean)
    .join(', ');
  return (
    <img className="avatar" style={style} src={avatar.url} srcSet={srcSet || undefined} sizes={`${size}px`} alt={alt} loading="lazy" decoding="async" />
  );
}
