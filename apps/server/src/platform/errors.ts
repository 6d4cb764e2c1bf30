/**
 * The one error type use cases throw for anything a client can cause. The HTTP
 * layer turns it into application/problem+json; `code` is stable and documented,
 * so clients can branch on it without parsing prose.
 */
export interface FieldProblem {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { fields?: FieldProblem[]; retryAfterSeconds?: number; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (code: string, message: string, fields?: FieldProblem[]) =>
  new AppError(400, code, message, fields ? { fields } : {});
export const unauthorized = (message = 'Sign in to continue.') => new AppError(401, 'unauthenticated', message);
export const forbidden = (code: string, message: string) => new AppError(403, code, message);
export const notFound = (what: string) => new AppError(404, 'not_found', `${what} was not found.`);
export const conflict = (code: string, message: string, extra: Record<string, unknown> = {}) =>
  new AppError(409, code, message, extra);
export const unprocessable = (code: string, message: string, fields?: FieldProblem[]) =>
  new AppError(422, code, message, fields ? { fields } : {});
export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new AppError(429, 'rate_limited', message, { retryAfterSeconds });
