/** Small DOM helpers the page scripts share. */
export const meta = (name: string): string | null =>
  document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? null;

export const $ = <T extends Element = HTMLElement>(sel: string, root: ParentNode = document) =>
  root.querySelector<T>(sel);

export const $$ = <T extends Element = HTMLElement>(sel: string, root: ParentNode = document) =>
  Array.from(root.querySelectorAll<T>(sel));

/** True while the person types in a field: single-key shortcuts must not fire then. */
export function isTyping(target: EventTarget | null): boolean {
  const t = target as HTMLElement | null;
  return Boolean(t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)));
}

/** Server-rendered (and escaped) HTML as nodes of this document: parsed, never run. */
export function parseFragment(html: string): Node[] {
  const doc = new DOMParser().parseFromString(`<div>${html}</div>`, 'text/html');
  return Array.from(doc.body.firstElementChild?.childNodes ?? []).map((n) => document.importNode(n, true));
}

/**
 * Whether the viewer keeps single-key shortcuts (j, k, e …) on: their profile may turn them off (WCAG 2.1.4),
 * and the page says so in a meta tag (http/web/layout.tsx). Keys with Ctrl, ⌘ or Alt are not single keys.
 */
export const singleKeys = (): boolean => meta('keyboard-shortcuts') !== 'off';

/** What opens after a conversation leaves the viewer's list (closed, assigned away, snoozed): the next, or the list. */
export const afterTriage = (): 'next' | 'list' => (meta('after-triage') === 'list' ? 'list' : 'next');

/** A key press that could be a single-key shortcut: no modifier, not typed into a field. */
export const isSingleKey = (e: KeyboardEvent): boolean => !(e.metaKey || e.ctrlKey || e.altKey || isTyping(e.target));
