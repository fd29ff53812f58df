import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ZodError } from 'zod';
import { AppError, type ErrorCode, errorBody } from '../core/errors';
import { isDatabaseUnavailable } from '../db/unavailable';
import { ErrorPage } from './web/error-page';
import type { AppContext, AppEnv } from './env';

const wantsJson = (c: AppContext) =>
  c.req.path.startsWith('/api/') || (c.req.header('accept') ?? '').includes('application/json');

const HTTP_CODES: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'VALIDATION_FAILED',
  429: 'RATE_LIMITED',
};

/** Turns any error into an AppError; anything unknown is a 500 whose detail stays in the log. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) return new AppError('VALIDATION_FAILED', 'The request is not valid', err.issues);
  if (err instanceof HTTPException) {
    const code = HTTP_CODES[err.status] ?? 'INTERNAL';
    return new AppError(code, err.message || code.toLowerCase().replace(/_/g, ' '));
  }
  if (err instanceof SyntaxError) return new AppError('BAD_REQUEST', 'The request body is not valid JSON');
  if (isDatabaseUnavailable(err)) return databaseUnavailable();
  return new AppError('INTERNAL', 'Internal error; the request id in the logs tells us more');
}

/** The answer while the database is away: a 503 a client may retry after a few seconds. */
export const databaseUnavailable = () =>
  new AppError('DATABASE_UNAVAILABLE', 'The database is not answering right now; try again in a moment', null, 5);

/** Renders an AppError as JSON for the API and as a page for browsers. */
export function renderError(c: AppContext, e: AppError) {
  if (e.retryAfter) c.header('Retry-After', String(e.retryAfter));
  if (wantsJson(c)) return c.json(errorBody(e.code, e.message, e.details), e.status as 400);
  return c.html(
    ErrorPage({ status: e.status, code: e.code, message: e.message, requestId: c.var.requestId }),
    e.status as 400,
  );
}

export const onError: ErrorHandler<AppEnv> = (err, c) => {
  const e = toAppError(err);
  if (e.status >= 500) c.var.log?.error({ err }, 'request failed');
  return renderError(c, e);
};

export const onNotFound: NotFoundHandler<AppEnv> = (c) =>
  renderError(c, new AppError('NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`));
