/**
 * Errors are values with a code. Services throw AppError; only the server's error handler turns
 * a code into an HTTP status and the one JSON (or HTML) error shape.
 */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  EMAIL_TAKEN: 409,
  LAST_OWNER: 409,
  PAYLOAD_TOO_LARGE: 413,
  // A JSON route sent no Content-Type or another one: say so rather than guess at the body.
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION_FAILED: 422,
  SETUP_TOKEN_INVALID: 422,
  // An invitation link that is wrong, used or expired names nothing one can act on.
  INVITATION_INVALID: 404,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  // The database is away or not answering in time: worth retrying shortly (Retry-After says when).
  DATABASE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: unknown = null,
    /** Seconds, for RATE_LIMITED answers (sent as Retry-After). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what = 'Resource') => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'You do not have permission to do this') => new AppError('FORBIDDEN', message);

export interface ErrorBody {
  error: { code: string; message: string; details: unknown };
}

export const errorBody = (code: string, message: string, details: unknown = null): ErrorBody => ({
  error: { code, message, details },
});
