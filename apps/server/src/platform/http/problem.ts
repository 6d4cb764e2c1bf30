import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldProblem } from '../errors.js';
import type { Logger } from '../logger.js';

const TITLES: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  406: 'Not Acceptable', 409: 'Conflict', 413: 'Content Too Large', 415: 'Unsupported Media Type',
  422: 'Unprocessable Content', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable',
};

/** Fastify's own 4xx errors, renamed to codes we promise to keep. */
const FRAMEWORK_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_content_length',
  FST_ERR_VALIDATION: 'validation_failed',
  FST_REQ_FILE_TOO_LARGE: 'file_too_large',
  FST_FILES_LIMIT: 'too_many_files',
  FST_PARTS_LIMIT: 'too_many_parts',
  FST_FIELDS_LIMIT: 'too_many_fields',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'not_multipart',
  FST_PROTO_VIOLATION: 'malformed_multipart',
  FST_ERR_BAD_URL: 'bad_url',
};

/**
 * Busboy (under @fastify/multipart) rejects a form it cannot parse with plain Errors, no code
 * or status: no boundary, a boundary too long, or a body that stops before the closing boundary.
 */
const MALFORMED_MULTIPART = /^(Multipart: Boundary not found|Boundary required|The needle cannot|Unexpected end of multipart data|\w+ terminated early due to unexpected end of multipart data)/;
const isMalformedMultipart = (error: Error, request: FastifyRequest) =>
  !(error as FastifyError).statusCode && MALFORMED_MULTIPART.test(error.message)
  && /^multipart\//i.test(request.headers['content-type'] ?? '');

export function sendProblem(reply: FastifyReply, status: number, code: string, detail: string, extra: Record<string, unknown> = {}) {
  if (typeof extra.retryAfterSeconds === 'number') reply.header('Retry-After', String(extra.retryAfterSeconds));
  return reply
    .code(status)
    .type('application/problem+json')
    .send({ type: `/problems/${code}`, title: TITLES[status] ?? 'Error', status, code, detail, ...extra });
}

export function createErrorHandler(logger: Logger) {
  return function handleError(error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply) {
    if (error instanceof AppError) return sendProblem(reply, error.status, error.code, error.message, error.extra);
    const fastifyError = error as FastifyError;
    if (fastifyError.validation) {
      const fields = fastifyError.validation.map(toFieldProblem(fastifyError.validationContext));
      return sendProblem(reply, 400, 'validation_failed', `Check these fields: ${fields.map((f) => f.field).join(', ')}.`, { fields });
    }
    if (isMalformedMultipart(error, request)) {
      return sendProblem(reply, 400, 'malformed_multipart', 'The multipart/form-data body is malformed or cut short. Send the whole form again.');
    }
    const status = fastifyError.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = FRAMEWORK_CODES[fastifyError.code] ?? 'bad_request';
      return sendProblem(reply, status, code, publicMessage(code, fastifyError.message));
    }
    logger.error({ err: error, url: request.routeOptions?.url, method: request.method }, 'unhandled error');
    return sendProblem(reply, 500, 'internal_error', 'Something went wrong on our side. Try again.');
  };
}

function toFieldProblem(context: string | undefined) {
  return (issue: { instancePath: string; message?: string; params?: Record<string, unknown> }): FieldProblem => {
    const missing = issue.params?.missingProperty as string | undefined;
    const path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const field = [path, missing].filter(Boolean).join('.') || context || 'body';
    return { field, message: issue.message ?? 'is invalid' };
  };
}

function publicMessage(code: string, fallback: string): string {
  switch (code) {
    case 'malformed_json': return 'The request body is not valid JSON.';
    case 'payload_too_large': return 'The request body is too large.';
    case 'unsupported_media_type': return 'Send the body as application/json.';
    default: return fallback;
  }
}
