import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldProblem } from '../errors.js';
import type { Logger } from '../logger.js';

const TITLES: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  406: 'Not Acceptable', 409: 'Conflict', 413: 'Content Too Large', 415: 'Unsupported Media Type',
  422: 'Unprocessable Content', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable',
};

interface FrameworkAnswer {
  code: string;
  /** When Fastify's own status says the wrong thing. */
  status?: number;
  /** When Fastify's own message is not one to show (it may echo the request back). */
  detail?: string | ((request: FastifyRequest) => string);
}

/** Fastify's own 4xx errors (the router's included), renamed to codes we promise to keep. */
const FRAMEWORK_ERRORS: Record<string, FrameworkAnswer> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'malformed_json', detail: 'The request body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'malformed_json', detail: 'The request body is not valid JSON.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', detail: 'The request body is too large.' },
  // The upload routes declare multipart/form-data in `consumes`; every other body is JSON.
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    detail: (request) => `Send the body as ${request.routeOptions.schema?.consumes?.join(' or ') ?? 'application/json'}.`,
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'bad_content_length' },
  FST_ERR_VALIDATION: { code: 'validation_failed' },
  FST_REQ_FILE_TOO_LARGE: { code: 'file_too_large' },
  FST_FILES_LIMIT: { code: 'too_many_files' },
  FST_PARTS_LIMIT: { code: 'too_many_parts' },
  FST_FIELDS_LIMIT: { code: 'too_many_fields' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { code: 'not_multipart' },
  FST_PROTO_VIOLATION: { code: 'malformed_multipart' },
  FST_MP_PREMATURE_CLOSE: { code: 'malformed_multipart' },
  // A form part declared application/json that is not JSON: a bad request, not the 406 the plugin says.
  FST_INVALID_JSON_FIELD_ERROR: { code: 'malformed_json', status: 400, detail: 'A form field sent as application/json is not valid JSON.' },
  FST_ERR_BAD_URL: { code: 'bad_url' },
  // A path segment longer than any id or name names nothing: 404, as for any id that cannot be ours (the router says 414).
  FST_ERR_MAX_PARAM_LENGTH: { code: 'not_found', status: 404, detail: 'Nothing here has a name or id that long.' },
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
    const known = FRAMEWORK_ERRORS[fastifyError.code];
    const status = known?.status ?? fastifyError.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const detail = typeof known?.detail === 'function' ? known.detail(request) : known?.detail;
      return sendProblem(reply, status, known?.code ?? 'bad_request', detail ?? fastifyError.message);
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
