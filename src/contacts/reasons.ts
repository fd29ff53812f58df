import { ENGLISH, type Translator } from '../core/i18n/translator';
import { platformLabel } from '../http/web/format';
import { duplicateWords as d, scoreWords as m } from './reasons.messages';
import type { DuplicateReason, ScoreReason } from './schema';

/**
 * A contact's score parts and duplicate evidence in the reader's language, from the codes and values they keep.
 * What was stored before the codes (English only) is shown as it is.
 */

const num = (v: unknown) => Number(v);

/** "Reach: 5,400 followers" / "Reichweite: 5.400 Follower". */
export function scoreReasonText(t: Translator, r: Pick<ScoreReason, 'code' | 'values' | 'reason'>): string {
  const v = r.values ?? {};
  switch (r.code) {
    case 'reach':
      return t.t(m.reach, { followers: num(v.followers) });
    case 'engagement':
      return t.t(m.engagement, { engagement: num(v.engagement) });
    case 'activity':
      return t.t(m.activity, { mentions: num(v.mentions) });
    case 'recency':
      return t.t(m.recency, { days: num(v.days) });
    case 'sentiment':
      return t.t(m.sentiment, {
        warm: num(v.mean) > 0 ? 'yes' : 'no',
        mean: t.number(num(v.mean), { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
      });
    case 'purchase_intent':
      return t.t(m.purchaseIntent, { count: num(v.count) });
    case 'questions':
      return t.t(m.questions, { count: num(v.count) });
    case 'limit':
      return t.t(m.limit, { limit: String(v.limit ?? 'other') });
    default:
      return r.reason;
  }
}

/**
 * "@ana on Bluesky and Mastodon" / "@ana auf Bluesky und Mastodon". `platformName`: how a platform is named (the
 * API's English detail has always named it by its id).
 */
export function duplicateReasonText(t: Translator, r: DuplicateReason, platformName = platformLabel): string {
  const v = r.values;
  if (!v) return r.detail;
  const s = (x: unknown) => String(x ?? '');
  switch (r.code) {
    case 'same_email':
      return v.email === undefined
        ? t.t(d.sameEmail)
        : t.t(d.sameEmailInBio, { email: s(v.email), platform: platformName(s(v.platform)) });
    case 'same_handle':
      return v.otherPlatform === undefined
        ? t.t(d.sameHandle, { handle: s(v.handle) })
        : t.t(d.sameHandleOn, {
            handle: s(v.handle),
            platform: platformName(s(v.platform)),
            otherPlatform: platformName(s(v.otherPlatform)),
          });
    case 'same_avatar':
      return t.t(d.sameAvatar);
    case 'similar_name':
      return v.name === undefined
        ? t.t(d.nameAlike, { percent: t.percent(num(v.similarity)) })
        : t.t(d.similarName, { name: s(v.name) });
    default:
      return r.detail;
  }
}

/** A piece of evidence with its values and its English detail (what the API says). */
export function duplicateReason(
  code: DuplicateReason['code'],
  values: Record<string, number | string>,
): DuplicateReason {
  const detail =
    code === 'same_profile_url'
      ? String(values.url)
      : duplicateReasonText(ENGLISH, { code, detail: '', values }, (p) => p);
  return { code, detail, values };
}
