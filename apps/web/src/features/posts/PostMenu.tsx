import type { Post } from '@pictor/contract';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorText } from '../../api/client';
import { ErrorNote } from '../../ui/ErrorNote';
import { Icon } from '../../ui/Icon';
import { Sheet } from '../../ui/Sheet';
import { useMe } from '../auth/session';
import { AlbumPicker } from './AlbumPicker';
import { useArchivePost, useDeletePost } from './api';
import { EditPostForm } from './EditPostForm';

type Open = 'menu' | 'edit' | 'albums' | null;

export function PostMenu({ post }: { post: Post }) {
  const [open, setOpen] = useState<Open>(null);
  const [copied, setCopied] = useState(false);
  const me = useMe().data;
  const navigate = useNavigate();
  const archive = useArchivePost(post.id);
  const remove = useDeletePost(post.id);
  const mine = me?.id === post.author.id;
  const link = `${window.location.origin}/p/${post.id}`;
  const close = () => setOpen(null);
  // Closing the menu to open the edit or album sheet fires the menu's close event too: only close what is open.
  const closeMenu = () => setOpen((now) => (now === 'menu' ? null : now));
  return (
    <>
      <button type="button" className="icon-btn post-more" aria-label="More options" onClick={() => setOpen('menu')}>
        <Icon name="dots" />
      </button>
      <Sheet open={open === 'menu'} onClose={closeMenu} title="Post options">
        <ul className="menu-list">
          <li>
            <button type="button" onClick={() => navigator.clipboard?.writeText(link).then(() => setCopied(true))}>
              {copied ? 'Link copied' : 'Copy link'}
            </button>
          </li>
          <li>
            <button type="button" onClick={() => navigate(`/p/${post.id}`)}>
              Go to post
            </button>
          </li>
          {mine ? (
            <>
              <li>
                <button type="button" onClick={() => setOpen('edit')}>
                  Edit
                </button>
              </li>
              <li>
                <button type="button" onClick={() => setOpen('albums')}>
                  Add to album
                </button>
              </li>
              <li>
                <button type="button" onClick={() => archive.mutate(!post.archived, { onSuccess: close })}>
                  {post.archived ? 'Show on profile' : 'Archive'}
                </button>
              </li>
              <li>
                <button
                  type="button"
                  className="menu-danger"
                  onClick={() => {
                    if (window.confirm('Delete this post?')) remove.mutate(undefined, { onSuccess: () => navigate(`/${post.author.username}`) });
                  }}
                >
                  Delete
                </button>
              </li>
            </>
          ) : null}
        </ul>
        {archive.error || remove.error ? <ErrorNote>{errorText(archive.error ?? remove.error)}</ErrorNote> : null}
      </Sheet>
      {mine ? (
        <>
          <Sheet open={open === 'edit'} onClose={close} title="Edit post">
            <EditPostForm post={post} onDone={close} />
          </Sheet>
          <Sheet open={open === 'albums'} onClose={close} title="Add to album">
            <AlbumPicker post={post} />
          </Sheet>
        </>
      ) : null}
    </>
  );
}
