import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import type { Actor } from '../core/actor';
import { can, type Permission } from '../core/roles';
import { type AppError, coreError } from '../core/errors';
import type { AppContext, AppEnv } from './env';
import { toAppError } from './error-handler';

/** Pages need a signed-in person: anyone else is sent to the login page and back afterwards. */
export const requireStaffPage = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.var.actor && c.var.member) throw coreError('STAFF_ONLY');
  if (!c.var.actor || !c.var.user) {
    const next_ = c.req.method === 'GET' ? c.req.path + (new URL(c.req.url).search || '') : '/';
    return c.redirect(`/login?next=${encodeURIComponent(next_)}`, 303);
  }
  // The shell offers a workspace switcher when this login belongs to more than one workspace (looked up
  // once a request, however many routers guard it).
  if (!c.var.user.workspaces)
    c.set('user', { ...c.var.user, workspaces: await c.var.deps.auth.workspacesOf(c.var.user.id) });
  await next();
});

export const pageActor = (c: AppContext): Actor => {
  if (!c.var.actor) throw coreError('UNAUTHENTICATED');
  return c.var.actor;
};

export const assertCan = (c: AppContext, permission: Permission) => {
  const actor = pageActor(c);
  if (!can(actor.role, permission)) throw coreError('ROLE_LACKS_PERMISSION', { role: actor.role, permission });
  return actor;
};

/** The shell props every staff page passes down. */
export const shellProps = (c: AppContext) => ({
  actor: pageActor(c),
  user: c.var.user,
  csrfToken: c.var.session?.csrfToken,
});

/** A posted form as Hono reads it with `{ all: true }`: a repeated field (a checkbox group) is an array. */
export type PostedForm = Record<string, string | File | (string | File)[]>;

/** Where a page's widgets differ from the JSON its action's schema takes. */
export interface FormOptions {
  /** A text box holding a list (`vip, beta`): its array field's separator. */
  lists?: Record<string, string | RegExp>;
  /** The form's labels by field name, to name a field in a message (else the name itself). */
  labels?: Record<string, string>;
  /** File inputs read as their text (a key file, at most 64 KB); other files stay files. */
  filesAsText?: readonly string[];
}

/** The posted text as typed, to fill the form again after an error: each field's first value, and all of them. */
export interface PostedValues {
  values: Record<string, string>;
  all: Record<string, string[]>;
}

export type ParsedForm<T> = PostedValues &
  ({ ok: true; data: T } | { ok: false; message: string; issue: z.core.$ZodIssue });

/**
 * Reads a posted form with the action's own schema, the one its JSON route validates with: the form
 * is first turned into that JSON (`formInput`), then the first problem becomes a readable sentence.
 */
export async function parseForm<T extends z.ZodType>(
  c: AppContext,
  schema: T,
  options: FormOptions = {},
): Promise<ParsedForm<z.output<T>>> {
  const form = await filesAsText((await c.req.parseBody({ all: true })) as PostedForm, options.filesAsText ?? []);
  const posted = postedValues(form);
  // The schema's own messages first; zod's words for the rest in the viewer's language.
  const error = c.var.i18n?.locale === 'de' ? GERMAN_ZOD.localeError : undefined;
  const parsed = await schema.safeParseAsync(formInput(schema, form, options), error ? { error } : undefined);
  if (parsed.success) return { ok: true, data: parsed.data, ...posted };
  const issue = parsed.error.issues[0]!;
  return { ok: false, message: formMessage(issue, options.labels), issue, ...posted };
}

const GERMAN_ZOD = z.locales.de();

/** The named file inputs as their text (at most 64 KB; an empty input is no value); other fields as posted. */
const MAX_FORM_FILE = 64 * 1024;
async function filesAsText(form: PostedForm, names: readonly string[]): Promise<PostedForm> {
  if (names.length === 0) return form;
  const out: PostedForm = { ...form };
  for (const name of names) {
    const v = form[name];
    if (!(v instanceof File)) continue;
    if (v.size > 0 && v.size <= MAX_FORM_FILE) out[name] = await v.text();
    else delete out[name];
  }
  return out;
}

