/** The body of every error answer: { error: { code, message, details } }. */
export interface Envelope {
  error: { code: string; message: string; details?: unknown };
}

export const envelope = (code: string, message: string, details?: unknown): Envelope => ({
  error: { code, message, ...(details === undefined ? {} : { details }) },
});
