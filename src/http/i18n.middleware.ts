import { AsyncLocalStorage } from 'node:async_hooks';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { isLocale, pickLocale, pickTimeZone, type Locale } from '../core/i18n/locales';
import { ENGLISH, type Translator, translatorFor } from '../core/i18n/translator';
import type { AppContext, AppEnv } from './env';

/**
 * Who reads in which language and zone, decided once a request after sign-in: pages follow the person's
 * choice, then their browser's Accept-Language, then the workspace's default; the API's error messages
 * follow Accept-Language first (a client says what it wants per call). A visitor without a profile (the
 * public board) may pick a language with the language switch (a cookie, GET /language). Times are shown in
 * the person's zone, else the workspace's. Views read the result through `useT()` (http/web/i18n.ts): the
 * request's translator is kept for the rendering of its page, so no view needs it passed down.
 */

/** A visitor's pick from the language switch (a person's profile choice wins over it). */
export const LANGUAGE_COOKIE = 'lang';

interface Viewer {
  translator: Translator;
}

const viewers = new AsyncLocalStorage<Viewer>();

/** The translator of the request being handled; English in UTC outside one (jobs, the CLI, tests). */
export const currentTranslator = (): Translator => viewers.getStore()?.translator ?? ENGLISH;

/**
 * The language and zone for this request, as negotiated. A public page that learns its workspace later
 * (the community board) decides again with `setTranslator(c, viewerTranslator(c, itsWorkspace))`; one that
 * knows the language its reader was addressed in (an invitation's) passes it as `addressedIn`: it stands in
 * for a choice the visitor has not made (a login's language or the language switch still win).
 */
export function viewerTranslator(
  c: AppContext,
  workspace?: { language: string; timeZone: string } | null,
  addressedIn?: string | null,
): Translator {
  const ws = workspace ?? c.var.workspaceLocale;
  const acceptLanguage = c.req.header('accept-language');
  const chosen = [c.var.user?.language, getCookie(c, LANGUAGE_COOKIE), addressedIn].find(isLocale) ?? null;
  const api = c.req.path.startsWith('/api/');
  const locale: Locale = api
    ? pickLocale({ chosen: null, acceptLanguage, workspace: chosen ?? ws?.language })
    : pickLocale({ chosen, acceptLanguage, workspace: ws?.language });
  return translatorFor(locale, pickTimeZone(c.var.user?.timeZone, ws?.timeZone));
}

/** Sets the request's translator (what `useT()` and error messages read) and says the language in headers. */
export function setTranslator(c: AppContext, translator: Translator): void {
  c.set('i18n', translator);
  const viewer = viewers.getStore();
  if (viewer) viewer.translator = translator;
  c.header('Content-Language', translator.locale);
}

/** After authenticate: the request's translator, held for everything rendered while it is handled. */
export const negotiateLanguage = createMiddleware<AppEnv>(async (c, next) => {
  const viewer: Viewer = { translator: ENGLISH };
  await viewers.run(viewer, async () => {
    setTranslator(c, viewerTranslator(c));
    c.header('Vary', 'Accept-Language, Cookie', { append: true });
    await next();
  });
});

/** The request's translator, or one from Accept-Language when the request failed before it was chosen. */
export const translatorOf = (c: AppContext): Translator =>
  (c.var.i18n as Translator | undefined) ??
  translatorFor(pickLocale({ acceptLanguage: c.req.header('accept-language') }), 'UTC');