/** `field: message` (the field by its label when the page names one); a problem of the whole form alone. */
export function formMessage(issue: z.core.$ZodIssue, labels: Record<string, string> = {}): string {
  const names = issue.path.filter((p): p is string => typeof p === 'string');
  const last = names.at(-1);
  if (last === undefined) return issue.message;
  return `${labels[names.join('.')] ?? labels[last] ?? last}: ${issue.message}`;
}

function postedValues(form: PostedForm): PostedValues {
  const out: PostedValues = { values: {}, all: {} };
  for (const [key, value] of Object.entries(form)) {
    const name = key.endsWith('[]') ? key.slice(0, -2) : key;
    const texts = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
    if (name === '_csrf' || texts.length === 0) continue;
    out.values[name] = texts[0]!;
    out.all[name] = texts;
  }
  return out;
}

type Kind = 'text' | 'number' | 'boolean' | 'array' | 'object' | 'record' | 'raw';
interface Field {
  kind: Kind;
  /** Takes undefined (optional, or with a default). */
  optional: boolean;
  nullable: boolean;
  schema: z.core.$ZodType;
}
type Def = z.core.$ZodTypeDef & {
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  getter?: () => z.core.$ZodType;
  element?: z.core.$ZodType;
  shape?: Record<string, z.core.$ZodType>;
};

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional']);
const KINDS: Record<string, Kind> = {
  string: 'text',
  enum: 'text',
  literal: 'text',
  template_literal: 'text',
  union: 'text',
  number: 'number',
  boolean: 'boolean',
  array: 'array',
  object: 'object',
  record: 'record',
};
const TRUE = new Set(['on', 'true', '1', 'yes']);
const FALSE = new Set(['off', 'false', '0', 'no', '']);
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;

/** What a field takes under its wrappers; a pipe (a transform) is read by what goes into it. */
function fieldOf(schema: z.core.$ZodType): Field {
  const optional = schema._zod.optin !== undefined;
  let nullable = false;
  let s = schema;
  for (let depth = 0; depth < 32; depth++) {
    const def = s._zod.def as Def;
    if (def.type === 'nullable') nullable = true;
    const inner = WRAPPERS.has(def.type) ? def.innerType : def.type === 'pipe' ? def.in : def.getter?.();
    if (!inner) break;
    s = inner;
  }
  return { kind: KINDS[s._zod.def.type] ?? 'raw', optional, nullable, schema: s };
}

const defOf = (s: z.core.$ZodType) => s._zod.def as Def;

/**
 * A posted form as the JSON its schema takes, guided by the schema's shape: an array collects the
 * repeated field (or `name[]`; a text box named in `lists` is split), a boolean is a checkbox ('on', 'true',
 * '1'; unchecked is false unless the field may be left out), a number is read from its text, a blank field
 * is null where the schema takes null, else left out where it may be (a required text stays '', so its own
 * rule speaks), `a.b` fills a nested object or record. Fields the schema does not name (`_csrf`) are dropped,
 * as the JSON API drops unknown keys; files reach only fields of no known kind (z.instanceof(File)). Text was
 * already checked for NUL and lone surrogates by the safe-text middleware.
 */
export function formInput(schema: z.core.$ZodType, form: PostedForm, options: FormOptions = {}) {
  const root = fieldOf(schema);
  if (root.kind !== 'object') throw new TypeError('A form is read with an object schema');
  return readObject(root.schema, form, '', options);
}

