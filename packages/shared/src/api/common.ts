/**
 * Building blocks of the API's answer schemas. The server declares them as each route's `response`
 * (fastify-type-provider-zod serializes through them, so the OpenAPI document describes the answers)
 * and the console infers its types from the same schemas.
 */
import { z } from 'zod';

/** Instants travel as ISO-8601 strings (the presenters call toISOString). */
export const isoTime = z.string();
export const nullableTime = isoTime.nullable();
/** Calendar dates ('2026-11-22') as the database's date columns give them. */
export const isoDate = z.string();

/** One page of a list. Large lists stop counting at 10,000 matches (totalCapped: show "10,000+"). */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    totalCapped: z.boolean().optional(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
export type Page<T> = {
  items: T[];
  total: number;
  totalCapped?: boolean;
  page: number;
  pageSize: number;
};

/** A list without paging: the whole (small) set. */
export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** Commands whose effect the caller does not need to read back. */
export const okSchema = z.object({ ok: z.boolean() });

/** JSON the server stores and gives back as it was written (settings values, event payloads). */
export const jsonValue = z.unknown();

/** A file the route streams (xlsx, pdf, audio, csv): described for OpenAPI, not serialized by zod. */
export const fileResponse = (contentType: string, description: string) => ({
  description,
  // Typed unknown: the handler sends a Buffer or a stream, which Fastify passes through unserialized.
  content: { [contentType]: { schema: z.unknown().meta({ type: 'string', format: 'binary' }) } },
});

/**
 * 204: the answer has no body (handlers send null, which Fastify leaves out for a 204). The OpenAPI 3.0
 * form of null is a nullable enum; `type: 'null'` is what tells fastify-swagger to list no content.
 */
export const noContent = z.null().meta({ description: 'No content', type: 'null' });

/** An .xlsx workbook (exports, import templates, error reports). */
export const xlsxFile = fileResponse(
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'An Excel workbook',
);
