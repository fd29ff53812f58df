import { api, html, swapFrom } from './api';
import { $, $$, isTyping, meta, parseFragment } from './dom';
import { openHelp } from './keyboard-help';
import { live } from './live';
import { refresher } from './refresher';

/** How long the tab counts may lag behind while events flow: they are the costly part of the page. */
const COUNTS_EVERY_MS = 30_000;

/**
 * Where a changed row goes, from the fragment's answer: replaced in place, inserted after the row the
 * server names (or first), or removed when it left this view. Pure over ids, so it is tested alone.
 */
export function placement(
  present: readonly string[],
  id: string,
  answer: { status: number; after: string | null },
): { kind: 'replace' } | { kind: 'insert'; after: string | null } | { kind: 'remove' } | { kind: 'none' } {
  const at = present.indexOf(id);
  const here = at >= 0;
  const gone = here ? ({ kind: 'remove' } as const) : ({ kind: 'none' } as const);
  if (answer.status !== 200) return gone;
  // Its place is after a row this page does not show: it belongs to a later page.
  if (answer.after !== null && !present.includes(answer.after)) return gone;
  const before = here ? (at === 0 ? null : (present[at - 1] ?? null)) : undefined;
  return before === answer.after ? { kind: 'replace' } : { kind: 'insert', after: answer.after };
}

/** The inbox list: keyboard, select-all, and live rows (only the row that changed is fetched). */
export function inboxList(): void {
  const list = document.getElementById('inbox-list');
  if (!list) return;
  const me = meta('user-id');
  let selectedId: string | null = null;
  const rows = () => $$('[data-testid="conversation-row"]');
  const current = () => rows().find((r) => r.getAttribute('data-id') === selectedId) ?? null;
  const select = (row: HTMLElement | null) => {
    for (const r of rows()) {
      r.classList.toggle('kbd-selected', r === row);
      r.removeAttribute('aria-current');
    }
    if (!row) return;
    row.setAttribute('aria-current', 'true');
    selectedId = row.getAttribute('data-id');
    row.scrollIntoView({ block: 'nearest' });
  };
  const move = (step: number) => {
    const all = rows();
    if (!all.length) return;
    const here = current();
    const i = here ? all.indexOf(here) : -1;
    select(all[Math.max(0, Math.min(all.length - 1, i < 0 ? 0 : i + step))] ?? null);
  };

  // The whole list and tabs, as the page renders them: after a resync, and for the counts now and then.
  const refreshAll = refresher(async () => {
    const checked = $$<HTMLInputElement>('input[name="ids"]:checked').map((c) => c.value);
    await swapFrom(location.href, onFirstPage() ? ['inbox-tabs', 'inbox-list'] : ['inbox-tabs']);
    for (const id of checked) {
      const c = $<HTMLInputElement>(`input[name="ids"][value="${id}"]`);
      if (c) c.checked = true;
    }
    if (selectedId) select(current());
  });
  const refreshCounts = refresher(() => swapFrom(`/inbox/tabs${location.search}`, ['inbox-tabs']), COUNTS_EVERY_MS);

  // One changed conversation: its row alone, placed where this view's order puts it. Answers for one id
  // may come back out of order: only the newest asked for counts.
  const asked = new Map<string, number>();
  const updateRow = async (id: string) => {
    refreshCounts();
    if (!onFirstPage() && !rowOf(id)) return;
    const turn = (asked.get(id) ?? 0) + 1;
    asked.set(id, turn);
    const res = await html(`/inbox/rows/${id}${location.search}`);
    if (asked.get(id) !== turn) return;
    const after = res.headers.get('Inbox-Row-After');
    // Only "not on this page" (204) or "not yours" (404) removes a row; anything else unexpected (an
    // error, the login page of an ended session) redraws the list as the page renders it.
    if (res.status !== 204 && res.status !== 404 && (res.text === null || after === null)) throw new Error('row');
    const answer = { status: res.status, after: after || null };
    const present = rows().map((r) => r.getAttribute('data-id') ?? '');
    // On the first page, a neighbour this tab does not show yet is one whose own event is still on its way.
    if (answer.status === 200 && answer.after !== null && !present.includes(answer.after) && onFirstPage())
      return refreshAll();
    const where = placement(present, id, answer);
    const old = rowOf(id);
    const wasChecked = old ? ($<HTMLInputElement>('input[name="ids"]', old)?.checked ?? false) : false;
    if (where.kind === 'remove' || where.kind === 'insert') old?.remove();
    if (where.kind === 'replace' || where.kind === 'insert') {
      const [row] = parseFragment(res.text ?? '').filter((n): n is HTMLElement => n instanceof HTMLElement);
      if (!row) return;
      if (where.kind === 'replace') old?.replaceWith(row);
      else insertRow(row, where.after);
      const box = $<HTMLInputElement>('input[name="ids"]', row);
      if (box) box.checked = wasChecked;
      if (selectedId === id) select(row);
    }
  };
  const onFirstPage = () => document.getElementById('inbox-list')?.getAttribute('data-first-page') === 'true';
  // After a key's change, when no live stream will bring its event (the stream is down).
  const afterChange = (id: string) => {
    if (document.documentElement.getAttribute('data-live') !== 'ready') void updateRow(id).catch(() => refreshAll());
  };
  const rowOf = (id: string) => rows().find((r) => r.getAttribute('data-id') === id) ?? null;
  const insertRow = (row: HTMLElement, after: string | null) => {
    const ol = $('[data-testid="conversations"]');
    if (!ol) {
      refreshAll();
      return;
    }
    const prev = after ? rowOf(after) : null;
    if (prev) prev.after(row);
    else ol.prepend(row);
  };

  live((e) => {
    if (e.type === 'resync') refreshAll();
    else if (e.type === 'conversation') void updateRow(e.id).catch(() => refreshAll());
  });

  document.addEventListener('change', (e) => {
    const t = e.target as HTMLInputElement;
    if (t.matches?.('[data-action="select-all"]')) {
      for (const c of $$<HTMLInputElement>('input[name="ids"]')) c.checked = t.checked;
    }
  });
  if (location.hash === '#search') $('[data-shortcut="search"]')?.focus();

  document.addEventListener('keydown', (e) => {
    if (e.metaKey || e.ctrlKey || e.altKey || isTyping(e.target)) return;
    const row = current();
    const id = row?.getAttribute('data-id');
    switch (e.key) {
      case 'j':
        move(1);
        break;
      case 'k':
        move(-1);
        break;
      case 'o':
      case 'Enter':
        if (!row) return;
        location.href = row.getAttribute('data-href') ?? '/inbox';
        break;
      case 'r':
        if (!row) return;
        location.href = `${row.getAttribute('data-href')}#reply`;
        break;
      case 'x': {
        const c = row ? $<HTMLInputElement>('input[name="ids"]', row) : null;
        if (c) c.checked = !c.checked;
        break;
      }
      case 'a':
        if (id && me) void api('PATCH', `/api/v1/conversations/${id}`, { assigneeId: me }).then(() => afterChange(id));
        break;
      case 'e':
        if (id)
          void api('PATCH', `/api/v1/conversations/${id}`, { status: 'closed' }).then(() => {
            move(1);
            afterChange(id);
          });
        break;
      case '/':
        $('[data-shortcut="search"]')?.focus();
        break;
      case '?':
        openHelp();
        break;
      default:
        return;
    }
    e.preventDefault();
  });
}
