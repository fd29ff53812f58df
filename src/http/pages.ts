import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import type { Actor } from '../core/actor';
import { can, type Permission } from '../core/roles';
import { AppError, forbidden, notFound } from '../core/errors';
import type { AppContext, AppEnv } from './env';
import { toAppError } from './error-handler';

/** Pages need a signed-in person: anyone else is sent to the login page and back afterwards. */
export const requireStaffPage = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.var.actor && c.var.member) throw forbidden('Community members cannot use the staff app');
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
  if (!c.var.actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return c.var.actor;
};

export const assertCan = (c: AppContext, permission: Permission) => {
  const actor = pageActor(c);
  if (!can(actor.role, permission)) throw forbidden(`Your role (${actor.role}) lacks ${permission}`);
  return actor;
};

/** The shell props every staff page passes down. */
export const shellProps = (c: AppContext) => ({
  actor: pageActor(c),
  user: c.var.user,
  csrfToken: c.var.session?.csrfToken,
});

/** Validates a posted form with zod; the first problem becomes a readable sentence. */
export async function parseForm<T extends z.ZodType>(
  c: AppContext,
  schema: T,
): Promise<{ ok: true; data: z.output<T> } | { ok: false; message: string }> {
  const body = await c.req.parseBody();
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, message: `${String(issue.path[0] ?? 'form')}: ${issue.message}` };
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

/** A uuid path parameter (`:id` unless named); anything that is not a uuid names nothing, so it is a 404. */
export function pathId(c: AppContext, what = 'Resource', param = 'id'): string {
  const id = c.req.param(param);
  if (!id || !Uuid.safeParse(id).success) throw notFound(what);
  return id;
}

/**
 * For a form handler's catch: a domain error the person can fix is returned, to show in the form
 * with its status; anything else (a missing object, a crash) goes on to the error page.
 */
export function formProblem(err: unknown): AppError {
  const e = toAppError(err);
  if (e.status >= 500 || e.code === 'NOT_FOUND') throw err;
  return e;
}

/** One form field as a trimmed string ('' when absent; the first of a repeated field). */
export const formValue = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? '';

/** A repeatable form field (a checkbox group) as a list. */
export const formValues = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** A posted form as strings, repeated fields (checkbox groups) as arrays; files are ignored. */
export async function formFields(c: AppContext): Promise<Record<string, string | string[]>> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(await c.req.parseBody({ all: true }))) {
    if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
    else if (typeof v === 'string') out[k] = v;
  }
  return out;
}
