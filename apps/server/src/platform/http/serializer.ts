import type { FastifySerializerCompiler } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';

type ResponseSchema = Parameters<typeof serializerCompiler>[0];

/**
 * The paths of `sent` (the handler's answer, as JSON would carry it) that `kept` (what the response
 * schema let through) lost: zod objects strip keys they do not declare, so a field missing from a schema
 * would silently vanish from the answer.
 */
export function droppedKeys(sent: unknown, kept: unknown, path = ''): string[] {
  if (Array.isArray(sent))
    return Array.isArray(kept) ? sent.flatMap((v, i) => droppedKeys(v, kept[i], `${path}[${i}]`)) : [];
  if (!isPlainObject(sent) || !isPlainObject(kept)) return [];
  return Object.entries(sent).flatMap(([key, value]) => {
    // JSON leaves out undefined values anyway.
    if (value === undefined) return [];
    if (!(key in kept)) return [`${path}.${key}`];
    return droppedKeys(value, kept[key], `${path}.${key}`);
  });
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/**
 * The zod serializer, and in tests (strict) a check that the schema kept every key the handler sent:
 * a dropped key fails the request there, where a test sees it, instead of reaching the console.
 */
export function responseSerializer(options: { strict: boolean }): FastifySerializerCompiler<z.ZodType> {
  return (route) => {
    const serialize = serializerCompiler(route as ResponseSchema);
    if (!options.strict) return serialize;
    return (data: unknown) => {
      const json = serialize(data);
      const dropped = droppedKeys(JSON.parse(JSON.stringify(data)), JSON.parse(json));
      if (dropped.length)
        throw new Error(`${route.method} ${route.url}: the response schema drops ${dropped.join(', ')}`);
      return json;
    };
  };
}
