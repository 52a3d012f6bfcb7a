import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from './errors';

interface Envelope {
  error: { code: string; message: string; details?: unknown };
}

const envelope = (code: string, message: string, details?: unknown): Envelope => ({
  error: { code, message, ...(details === undefined ? {} : { details }) },
});

// PostgreSQL error codes that come from what the caller sent, not from a fault of ours.
const PG_CLIENT_ERRORS: Record<string, [number, string, string]> = {
  '23505': [409, 'duplicate', 'A record with the same unique value already exists'],
  '23503': [409, 'reference_conflict', 'The record is referenced by, or refers to, a missing record'],
  '22P02': [400, 'invalid_value', 'A value has the wrong format'],
  '22001': [400, 'value_too_long', 'A value is too long'],
  '22003': [400, 'value_out_of_range', 'A number is out of range'],
  '22007': [400, 'invalid_value', 'A date or time has the wrong format'],
  '22008': [400, 'invalid_value', 'A date or time is out of range'],
};

/** Every failure leaves as { error: { code, message, details } }; a user's mistake is never a 500. */
export function installErrorHandling(app: FastifyInstance, options: { spa: boolean }): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send(envelope(error.code, error.message, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({
        path: `${error.validationContext ?? 'body'}${v.instancePath.replace(/\//g, '.')}`,
        message: v.message,
      }));
      return reply.status(400).send(envelope('validation_failed', 'The request is not valid', details));
    }
    // Drizzle wraps driver errors; the PostgreSQL code sits on the cause.
    const dbError = (error.cause ?? error) as { code?: string; detail?: string };
    const pg = dbError.code ? PG_CLIENT_ERRORS[dbError.code] : undefined;
    if (pg) return reply.status(pg[0]).send(envelope(pg[1], pg[2], dbError.detail));
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code =
        status === 413 ? 'payload_too_large' : status === 415 ? 'unsupported_media_type' : 'bad_request';
      return reply.status(status).send(envelope(code, error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(envelope('internal', 'Internal server error'));
  });
  // One not-found handler for the whole app: unknown API routes get the envelope; with a built console,
  // any other GET loads the single-page app so client-side routes (/residents/12) survive a reload.
  app.setNotFoundHandler((request, reply) => {
    if (options.spa && request.method === 'GET' && !request.url.startsWith('/api/'))
      return reply.sendFile('index.html');
    return reply
      .status(404)
      .send(envelope('not_found', `No route ${request.method} ${request.url.split('?')[0]}`));
  });
}
