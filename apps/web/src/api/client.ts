/** The one way the console talks to the server: cookie auth, JSON in and out, the error envelope as ApiError. */

export interface ErrorDetail {
  path?: string;
  message?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isVersionConflict(): boolean {
    return this.status === 409 && this.code === 'version_conflict';
  }

  /** Field-level messages from a validation failure: { "name": "…", "phones.0": "…" }. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    if (!Array.isArray(this.details)) return out;
    for (const entry of this.details as unknown[]) {
      if (!entry || typeof entry !== 'object') continue;
      const { path, message } = entry as ErrorDetail;
      if (typeof path !== 'string' || typeof message !== 'string') continue;
      out[path.replace(/^(body|querystring|params)\.?/, '')] = message;
    }
    return out;
  }
}

type Listener = () => void;
const unauthorizedListeners = new Set<Listener>();

/** Called whenever the server answers 401 for a request that needed a session. */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/**
 * Server time minus browser time, from the Date header of API answers: SLA countdowns follow the
 * server's clock even when a laptop's clock is off (1 s resolution; small jitter is ignored).
 */
let clockOffsetMs = 0;

function noteServerDate(header: string | null): void {
  if (!header) return;
  const server = Date.parse(header);
  if (!Number.isFinite(server)) return;
  // The header is truncated to the second: on average the server is half a second further on.
  const offset = server + 500 - Date.now();
  if (Math.abs(offset - clockOffsetMs) > 2000) clockOffsetMs = offset;
}

/** Now, by the server's clock (milliseconds since the epoch). */
export const serverNow = (): number => Date.now() + clockOffsetMs;

export type Query = Record<string, string | number | boolean | null | undefined>;

export function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Extra request headers (e.g. Idempotency-Key). */
  headers?: Record<string, string>;
  /** Do not broadcast a 401 (the login form and the initial session probe handle it themselves). */
  quiet401?: boolean;
  signal?: AbortSignal;
}

/**
 * The language the server writes error messages in: the one the page is shown in (<html lang>, set by
 * the console's and the portal's language switch), Chinese when nothing set it.
 */
const pageLanguage = (): string =>
  (typeof document !== 'undefined' && document.documentElement.lang) || 'zh-CN';

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': pageLanguage(),
    ...options.headers,
  };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(`${path}${queryString(options.query)}`, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', error instanceof Error ? error.message : 'Network error');
  }
  noteServerDate(response.headers.get('date'));
  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    const envelope = (data as { error?: { code?: string; message?: string; details?: unknown } } | null)
      ?.error;
    const error = new ApiError(
      response.status,
      envelope?.code ?? `http_${response.status}`,
      envelope?.message ?? (response.statusText || `HTTP ${response.status}`),
      envelope?.details,
    );
    if (response.status === 401 && !options.quiet401)
      for (const listener of unauthorizedListeners) listener();
    throw error;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query, options: Omit<RequestOptions, 'query' | 'body'> = {}) =>
    request<T>('GET', path, { ...options, query }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string, query?: Query) => request<T>('DELETE', path, { query }),
};