function readObject(schema: z.core.$ZodType, form: PostedForm, prefix: string, options: FormOptions) {
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(defOf(schema).shape ?? {})) {
    const value = readField(fieldOf(member), form, prefix + key, options);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function readField(f: Field, form: PostedForm, name: string, options: FormOptions): unknown {
  if (f.kind === 'object' || f.kind === 'record') {
    const keys = Object.keys(form).filter((k) => k.startsWith(`${name}.`));
    if (keys.length === 0 && f.optional) return undefined;
    if (f.kind === 'object') return readObject(f.schema, form, `${name}.`, options);
    const entries = keys.map((k) => [k.slice(name.length + 1), first(form[k])] as const);
    return Object.fromEntries(entries.filter(([, v]) => v !== undefined && !(typeof v === 'string' && !v.trim())));
  }
  const posted = form[name] ?? form[`${name}[]`];
  const all = posted === undefined ? [] : Array.isArray(posted) ? posted : [posted];
  const texts = all.filter((v): v is string => typeof v === 'string');
  if (f.kind === 'array') {
    if (texts.length === 0) return f.optional ? undefined : [];
    const separator = options.lists?.[name];
    const items = separator !== undefined && texts.length === 1 ? texts[0]!.split(separator) : texts;
    const element = fieldOf(defOf(f.schema).element!);
    return items.filter((s) => s.trim() !== '').map((s) => scalar(element.kind, s));
  }
  if (f.kind === 'boolean') {
    if (texts.length === 0) return f.optional ? undefined : false;
    const words = texts.map((t) => t.trim().toLowerCase());
    return words.some((w) => TRUE.has(w)) ? true : words.every((w) => FALSE.has(w)) ? false : texts[0];
  }
  const value = f.kind === 'raw' ? all[0] : texts[0];
  if (value instanceof File) return value;
  if (value === undefined || value.trim() === '') {
    if (value !== undefined && f.nullable) return null;
    if (f.optional) return undefined;
    if (f.nullable) return null;
    return f.kind === 'text' ? (value ?? '') : value;
  }
  return scalar(f.kind, value);
}

const first = (v: PostedForm[string] | undefined) => (Array.isArray(v) ? v[0] : v);

function scalar(kind: Kind, text: string): unknown {
  if (kind === 'number') return NUMBER.test(text.trim()) ? Number(text) : text;
  if (kind === 'boolean') {
    const word = text.trim().toLowerCase();
    return TRUE.has(word) ? true : FALSE.has(word) ? false : text;
  }
  return text;
}

const SAME_ORIGIN = 'http://same-origin.invalid';

/**
 * Only same-site paths are followed after login, so ?next= cannot send people elsewhere. The check
 * is made on the URL as a browser parses it (a backslash read as /, dot segments resolved), and that parsed,
 * percent-encoded form is what goes into Location. Control characters are refused outright: a tab
 * is dropped by browsers (`/%09/evil.example` is `//evil.example` to them), and a raw CR, LF or VT
 * makes the header itself invalid.
 */
export function safeNext(next: unknown): string {
  // Control characters have no place in a path we made; browsers drop some of them silently.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a control character in a redirect target is refused.
  if (typeof next !== 'string' || !next.startsWith('/') || /[\u0000-\u001f\u007f]/.test(next)) return '/inbox';
  let url: URL;
  try {
    url = new URL(next, SAME_ORIGIN);
  } catch {
    return '/inbox';
  }
  // A path starting with // (`/.//evil.example` normalises to it) is read as another host.
  if (url.origin !== SAME_ORIGIN || url.pathname.startsWith('//')) return '/inbox';
  return url.pathname + url.search + url.hash;
}

const Uuid = z.uuid();

/**
 * A uuid path parameter (`:id` unless named); anything that is not a uuid names nothing, so it is a 404
 * (NOT_FOUND, `what` in its details: a code such as `saved_reply`, never words, which a reader would meet in
 * one language only).
 */
export function pathId(c: AppContext, what = 'resource', param = 'id'): string {
  const id = c.req.param(param);
  if (!id || !Uuid.safeParse(id).success) throw coreError('NOT_FOUND', { what });
  return id;
}

/**
 * For a form handler's catch: a domain error the person can fix is returned, to show in the form
 * with its status; anything else (a missing object, a crash) goes on to the error page.
 */
export function formProblem(err: unknown): AppError {
  const e = toAppError(err);
  if (e.status >= 500 || e.kind === 'not_found') throw err;
  return e;
}

/** An error's message in the viewer's language (its English one where the catalogue has none). */
export const saidToViewer = (c: AppContext, e: AppError): string => c.var.i18n.error(e.code, e.message, e.params);

/** A problem the person can fix (formProblem), in their language, to show in the form it came from. */
export const problemText = (c: AppContext, err: unknown): string => saidToViewer(c, formProblem(err));
