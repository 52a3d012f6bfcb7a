/** Error codes of the API envelope that the console names in the user's language (errors.codes.*). */
export const KNOWN_ERROR_CODES = [
  'unauthorized',
  'forbidden',
  'not_found',
  'validation_failed',
  'bad_request',
  'duplicate',
  'reference_conflict',
  'conflict',
  'version_conflict',
  'too_many_attempts',
  'account_locked',
  'payload_too_large',
  'unsupported_media_type',
  // Fastify's and Node's own refusals (bad JSON, a path parameter or headers over the limit).
  'invalid_json',
  'uri_too_long',
  'headers_too_large',
  'request_timeout',
  'network',
  'internal',
  // Service desk (issue 3): state machine and dispatch refusals.
  'invalid_transition',
  'technician_unavailable',
  'no_technician_available',
  // Ticket corrections (PATCH /api/tickets/:id).
  'ticket_not_editable',
  // 工程管理: scanning and inspection answers.
  'qr_unknown',
  'qr_other_project',
  'invalid_answer',
] as const;
