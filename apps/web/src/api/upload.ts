import { apiError, apiUrl, csrfToken } from './client';

export interface UploadProgress {
  loaded: number;
  total: number;
  /** True once every byte is sent and the server is processing. */
  processing: boolean;
}

/**
 * A multipart upload through XMLHttpRequest, because fetch cannot report upload progress.
 * Answers the parsed JSON or throws the same ApiError the fetch client throws.
 */
export function uploadForm<T>(
  method: 'POST' | 'PUT',
  path: string,
  form: FormData,
  onProgress?: (progress: UploadProgress) => void,
  headers: Record<string, string> = {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, apiUrl(path));
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', csrfToken());
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.({ loaded: event.loaded, total: event.total, processing: event.loaded >= event.total });
    };
    xhr.upload.onload = () => onProgress?.({ loaded: 1, total: 1, processing: true });
    xhr.onerror = () => reject(new TypeError('network'));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      reject(apiError(xhr.status, body, xhr.getResponseHeader('retry-after')));
    };
    xhr.send(form);
  });
}
