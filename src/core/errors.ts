/**
 * Errors are values with a code. A code names what went wrong in its feature's words (REPLY_TOO_LONG); each
 * feature declares its codes in its own errors.ts (`defineErrors`), each with a kind and an English message
 * template, and throws them through the maker made from that table (`makeErrors`). The kind alone decides
 * the HTTP status (KIND_STATUS); the server's error handler renders the one JSON (or HTML) error shape, and
 * the error catalogue (server/error-catalogue.ts, GET /api/v1/errors) lists every code of every feature.
 */

/** What went wrong, as a client acts on it; the one place a kind becomes an HTTP status. */
export const KIND_STATUS = {
  // The request itself cannot be read (a body that is not JSON, a NUL in the address).
  malformed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  // A JSON route sent no Content-Type or another one: say so rather than guess at the body.
  unsupported: 415,
  invalid: 422,
  rate_limited: 429,
  internal: 500,
  // The database is away or not answering in time: worth retrying shortly (Retry-After says when).
  unavailable: 503,
} as const;

export type ErrorKind = keyof typeof KIND_STATUS;

/** The kinds, in the order of their statuses (the catalogue's and the OpenAPI document's enum). */
export const ERROR_KINDS = Object.keys(KIND_STATUS) as ErrorKind[];

/** The languages messages are written in: a translation adds its code here and its column to every code. */
export const LANGUAGES = ['en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * One code: its kind and its message in each language, a template whose `{name}`s the throw site fills
 * in ('The reply is {length} characters as {platform} counts them; the limit is {limit}').
 */
export type ErrorSpec = { readonly kind: ErrorKind } & { readonly [L in Language]: string };

/** A braced part with a space, quote, colon or brace in it is text (`{"email": "E-mail"}`), not a parameter. */
type NotAName = ' ' | '"' | ':' | '{' | ',';

/** The parameter names of a template: 'The reply is {length} characters' -> 'length'. */
export type TemplateParams<T extends string> = T extends `${string}{${infer P}}${infer Rest}`
  ? (P extends `${string}${NotAName}${string}` ? never : P) | TemplateParams<Rest>
  : never;

/** The values a code's message needs, one for each of its template's names. */
export type ErrorParams<S extends ErrorSpec> = { readonly [K in TemplateParams<S['en']>]: string | number };

/** What a maker takes after the code: the parameters when its message has any, then the details. */
export type ErrorArgs<S extends ErrorSpec> = [TemplateParams<S['en']>] extends [never]
  ? [details?: unknown]
  : [params: ErrorParams<S>, details?: unknown];

const PARAM = /\{(\w+)\}/g;

/** The parameter names a template uses, in order. */
export const templateParams = (template: string): string[] => [...template.matchAll(PARAM)].map((m) => m[1]!);

/**
 * Fills a template's `{name}`s. A missing value is a programming error (the types rule it out at every
 * throw site), so it throws rather than show a reader a half-made sentence.
 */
export function renderMessage(template: string, params: Readonly<Record<string, unknown>>): string {
  return template.replace(PARAM, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) throw new Error(`The message "${template}" needs {${name}}`);
    return String(value);
  });
}

export class AppError<C extends string = string> extends Error {
  override name = 'AppError';
  /** Seconds, for rate_limited answers (sent as Retry-After). */
  retryAfter: number | undefined;

  constructor(
    readonly code: C,
    readonly kind: ErrorKind,
    message: string,
    /** The values the message was made from: a translation renders its own template from them. */
    readonly params: Readonly<Record<string, string | number>> = {},
    readonly details: unknown = null,
  ) {
    super(message);
  }

  get status(): number {
    return KIND_STATUS[this.kind];
  }

  /** Tells the client to try again after this many seconds (Retry-After). */
  retryingAfter(seconds: number): this {
    this.retryAfter = seconds;
    return this;
  }
}

