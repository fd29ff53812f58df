import type { CredentialBox } from '../core/credentials';

/** What a source page says after an action it was redirected from (Verify, Poll now, adding the source). */
export interface SourceNotice {
  kind: 'ok' | 'error';
  message: string;
}

/** A notice older than this is not shown again (a bookmarked or shared address). */
const NOTICE_TTL_MS = 10 * 60_000;
const context = (sourceId: string) => `notice:${sourceId}`;

/**
 * After a POST the page is shown from its own address (post/redirect/get), so reloading does not verify or
 * poll again. The outcome rides along in the address sealed with the app's key, bound to the source: a link
 * cannot make the page say words of someone else's choosing, and an old one says nothing.
 */
export async function sealNotice(box: CredentialBox, sourceId: string, notice: SourceNotice, now: Date) {
  return box.seal(context(sourceId), { ...notice, at: now.getTime() });
}

/** The notice in a source page's address, if it is ours, for this source and recent; otherwise none. */
export async function openNotice(
  box: CredentialBox,
  sourceId: string,
  sealed: string | undefined,
  now: Date,
): Promise<SourceNotice | undefined> {
  if (!sealed || sealed.length > 4000) return undefined;
  try {
    const n = await box.open(context(sourceId), sealed);
    const fresh = typeof n.at === 'number' && now.getTime() - n.at >= -60_000 && now.getTime() - n.at < NOTICE_TTL_MS;
    if (!fresh || (n.kind !== 'ok' && n.kind !== 'error') || typeof n.message !== 'string') return undefined;
    return { kind: n.kind, message: n.message };
  } catch {
    return undefined;
  }
}
