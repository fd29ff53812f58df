import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ZodError } from 'zod';
import { AppError, coreError, errorBody } from '../core/errors';
import { isDatabaseUnavailable } from '../db/unavailable';
import { translatorOf } from './i18n.middleware';
import { ErrorPage } from './web/error-page';
import type { AppContext, AppEnv } from './env';

const wantsJson = (c: AppContext) =>
  c.req.path.startsWith('/api/') || (c.req.header('accept') ?? '').includes('application/json');

// What a library's HTTPException becomes; a 400 keeps the library's reason (BAD_REQUEST).
type LibraryCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'VALIDATION_FAILED'
  | 'RATE_LIMITED';
const HTTP_CODES: Record<number, LibraryCode> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'VALIDATION_FAILED',
  429: 'RATE_LIMITED',
};

/** Turns any error into an AppError; anything unknown is a 500 whose detail stays in the log. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) return coreError('VALIDATION_FAILED', err.issues);
  if (err instanceof HTTPException) {
    if (err.status === 400) return coreError('BAD_REQUEST', { reason: err.message || 'malformed request' });
    return coreError(HTTP_CODES[err.status] ?? 'INTERNAL');
  }
  if (err instanceof SyntaxError) return coreError('BODY_NOT_JSON');
  if (isDatabaseUnavailable(err)) return databaseUnavailable();
  return coreError('INTERNAL');
}

/** The answer while the database is away: a 503 a client may retry after a few seconds. */
export const databaseUnavailable = () => coreError('DATABASE_UNAVAILABLE').retryingAfter(5);

/** Renders an AppError as JSON for the API and as a page for browsers. */
export function renderError(c: AppContext, e: AppError) {
  if (e.retryAfter) c.header('Retry-After', String(e.retryAfter));
  const message = translatorOf(c).error(e.code, e.message, e.params);
  if (wantsJson(c)) return c.json(errorBody({ ...e, message }), e.status as 400);
  return c.html(ErrorPage({ status: e.status, code: e.code, message, requestId: c.var.requestId }), e.status as 400);
}

export const onError: ErrorHandler<AppEnv> = (err, c) => {
  const e = toAppError(err);
  if (e.status >= 500) c.var.log?.error({ err }, 'request failed');
  return renderError(c, e);
};

export const onNotFound: NotFoundHandler<AppEnv> = (c) =>
  renderError(c, coreError('NOT_FOUND', { method: c.req.method, path: c.req.path }));
