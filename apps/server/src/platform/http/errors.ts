/** The one error envelope: { error: { code, message, details } }. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string, details?: unknown) =>
  new AppError(404, 'not_found', `${what} not found`, details);
export const forbidden = (permission: string) =>
  new AppError(403, 'forbidden', `Missing permission ${permission}`, { permission });
export const unauthorized = (message = 'Login required') => new AppError(401, 'unauthorized', message);
export const conflict = (message: string, details?: unknown) =>
  new AppError(409, 'conflict', message, details);
export const badRequest = (message: string, details?: unknown) =>
  new AppError(400, 'bad_request', message, details);
/** Optimistic locking: the row changed since the caller read it. */
export const staleVersion = (entity: string, expected: number, actual: number) =>
  new AppError(409, 'version_conflict', `${entity} was changed by someone else; reload and try again`, {
    expected,
    actual,
  });
