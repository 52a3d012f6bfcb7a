/**
 * Fastify's and Node's own refusals, named with the envelope codes the console translates
 * (apps/web/src/api/errorCodes.ts). Their own bodies ({ statusCode, code: 'FST_ERR_…' }) never reach
 * a caller: one shape for every error the server sends.
 */
export interface DescribedError {
  status: number;
  code: string;
  message: string;
}

const BY_CODE: Record<string, DescribedError> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'invalid_json', message: 'The body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'invalid_json',
    message: 'The body is empty but its content type is JSON',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large', message: 'The body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    message: 'The content type is not supported',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'bad_request',
    message: 'The body size does not match Content-Length',
  },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'uri_too_long', message: 'A path parameter is too long' },
  FST_ERR_BAD_URL: { status: 400, code: 'bad_request', message: 'The URL is not valid' },
  // Node's HTTP parser, before Fastify sees a request (clientError).
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: 'headers_too_large',
    message: 'The URL or the headers are too large',
  },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'request_timeout', message: 'The request took too long' },
};

const BY_STATUS: Record<number, string> = {
  408: 'request_timeout',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  431: 'headers_too_large',
};

/**
 * A framework or plugin error with a client status (4xx), or one of the codes above. Anything else is
 * not the caller's mistake: null, and the handler answers 500.
 */
export function describeFrameworkError(error: { code?: unknown; statusCode?: unknown; message?: string }) {
  const known = typeof error.code === 'string' ? BY_CODE[error.code] : undefined;
  if (known) return known;
  const status = typeof error.statusCode === 'number' ? error.statusCode : 0;
  if (status < 400 || status >= 500) return null;
  return { status, code: BY_STATUS[status] ?? 'bad_request', message: error.message || 'Invalid request' };
}

/** Node's HTTP-level refusals (a malformed request line, headers over the limit, a timeout). */
export function describeClientError(error: { code?: unknown }): DescribedError {
  const known = typeof error.code === 'string' ? BY_CODE[error.code] : undefined;
  return known ?? { status: 400, code: 'bad_request', message: 'The request is malformed' };
}
