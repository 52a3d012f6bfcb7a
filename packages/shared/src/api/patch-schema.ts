import { z } from 'zod';

type Patched<S extends z.ZodRawShape> = {
  [K in keyof S]: S[K] extends z.ZodDefault<infer Inner extends z.ZodType>
    ? z.ZodOptional<Inner>
    : z.ZodOptional<S[K]>;
};

/**
 * The PATCH form of a create schema: every field optional and no defaults. zod 4 applies `.default()`
 * even inside `.partial()`, so a partial built the obvious way silently resets every field the caller
 * did not send (a resident's phones, a calendar's holidays). Always derive update bodies with this.
 */
export function patchOf<S extends z.ZodRawShape>(schema: z.ZodObject<S>): z.ZodObject<Patched<S>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const inner = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
    shape[key] = inner.optional();
  }
  return z.object(shape) as unknown as z.ZodObject<Patched<S>>;
}
