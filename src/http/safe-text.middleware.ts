import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { coreError } from '../core/errors';
import { cleanText, jsonTextProblem, textProblem } from '../core/safe-text';
import type { AppEnv } from './env';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;
const FORM_TYPE = /^(?:application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/** %00 survives even where the rest of the path is no valid UTF-8 (the router leaves that encoded). */
function decodedPath(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw.replace(/%00/g, '\u0000');
  }
}

const badAddress = (where: 'path' | 'query' | 'cookie', field: string, problem: string) =>
  coreError(
    'REQUEST_TEXT_UNSAFE',
    { place: where === 'path' ? where : `${where} (${cleanText(field)})`, problem },
    { in: where, field: cleanText(field) },
  );

const badField = (field: string, problem: string) =>
  coreError('FIELD_TEXT_UNSAFE', { field, problem }, { field, problem });

/**
 * Refuses a NUL or a lone surrogate anywhere a request carries text (path, query, cookies, JSON,
 * url-encoded and multipart fields) before any handler sees it: PostgreSQL would fail on it later
 * with a 500 and the statement in the log. The body is read through Hono's cache, so the routes
 * read it again for free. Inngest's signed calls carry our own events and are left alone.
 */
export const refuseUnsafeText = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.path === '/api/inngest') return next();
  const url = new URL(c.req.url);
  const pathProblem = textProblem(decodedPath(url.pathname));
  if (pathProblem) throw badAddress('path', 'path', pathProblem);
  for (const [key, value] of url.searchParams) {
    const problem = textProblem(key) ?? textProblem(value);
    if (problem) throw badAddress('query', key, problem);
  }
  for (const [key, value] of Object.entries(getCookie(c))) {
    const problem = textProblem(key) ?? textProblem(value);
    if (problem) throw badAddress('cookie', key, problem);
  }
  const type = c.req.header('content-type') ?? '';
  if (JSON_TYPE.test(type)) {
    const text = await c.req.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON at all: the route answers that in its own words.
      return next();
    }
    const found = jsonTextProblem(body);
    if (found) throw badField(found.field, found.problem);
  } else if (FORM_TYPE.test(type)) {
    const form = await c.req.parseBody({ all: true });
    for (const [key, value] of Object.entries(form)) {
      const keyProblem = textProblem(key);
      if (keyProblem) throw badField(cleanText(key), `has a name that ${keyProblem}`);
      for (const v of Array.isArray(value) ? value : [value]) {
        const problem = typeof v === 'string' ? textProblem(v) : v instanceof File ? textProblem(v.name) : null;
        if (problem) throw badField(key, typeof v === 'string' ? problem : `has a file name that ${problem}`);
      }
    }
  }
  await next();
});
