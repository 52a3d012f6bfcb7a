export type InputPath = (string | number)[];

const MAX_REPORTED = 20;

/**
 * Where a NUL character (U+0000) sits in a parsed request: in a string, or in an object key. PostgreSQL
 * refuses it in text and jsonb alike, so an input holding one can never be stored; it is the caller's
 * mistake, found before any handler runs. Objects and arrays are walked whatever their prototype (query
 * strings and path parameters arrive as objects without Object.prototype); values that are not data
 * containers (Date, Buffer, streams) are not. At most MAX_REPORTED paths: one is enough to refuse.
 */
export function findNulBytes(value: unknown): InputPath[] {
  const found: InputPath[] = [];
  const walk = (node: unknown, path: InputPath): void => {
    if (found.length >= MAX_REPORTED) return;
    if (typeof node === 'string') {
      if (node.includes('\u0000')) found.push(path);
      return;
    }
    if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) walk(item, [...path, i]);
      return;
    }
    if (node === null || typeof node !== 'object' || !isContainer(node)) return;
    for (const [key, item] of Object.entries(node)) {
      if (key.includes('\u0000')) found.push([...path, key]);
      else walk(item, [...path, key]);
    }
  };
  walk(value, []);
  return found.slice(0, MAX_REPORTED);
}

/** A record of data: an object literal, or an object made by a parser (null or an empty-class prototype). */
function isContainer(node: object): boolean {
  if (node instanceof Date || ArrayBuffer.isView(node) || node instanceof Map || node instanceof Set)
    return false;
  // Streams, sockets and other live objects have methods on their prototype; records do not.
  const proto = Object.getPrototypeOf(node) as object | null;
  return proto === null || proto === Object.prototype || Object.getOwnPropertyNames(proto).length <= 1;
}
