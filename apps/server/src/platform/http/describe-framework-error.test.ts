import { describe, expect, it } from 'vitest';
import { describeClientError, describeFrameworkError } from './describe-framework-error';

describe('describeFrameworkError', () => {
  it.each([
    [{ code: 'FST_ERR_CTP_INVALID_JSON_BODY', statusCode: 400 }, 400, 'invalid_json'],
    [{ code: 'FST_ERR_CTP_EMPTY_JSON_BODY', statusCode: 400 }, 400, 'invalid_json'],
    [{ code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 }, 413, 'payload_too_large'],
    [{ code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 }, 415, 'unsupported_media_type'],
    [{ code: 'FST_ERR_MAX_PARAM_LENGTH' }, 414, 'uri_too_long'],
    [{ code: 'FST_ERR_BAD_URL' }, 400, 'bad_request'],
    // A plugin's own 4xx (multipart) keeps its status under a code the console knows.
    [{ code: 'FST_REQ_FILE_TOO_LARGE', statusCode: 413 }, 413, 'payload_too_large'],
    [{ code: 'FST_INVALID_MULTIPART_CONTENT_TYPE', statusCode: 406 }, 406, 'bad_request'],
  ])('%o answers %i %s', (error, status, code) => {
    expect(describeFrameworkError({ ...error, message: 'm' })).toMatchObject({ status, code });
  });

  it.each([
    [{ code: 'FST_ERR_RESPONSE_SERIALIZATION', statusCode: 500 }],
    [{ statusCode: 503 }],
    [{ message: 'no status at all' }],
    [{ code: 'ECONNREFUSED' }],
  ])('%o is a fault of ours, not the caller’s: null', (error) => {
    expect(describeFrameworkError(error)).toBeNull();
  });
});

describe('describeClientError', () => {
  it.each([
    ['HPE_HEADER_OVERFLOW', 431, 'headers_too_large'],
    ['ERR_HTTP_REQUEST_TIMEOUT', 408, 'request_timeout'],
    ['HPE_INVALID_METHOD', 400, 'bad_request'],
    [undefined, 400, 'bad_request'],
  ])('%s answers %i %s', (code, status, expected) => {
    expect(describeClientError({ code })).toMatchObject({ status, code: expected });
  });
});
