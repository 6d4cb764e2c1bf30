import type { Post, UpdatePostBody } from '@pictor/contract';
import { type FormEvent, useState } from 'react';
import { errorText } from '../../api/client';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { CaptionInput } from '../compose/CaptionInput';
import { LocationInput } from '../compose/LocationInput';
import { useEditPost } from './api';

/** The owner's edit of a published post: caption, location, alt texts, comments switch, like-count display. */
export function EditPostForm({ post, onDone }: { post: Post; onDone: () => void }) {
  const [caption, setCaption] = useState(post.caption);
  const [location, setLocation] = useState(post.location);
  const [alts, setAlts] = useState(post.photos.map((photo) => photo.alt));
  const [commentsDisabled, setCommentsDisabled] = useState(post.commentsDisabled);
  const [hideLikeCount, setHideLikeCount] = useState(post.hideLikeCount);
  const edit = useEditPost(post.id);

  function submit(event: FormEvent) {
    event.preventDefault();
    // Only what the person changed: PATCH keeps the rest, so an edit made meanwhile elsewhere (another
    // tab) is not undone by this form's older copy. The place counts as changed once typed in or pinned
    // (LocationInput answers a new value); an emptied field sends null, which removes it.
    const changes: UpdatePostBody = {};
    if (caption !== post.caption) changes.caption = caption;
    if (location !== post.location) changes.location = location;
    if (alts.some((alt, index) => alt !== post.photos[index]?.alt)) changes.alts = alts;
    if (commentsDisabled !== post.commentsDisabled) changes.commentsDisabled = commentsDisabled;
    if (hideLikeCount !== post.hideLikeCount) changes.hideLikeCount = hideLikeCount;
    if (Object.keys(changes).length === 0) return onDone();
    edit.mutate(changes, { onSuccess: onDone });
  }
  return (
    <form className="stack sheet-pad" onSubmit={submit} aria-label="Edit post">
      <CaptionInput value={caption} onChange={setCaption} />
      <LocationInput value={location} onChange={setLocation} />
      {post.photos.map((photo, index) => (
        <div key={photo.index} className="edit-alt">
          <img src={photo.variants.thumb?.webp} alt="" width={56} height={56} />
          <Field
            label={post.photos.length > 1 ? `Alt text for photo ${index + 1}` : 'Alt text'}
            value={alts[index] ?? ''}
            onChange={(text) => setAlts((list) => list.map((alt, i) => (i === index ? text : alt)))}
            maxLength={1000}
          />
        </div>
      ))}
      <label className="switch-row">
        <span>Turn off commenting</span>
        <input type="checkbox" role="switch" aria-checked={commentsDisabled} checked={commentsDisabled} onChange={(e) => setCommentsDisabled(e.target.checked)} />
      </label>
      <label className="switch-row">
        <span>
          Hide like count
          <span className="muted block">Only you will see how many people liked this post.</span>
        </span>
        <input type="checkbox" role="switch" aria-checked={hideLikeCount} checked={hideLikeCount} onChange={(e) => setHideLikeCount(e.target.checked)} />
      </label>
      {edit.error ? <ErrorNote>{errorText(edit.error)}</ErrorNote> : null}
      <div className="form-actions">
        <button type="button" className="btn btn-secondary" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={edit.isPending}>
          {edit.isPending ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
