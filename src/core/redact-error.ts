import { AppError } from './errors';

/**
 * Errors as the log and staff may see them. drizzle wraps a driver's error as "Failed query: <sql>
 * params: <every value>", and the drivers keep the values again on the error: a password hash, a
 * session token or a whole page of posts. The log keeps the SQL text and the driver's code and
 * message, never the values; staff read a short sentence and a reference to the log line.
 */

// Properties that carry a statement's values (drizzle, PGlite, postgres.js) or echo a row back.
const VALUE_KEYS = new Set(['params', 'parameters', 'args', 'detail', 'where', 'internalQuery', 'queryOptions']);
const PARAMS_TAIL = /\nparams: [\s\S]*$/;
const MAX_CAUSES = 4;

const redactMessage = (message: string) => message.replace(PARAMS_TAIL, '');

/** The error's own lines of stack with its message redacted; the message may span lines, the frames never do. */
function redactStack(err: Error, message: string): string | undefined {
  if (!err.stack) return undefined;
  const frames = err.stack.split('\n').filter((line) => /^\s+at /.test(line));
  return [`${err.name}: ${message}`, ...frames].join('\n');
}

/** An error as pino should write it: type, redacted message and stack, safe fields, and its causes. */
export function redactError(err: unknown, depth = 0): unknown {
  if (!(err instanceof Error)) return typeof err === 'string' ? redactMessage(err) : err;
  const message = redactMessage(err.message);
  const out: Record<string, unknown> = {
    type: err.constructor?.name ?? err.name,
    message,
    stack: redactStack(err, message),
  };
  for (const [key, value] of Object.entries(err)) {
    if (VALUE_KEYS.has(key) || key === 'cause' || value === undefined || typeof value === 'function') continue;
    out[key] = typeof value === 'string' ? redactMessage(value) : value;
  }
  if (err.cause !== undefined && depth < MAX_CAUSES) out.cause = redactError(err.cause, depth + 1);
  return out;
}

/** The SQLSTATE of a database error (22P05, 23505, ...), looked for through the error's causes. */
export function sqlState(err: unknown): string | null {
  let e: unknown = err;
  for (let i = 0; i <= MAX_CAUSES && e instanceof Error; i++, e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return null;
}

/**
 * What staff read when background work failed: a domain error's own message, otherwise one short
 * sentence naming the step, the database's error code if any, and where the detail is.
 */
export function failureNote(err: unknown, step: string, ref: string): string {
  if (err instanceof AppError) return err.message;
  const code = sqlState(err);
  return `${step} failed (${code ? `database error ${code}` : 'internal error'}); see the log, ref ${ref}`;
}