/**
 * A feature's codes, checked against ErrorSpec with their templates kept as literal types. Write each
 * template as one string literal: the compiler reads the parameters a throw site must give from it.
 */
export const defineErrors = <const T extends Record<string, ErrorSpec>>(specs: T): T => specs;

/**
 * The throw helper of one table of codes: `inboxError('REPLY_TOO_LONG', { length, platform, limit }, details)`,
 * or `inboxError('REPLY_EMPTY', details)` for a message without parameters. The code must be in the table
 * and the parameters must be the template's, both checked by the compiler.
 */
export function makeErrors<T extends Record<string, ErrorSpec>>(specs: T) {
  return <C extends keyof T & string>(code: C, ...args: ErrorArgs<T[C]>): AppError<C> => {
    const spec = specs[code]!;
    const takesParams = templateParams(spec.en).length > 0;
    const params = ((takesParams ? args[0] : null) ?? {}) as Record<string, string | number>;
    const details = takesParams ? args[1] : args[0];
    return new AppError(code, spec.kind, renderMessage(spec.en, params), params, details ?? null);
  };
}

/**
 * The codes of the shared layers, for what cuts across features: the request as a whole (its schema, its
 * body, its address), signing in, CSRF, roles, the database, and what nobody expected.
 */
export const CORE_ERRORS = defineErrors({
  BAD_REQUEST: { kind: 'malformed', en: 'The request cannot be read: {reason}' },
  BODY_NOT_JSON: { kind: 'malformed', en: 'The request body is not valid JSON' },
  REQUEST_TEXT_UNSAFE: { kind: 'malformed', en: "The request's {place} {problem}" },
  FIELD_TEXT_UNSAFE: { kind: 'invalid', en: 'The field "{field}" {problem}' },
  VALIDATION_FAILED: { kind: 'invalid', en: 'The request is not valid' },
  // A posted form's schema refused it: the sentence is the schema's own, with the field by the page's label.
  FORM_INVALID: { kind: 'invalid', en: '{problem}' },
  CURSOR_INVALID: { kind: 'invalid', en: 'The cursor is not valid' },
  UNAUTHENTICATED: { kind: 'unauthenticated', en: 'Sign in or send a valid bearer token' },
  CSRF_FAILED: { kind: 'forbidden', en: 'Missing or wrong CSRF token; reload the page and try again' },
  CROSS_SITE_FORM: { kind: 'forbidden', en: 'Cross-site form posts are not accepted' },
  FORBIDDEN: { kind: 'forbidden', en: 'You do not have permission to do this' },
  ROLE_LACKS_PERMISSION: { kind: 'forbidden', en: 'Your role ({role}) lacks {permission}' },
  STAFF_ONLY: { kind: 'forbidden', en: 'Community members cannot use the staff app or its API' },
  NOT_FOUND: { kind: 'not_found', en: 'Nothing is found at this address' },
  PAYLOAD_TOO_LARGE: { kind: 'too_large', en: 'The request body is larger than {mib} MiB' },
  UNSUPPORTED_MEDIA_TYPE: { kind: 'unsupported', en: 'The request body is not of a type this route takes' },
  RATE_LIMITED: { kind: 'rate_limited', en: 'Too many requests; try again later' },
  INTERNAL: { kind: 'internal', en: 'Internal error; the request id in the logs tells us more' },
  DATABASE_UNAVAILABLE: {
    kind: 'unavailable',
    en: 'The database is not answering right now; try again in a moment',
  },
});

/** Makes an error of the shared layers' codes. */
export const coreError = makeErrors(CORE_ERRORS);

/** The one error shape of JSON answers: `{ error: { code, kind, message, details } }`. */
export interface ErrorBody {
  error: { code: string; kind: ErrorKind; message: string; details: unknown };
}

export const errorBody = (e: Pick<AppError, 'code' | 'kind' | 'message' | 'details'>): ErrorBody => ({
  error: { code: e.code, kind: e.kind, message: e.message, details: e.details },
});
