import type { FastifySchemaValidationError } from 'fastify/types/schema';
import { validatorCompiler as zodValidatorCompiler } from 'fastify-type-provider-zod';
import { findNulBytes } from './find-nul-bytes';

// The marker fastify-type-provider-zod puts on its issues, so the error handler reads ours the same way.
const ZOD_ISSUE = Symbol.for('ZodFastifySchemaValidationError');

/**
 * The zod validator of every route's body, query, params and headers, plus one rule no schema has to
 * repeat: no NUL character anywhere in the input (PostgreSQL cannot store it, so it would otherwise
 * surface as a 500). Checked on what the caller sent, before zod, so the answer names the field
 * whatever else is wrong with the request: the usual 400 validation_failed with the field's path.
 */
export const validatorCompiler: typeof zodValidatorCompiler = (routeSchema) => {
  const validate = zodValidatorCompiler(routeSchema);
  return (data) => {
    const paths = findNulBytes(data);
    if (paths.length === 0) return validate(data);
    const error: FastifySchemaValidationError[] = paths.map((path) => ({
      [ZOD_ISSUE]: true,
      keyword: 'nul_character',
      instancePath: `/${path.join('/')}`,
      schemaPath: `#/${path.join('/')}/nul_character`,
      message: 'Must not contain a NUL character (\\u0000)',
      params: {},
    }));
    return { error };
  };
};
