/** Turns a blob key into the URL clients fetch it from (our /media route, or a CDN in front of it). */
export type MediaUrl = (key: string) => string;

export function createMediaUrl(publicUrl: string | undefined): MediaUrl {
  const base = publicUrl ?? '';
  return (key) => `${base}/media/${key}`;
}
