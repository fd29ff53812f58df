import type { Translator } from '../core/i18n/translator';
import { noticeWords as m } from './notifications.messages';

/**
 * A notification's text as `notifications.text` keeps it: the values of its kind's message (JSON), put in
 * words in the reader's language when shown. A note's own words, and text written before the values, are
 * shown as they are.
 */

type Values = Record<string, string | number>;

/** A notice's values as the column keeps them. */
export const storedNotice = (values: Values): string => JSON.stringify(values);

const SAID_BY_VALUES = new Set(['assigned', 'source_needs_person', 'spike']);

function valuesOf(kind: string, text: string): Values | null {
  if (!SAID_BY_VALUES.has(kind) || !text.startsWith('{')) return null;
  try {
    const values = JSON.parse(text) as unknown;
    return values && typeof values === 'object' && !Array.isArray(values) ? (values as Values) : null;
  } catch {
    return null;
  }
}

/**
 * "A conversation was assigned to you" in the reader's language (dates in their zone, numbers in their locale).
 * `isoDates`: dates as 2026-12-07 (UTC), as the API has always written them.
 */
export function noticeText(t: Translator, n: { kind: string; text: string }, isoDates = false): string {
  const v = valuesOf(n.kind, n.text);
  if (!v) return n.text;
  switch (n.kind) {
    case 'assigned':
      return t.t(m.assigned, { by: v.by });
    case 'source_needs_person':
      return 'expiresAt' in v
        ? t.t(m.sourceExpiry, {
            platform: v.platform,
            name: v.name,
            ended: v.ended,
            date: isoDates ? String(v.expiresAt).slice(0, 10) : t.date(v.expiresAt!),
          })
        : t.t(m.sourceStopped, { platform: v.platform, name: v.name, reason: v.reason });
    default:
      return t.t(m.spike, {
        named: v.named,
        topic: v.topic,
        volume: Number(v.volume),
        usual: t.number(Number(v.usual), { maximumFractionDigits: 1 }),
        negative: t.percent(Number(v.negativeShare)),
      });
  }
}
