import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { errorText } from '../../api/client';
import type { UploadProgress } from '../../api/upload';
import { ErrorNote } from '../../ui/ErrorNote';
import { Icon } from '../../ui/Icon';
import { freshPost, postKey } from '../posts/api';
import { type Draft, publish } from './api';
import { CaptionInput } from './CaptionInput';
import { ACCEPT_ATTR, CROPS, type Crop, MAX_PHOTOS, refuseReason } from './filters';
import { LocationInput, type Place } from './LocationInput';
import { PhotoEditor } from './PhotoEditor';
import { PhotoStrip } from './PhotoStrip';

export default function ComposePage() {
  const [photos, setPhotos] = useState<Draft[]>([]);
  const [selected, setSelected] = useState(0);
  const [crop, setCrop] = useState<Crop>('1:1');
  const [caption, setCaption] = useState('');
  const [location, setLocation] = useState<Place | null>(null);
  const [refusals, setRefusals] = useState<string[]>([]);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [error, setError] = useState<unknown>(null);
  const key = useRef(crypto.randomUUID());
  const navigate = useNavigate();
  const client = useQueryClient();
  const urls = useRef(new Set<string>());
  useEffect(() => {
    const made = urls.current;
    return () => {
      for (const url of made) URL.revokeObjectURL(url);
    };
  }, []);

  function add(files: FileList | null) {
    const refused: string[] = [];
    const next = [...photos];
    for (const file of Array.from(files ?? [])) {
      const reason = refuseReason(file);
      if (reason) refused.push(reason);
      else if (next.length >= MAX_PHOTOS) refused.push(`${file.name} was left out: a post holds up to ${MAX_PHOTOS} photos.`);
      else {
        const url = URL.createObjectURL(file);
        urls.current.add(url);
        next.push({ id: crypto.randomUUID(), file, url, filter: 'normal', alt: '' });
      }
    }
    setRefusals(refused);
    setPhotos(next);
    key.current = crypto.randomUUID();
  }
  const patch = (index: number, change: Partial<Draft>) => setPhotos((list) => list.map((p, i) => (i === index ? { ...p, ...change } : p)));
  function move(index: number, by: -1 | 1) {
    setPhotos((list) => {
      const next = [...list];
      [next[index], next[index + by]] = [next[index + by]!, next[index]!];
      return next;
    });
    setSelected(index + by);
  }
  function remove(index: number) {
    setPhotos((list) => list.filter((_, i) => i !== index));
    setSelected((s) => Math.max(0, Math.min(s, photos.length - 2)));
  }

  async function share() {
    setError(null);
    setProgress({ loaded: 0, total: 1, processing: false });
    try {
      const result = await publish({ photos, crop, caption, location }, key.current, setProgress);
      client.setQueryData(postKey(result.postId), freshPost(result.post));
      void client.invalidateQueries({ queryKey: ['posts'] });
      void client.invalidateQueries({ queryKey: ['profile'] });
      void client.invalidateQueries({ queryKey: ['feed'] });
      navigate(`/p/${result.postId}`);
    } catch (failure) {
      setError(failure);
      setProgress(null);
    }
  }

  const current = photos[selected];
  const busy = progress !== null;
  const percent = progress ? Math.round((progress.loaded / Math.max(1, progress.total)) * 100) : 0;
  return (
    <div className="page page-narrow compose">
      <h1 className="page-title">New post</h1>
      <label className={photos.length ? 'btn btn-secondary picker-small' : 'picker'}>
        {photos.length ? null : <Icon name="photo" size={64} strokeWidth={1.1} />}
        <span>{photos.length ? 'Add more photos' : 'Select photos from your device'}</span>
        <input type="file" accept={ACCEPT_ATTR} multiple className="visually-hidden" disabled={busy || photos.length >= MAX_PHOTOS} onChange={(e) => { add(e.target.files); e.target.value = ''; }} />
      </label>
      {refusals.map((reason) => (
        <ErrorNote key={reason}>{reason}</ErrorNote>
      ))}
      {photos.length ? (
        <>
          <fieldset className="crop-row">
            <legend>Crop</legend>
            {CROPS.map((c) => (
              <label key={c.value} className={crop === c.value ? 'chip on' : 'chip'}>
                <input type="radio" name="crop" value={c.value} checked={crop === c.value} onChange={() => setCrop(c.value)} className="visually-hidden" />
                {c.label} {c.value}
              </label>
            ))}
          </fieldset>
          <PhotoStrip photos={photos} selected={selected} onSelect={setSelected} onMove={move} onRemove={remove} />
          {current ? <PhotoEditor photo={current} index={selected} crop={crop} onChange={(change) => patch(selected, change)} /> : null}
          <CaptionInput value={caption} onChange={setCaption} />
          <LocationInput value={location} onChange={setLocation} />
          {progress ? (
            <div className="progress" role="status">
              <progress max={100} value={progress.processing ? undefined : percent} aria-label="Upload progress" />
              <span>{progress.processing ? 'Processing your photos…' : `Uploading… ${percent}%`}</span>
            </div>
          ) : null}
          {error ? <ErrorNote>{errorText(error)}</ErrorNote> : null}
          <button type="button" className="btn btn-primary btn-block" disabled={busy} onClick={() => void share()}>
            {busy ? 'Sharing…' : 'Share'}
          </button>
        </>
      ) : null}
    </div>
  );
}
