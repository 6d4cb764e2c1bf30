import type { Problem } from '@pictor/contract';
/**
 * The one way the web app talks to Pictor: the public API under /api/v1, same origin,
 * with the session cookie. Writes echo the readable `pictor_csrf` cookie in X-CSRF-Token.
 * Request and answer shapes come from @pictor/contract, never hand-copied.
 */
/** The contract's Problem; only `code` is sure, since a proxy in front may answer with anything. */
export type ProblemBody = Pick<Problem, 'code'> & Partial<Problem>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemBody,
  ) {
    super(problemMessage(problem, status));
    this.name = 'ApiError';
  }
  get code() {
    return this.problem.code;
  }
}

/** What a person reads: the server's own words, plus the wait when we are told to wait. */
function problemMessage(problem: ProblemBody, status: number): string {
  let text = problem.detail || problem.title || `Something went wrong (${status}).`;
  const wait = problem.retryAfterSeconds;
  if (wait && !/\bminute|\bsecond/i.test(text)) text += ` Try again in ${formatWait(wait)}.`;
  return text;
}

function formatWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return 'Pictor could not be reached. Check your connection and try again.';
  return error instanceof Error ? error.message : String(error);
}

export function csrfToken(): string {
  const match = /(?:^|;\s*)pictor_csrf=([^;]+)/.exec(document.cookie);
  return match ? decodeURIComponent(match[1]!) : '';
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Query = Record<string, string | number | boolean | undefined | null>;

export function apiUrl(path: string, query?: Query): string {
  const url = `/api/v1${path}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null) params.set(key, String(value));
  const text = params.toString();
  return text ? `${url}?${text}` : url;
}

/**
 * The error for a refused request, from its status, its body (problem+json, or anything else
 * a proxy may answer) and its Retry-After header; shared by fetch and the upload XHR.
 */
export function apiError(status: number, body: unknown, retryAfter: string | null): ApiError {
  const problem: ProblemBody = body && typeof body === 'object' ? (body as ProblemBody) : { code: 'http_error' };
  const retry = Number(retryAfter);
  if (!problem.retryAfterSeconds && retry > 0) problem.retryAfterSeconds = retry;
  return new ApiError(status, problem);
}

async function request<T>(method: Method, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken();
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(apiUrl(path, query), { method, headers, body: payload, credentials: 'same-origin' });
  if (!response.ok) throw apiError(response.status, await response.json().catch(() => null), response.headers.get('retry-after'));
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string, body?: unknown) => request<T>('DELETE', path, body),
};
