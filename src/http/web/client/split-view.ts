import { html } from './api';
import { conversation } from './conversation';
import { $$ } from './dom';
import { openOf, withOpen } from './inbox-logic';

/** From this width the inbox shows a conversation beside the list; narrower screens open its own page. */
const WIDE = '(min-width: 1100px)';

export interface SplitView {
  /** A wide screen: conversations open in the pane (else on their own page). */
  wide(): boolean;
  /** The conversation in the pane, if one is. */
  current(): string | null;
  /** Shows a conversation in the pane; `push` adds it to the history (back goes to the one before). */
  open(id: string, opts?: { push?: boolean; focus?: boolean }): Promise<void>;
  /** Empties the pane: the list takes the page again. */
  close(opts?: { push?: boolean }): void;
}

/**
 * The inbox's split view: the list left, one conversation right, on wide screens. The conversation is its
 * own page's `#conversation-pane`, fetched server-rendered (and escaped) and started with the conversation
 * script inside the pane; the URL says which one is open (`/inbox?…&open=<id>`), so reload, back and forward
 * show what the address names.
 */
export function splitView(onOpen: (id: string | null) => void): SplitView | null {
  const split = document.getElementById('inbox-split');
  const pane = document.getElementById('split-pane');
  const body = document.getElementById('pane-body');
  if (!split || !pane || !body) return null;
  const full = document.getElementById('pane-full') as HTMLAnchorElement | null;
  let openId: string | null = null;
  let dispose: (() => void) | undefined;
  let turn = 0;

  const mark = (id: string | null) => {
    for (const row of $$('[data-testid="conversation-row"]')) {
      const on = row.getAttribute('data-id') === id;
      row.classList.toggle('open', on);
      const link = row.querySelector('.conv-subject');
      if (on) link?.setAttribute('aria-current', 'true');
      else link?.removeAttribute('aria-current');
    }
  };

  const view: SplitView = {
    wide: () => window.matchMedia(WIDE).matches,
    current: () => openId,
    async open(id, opts = {}) {
      const mine = ++turn;
      const page = await html(`/inbox/c/${id}`);
      if (mine !== turn) return;
      if (page.text === null) {
        // Gone, not ours, or the session ended: its own page says which.
        location.href = `/inbox/c/${id}`;
        return;
      }
      const doc = new DOMParser().parseFromString(page.text, 'text/html');
      const content = doc.getElementById('conversation-pane') ?? doc.getElementById('conversation');
      if (!content) return;
      dispose?.();
      dispose = undefined;
      body.replaceChildren(document.importNode(content, true));
      openId = id;
      split.setAttribute('data-open', id);
      pane.hidden = false;
      if (full) full.href = `/inbox/c/${id}`;
      if (opts.push !== false && openOf(location.search) !== id)
        history.pushState({ open: id }, '', withOpen(location.search, id));
      mark(id);
      // It starts inside the pane and hands back how to stop (live listeners, timers, keys): the next
      // conversation does not inherit the last one's.
      dispose = conversation(body);
      if (opts.focus) pane.focus({ preventScroll: true });
      pane.scrollTop = 0;
      onOpen(id);
    },
    close(opts = {}) {
      turn++;
      dispose?.();
      dispose = undefined;
      openId = null;
      body.replaceChildren();
      split.removeAttribute('data-open');
      pane.hidden = true;
      if (opts.push !== false && openOf(location.search))
        history.pushState({ open: null }, '', withOpen(location.search, null));
      mark(null);
      onOpen(null);
    },
  };

  window.addEventListener('popstate', () => {
    const id = openOf(location.search);
    if (id && view.wide()) void view.open(id, { push: false });
    else if (!id && openId) view.close({ push: false });
  });
  document.addEventListener('click', (e) => {
    if ((e.target as Element | null)?.closest?.('[data-action="close-pane"]')) view.close();
  });
  // Opened from an address: beside the list on a wide screen, its own page on a narrow one.
  const named = openOf(location.search);
  if (named) {
    if (view.wide()) void view.open(named, { push: false });
    else location.replace(`/inbox/c/${named}`);
  }
  return view;
}
