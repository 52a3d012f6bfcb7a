import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { logFault } from '../log/log-fault';
import { describeClientError, describeFrameworkError } from './describe-framework-error';
import { envelope } from './envelope';
import { AppError } from './errors';
import { messageLocale } from './i18n/request-locale';
import { translateDetails, translateIssueMessage, translateMessage } from './i18n/translate-error';

// PostgreSQL error codes that come from what the caller sent, not from a fault of ours.
const PG_CLIENT_ERRORS: Record<string, [number, string, string]> = {
  '23505': [409, 'duplicate', 'A record with the same unique value already exists'],
  '23503': [409, 'reference_conflict', 'The record is referenced by, or refers to, a missing record'],
  '22P02': [400, 'invalid_value', 'A value has the wrong format'],
  '22001': [400, 'value_too_long', 'A value is too long'],
  '22003': [400, 'value_out_of_range', 'A number is out of range'],
  '22007': [400, 'invalid_value', 'A date or time has the wrong format'],
  '22008': [400, 'invalid_value', 'A date or time is out of range'],
  // A NUL character in text (22021) or jsonb (22P05) that no validator saw (a multipart field name).
  '22021': [400, 'invalid_value', 'A value contains a character that cannot be stored'],
  '22P05': [400, 'invalid_value', 'A value contains a character that cannot be stored'],
};

/** A 5xx is a fault of ours: its stack and request id go to the fault log whatever GUANJIA_LOG says. */
function logServerError(request: FastifyRequest, status: number, error: unknown): void {
  logFault('error', 'request failed', {
    reqId: request.id,
    method: request.method,
    url: request.url.split('?')[0],
    status,
    err: error,
  });
}

/**
 * The envelope in the caller's language (Accept-Language): the message, and the messages of field
 * problems in `details`; codes and field paths stay as they are for programs.
 */
function localized(request: FastifyRequest, code: string, message: string, details?: unknown) {
  const locale = messageLocale(request.headers['accept-language']);
  return envelope(code, translateMessage(message, code, locale), translateDetails(details, locale));
}

/** Every failure leaves as { error: { code, message, details } }; a user's mistake is never a 500. */
export function installErrorHandling(app: FastifyInstance, options: { spa: boolean }): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.status >= 500) logServerError(request, error.status, error);
      return reply.status(error.status).send(localized(request, error.code, error.message, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const locale = messageLocale(request.headers['accept-language']);
      const details = error.validation.map((v) => ({
        path: `${error.validationContext ?? 'body'}${v.instancePath.replace(/\//g, '.')}`,
        message: translateIssueMessage(
          { ...(v.params as Record<string, unknown>), code: v.keyword, message: v.message ?? '' },
          locale,
        ),
      }));
      return reply
        .status(400)
        .send(localized(request, 'validation_failed', 'The request is not valid', details));
    }
    // Drizzle wraps driver errors; the PostgreSQL code sits on the cause.
    const dbError = (error.cause ?? error) as { code?: string; detail?: string };
    const pg = dbError.code ? PG_CLIENT_ERRORS[dbError.code] : undefined;
    if (pg) return reply.status(pg[0]).send(localized(request, pg[1], pg[2], dbError.detail));
    const client = describeFrameworkError(error);
    if (client) return reply.status(client.status).send(localized(request, client.code, client.message));
    logServerError(request, 500, error);
    return reply
      .status(500)
      .send(localized(request, 'internal', 'Internal server error', { requestId: request.id }));
  });
  // One not-found handler for the whole app: unknown API routes get the envelope; with a built console,
  // any other GET loads the single-page app so client-side routes (/residents/12) survive a reload.
  app.setNotFoundHandler((request, reply) => {
    if (options.spa && request.method === 'GET' && !request.url.startsWith('/api/'))
      return reply.sendFile('index.html');
    return reply
      .status(404)
      .send(localized(request, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}`));
  });
}

/**
 * Fastify's refusals before routing (a path parameter over maxParamLength, a malformed URL): the
 * `frameworkErrors` option, since they never reach the error handler.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const described = describeFrameworkError(error) ?? {
    status: 400,
    code: 'bad_request',
    message: 'Invalid request',
  };
  return reply.status(described.status).send(localized(request, described.code, described.message));
}

/**
 * Node's refusals before Fastify sees a request (headers or URL over the limit, a malformed request
 * line): the `clientErrorHandler` option writes the envelope on the socket itself.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const described = describeClientError(error);
    const body = JSON.stringify(envelope(described.code, described.message));
    socket.write(
      `HTTP/1.1 ${described.status} ${STATUS_CODES[described.status] ?? 'Bad Request'}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
