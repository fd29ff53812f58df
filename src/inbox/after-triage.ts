import type { ConversationRow } from './schema';
import { type InboxParams, inboxHref, readInboxQuery } from './page-params';

/**
 * Where a person goes after a triage change on the conversation page: a conversation they closed, snoozed,
 * marked spam or assigned away has left their list, so the next one of that list opens (or the list itself,
 * by their profile's choice); any other change keeps them on the conversation. Pure, so it is tested alone.
 */

/** Statuses that take a conversation out of the open work. */
const DONE = new Set<ConversationRow['status']>(['closed', 'snoozed', 'spam']);

/**
 * Whether a change takes the conversation out of the viewer's work: closed, snoozed (again, too) or spam, given
 * to a teammate, or given up by its assignee.
 */
export function leftTheList(
  before: Pick<ConversationRow, 'status' | 'assigneeId'>,
  change: { status?: ConversationRow['status']; assigneeId?: string | null },
  me: string | null,
): boolean {
  const status = change.status;
  if (status && DONE.has(status) && (status !== before.status || status === 'snoozed')) return true;
  const to = change.assigneeId;
  if (to === undefined || to === before.assigneeId || to === me) return false;
  return to !== null || before.assigneeId === me;
}

/** The conversation after `id` in the list as it was (wrapping to the top), or null when it was the only one. */
export function nextInList(ids: readonly string[], id: string): string | null {
  const at = ids.indexOf(id);
  const after = at < 0 ? ids : [...ids.slice(at + 1), ...ids.slice(0, at)];
  return after.find((x) => x !== id) ?? null;
}

/**
 * The list a conversation was opened from, as its query string (`view=mine&sort=waiting`): taken from the
 * page's `list` parameter, else from the page it came from (the inbox with its filters, or a conversation page
 * that named its list: a form's redirect back keeps it). Only the inbox's own filters are kept, so nothing
 * else rides along into a link or a redirect.
 */
export function listContext(listParam: string | undefined, referer: string | undefined): string {
  let raw = listParam;
  if (raw === undefined && referer) {
    try {
      const url = new URL(referer, 'http://referer.invalid');
      if (url.pathname === '/inbox') raw = url.search.slice(1);
      else if (url.pathname.startsWith('/inbox/c/')) raw = url.searchParams.get('list') ?? undefined;
    } catch {
      raw = undefined;
    }
  }
  if (!raw) return '';
  return inboxHref(listParams(raw)).replace(/^\/inbox\??/, '');
}

/** The inbox filters a list context names (unknown keys and values that do not fit are dropped). */
function listParams(list: string): InboxParams {
  const query = Object.fromEntries(new URLSearchParams(list.slice(0, 2000)));
  const { params } = readInboxQuery(query);
  delete params.cursor;
  return params;
}

/** The conversation's page, keeping the list it belongs to, with a notice. */
export function conversationHref(id: string, list: string, ok?: string): string {
  const search = new URLSearchParams();
  if (list) search.set('list', list);
  if (ok) search.set('ok', ok);
  const s = search.toString();
  return s ? `/inbox/c/${id}?${s}` : `/inbox/c/${id}`;
}

/** The list itself, with a notice. */
export function listHref(list: string, ok?: string): string {
  const href = inboxHref(listParams(list));
  return ok ? `${href}${href.includes('?') ? '&' : '?'}ok=${ok}` : href;
}
