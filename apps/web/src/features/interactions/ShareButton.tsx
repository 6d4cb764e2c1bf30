import type { Post } from '@pictor/contract';
import { useState } from 'react';
import { Icon } from '../../ui/Icon';

/** The system share sheet where there is one, otherwise the link goes to the clipboard. */
export function ShareButton({ post }: { post: Post }) {
  const [copied, setCopied] = useState(false);
  async function share() {
    const url = `${window.location.origin}/p/${post.id}`;
    if (navigator.share) {
      try {
        await navigator.share({ url, title: `Photo by ${post.author.username} on Pictor` });
        return;
      } catch {
        // Dismissed or unavailable: fall back to copying.
      }
    }
    await navigator.clipboard?.writeText(url);
    setCopied(true);
    window.setTimeout(() => setCopied(false), 2000);
  }
  return (
    <button type="button" className="icon-btn" aria-label={copied ? 'Link copied' : 'Share post'} onClick={() => void share()}>
      <Icon name="share" />
      {copied ? <span className="toast" role="status">Link copied</span> : null}
    </button>
  );
}
