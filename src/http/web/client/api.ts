import { meta } from './dom';

interface ApiAnswer<T = unknown> {
  ok: boolean;
  status: number;
  json: T | null;
}

/**
 * A JSON call to our API, with the page's CSRF token and language (the API words its errors by
 * Accept-Language, which may differ from the language the person chose); never throws for an HTTP error status.
 */
export async function api<T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiAnswer<T>> {
  const csrf = meta('csrf-token');
  const h: Record<string, string> = { Accept: 'application/json', ...headers };
  const lang = document.documentElement.lang;
  if (lang) h['Accept-Language'] = lang;
  if (csrf) h['X-CSRF-Token'] = csrf;
  if (body !== undefined) h['Content-Type'] = 'application/json';
  const res = await fetch(path, {
    method,
    headers: h,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return { ok: true, status: 204, json: null };
  const json = (await res.json().catch(() => null)) as T | null;
  return { ok: res.ok, status: res.status, json };
}

/**
 * Server-rendered HTML (a page or a fragment): its text when the answer is a 200 of what was asked for
 * (a redirect, to the login page when the session ended, counts as no answer).
 */
export async function html(url: string): Promise<{ status: number; text: string | null; headers: Headers }> {
  const res = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
  const ok = res.status === 200 && !res.redirected;
  return { status: res.redirected ? 0 : res.status, text: ok ? await res.text() : null, headers: res.headers };
}

/**
 * Fetches a page the server renders and swaps the named regions in, keeping what the person is doing: the
 * region holding the focus is left alone when `keepFocused` names it, a region with a form the person opened
 * (a correction half made) is left alone until it is sent or closed, and disclosures they opened stay open
 * with what they loaded. Regions are looked for inside `root` (a conversation shown in the inbox's split view
 * is a part of the list's page).
 */
export async function swapFrom(
  url: string,
  ids: string[],
  keepFocused: string[] = [],
  root: ParentNode = document,
): Promise<Document | null> {
  const page = await html(url);
  if (page.text === null) return null;
  const doc = new DOMParser().parseFromString(page.text, 'text/html');
  for (const id of ids) {
    const now = root.querySelector(`#${CSS.escape(id)}`);
    const next = doc.getElementById(id);
    if (!now || !next) continue;
    if (keepFocused.includes(id) && (now.contains(document.activeElement) || edited(now))) continue;
    if (now.querySelector('details[open] form')) continue;
    const fresh = document.importNode(next, true);
    keepOpened(now, fresh);
    now.replaceWith(fresh);
  }
  return doc;
}

/**
 * Whether a region holds choices not sent yet (a select, field or box changed from what the page came with):
 * a teammate's event must not undo them, even once the focus has moved on to the button.
 */
function edited(region: Element): boolean {
  for (const el of Array.from(region.querySelectorAll('select, input, textarea'))) {
    if (el instanceof HTMLSelectElement) {
      // A single select with no option marked selected starts on its first one.
      const marked = Array.from(el.options).findIndex((o) => o.defaultSelected);
      if (!el.multiple && el.selectedIndex !== Math.max(marked, 0)) return true;
      if (el.multiple && Array.from(el.options).some((o) => o.selected !== o.defaultSelected)) return true;
    } else if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
      if (el.checked !== el.defaultChecked) return true;
    } else if ((el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) && el.value !== el.defaultValue)
      return true;
  }
  return false;
}

/** Each open disclosure with an id in `now` takes the place of its namesake in `fresh`, open and loaded. */
function keepOpened(now: Element, fresh: Element): void {
  for (const open of Array.from(now.querySelectorAll<HTMLDetailsElement>('details[open][id]'))) {
    fresh.querySelector(`#${CSS.escape(open.id)}`)?.replaceWith(open);
  }
}
