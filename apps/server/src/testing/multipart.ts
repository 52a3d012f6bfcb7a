import type { LightMyRequestResponse } from 'fastify';
import type { TestServer } from './test-server';

/** One file as a multipart/form-data body, the way a browser's FormData sends it. */
export function multipartBody(file: Buffer, filename: string, contentType: string, field = 'file') {
  const boundary = `----guanjia${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
      `Content-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, file, tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** POST a file to an upload route with a staff or portal bearer token. */
export function postFile(
  t: Pick<TestServer, 'app'>,
  url: string,
  token: string | null,
  file: Buffer,
  filename = 'photo.jpg',
  contentType = 'image/jpeg',
): Promise<LightMyRequestResponse> {
  const body = multipartBody(file, filename, contentType);
  return t.app.inject({
    method: 'POST',
    url,
    headers: {
      'content-type': body.contentType,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    payload: body.payload,
  });
}
