import { z } from 'zod';
import { said } from '../../http/input-words';
import { connectorWords as w } from '../messages';

/**
 * Business Profile's ids and resource names. An account and a location are numbers; people copy them from
 * Google's answers or the address bar as `accounts/123` and `locations/456` (or the whole
 * `accounts/123/locations/456`), so those forms are read too. A review's id is Google's encrypted, opaque
 * string: only URL-safe characters are accepted, so it can stand in a path without changing what it names.
 */
const DIGITS = /^\d{1,30}$/;
const REVIEW_ID = /^[A-Za-z0-9_-]{1,512}$/;

/** `123`, `accounts/123` -> `123`. */
export const accountIdSchema = z
  .string()
  .trim()
  .transform((v) => v.replace(/^accounts\//, ''))
  .pipe(z.string().regex(DIGITS, said(w.googleAccountId, { pattern: 'accounts/<digits>' })));

/** `456`, `locations/456`, `accounts/123/locations/456` -> `456`. */
export const locationIdSchema = z
  .string()
  .trim()
  .transform((v) => v.replace(/^(accounts\/\d+\/)?locations\//, ''))
  .pipe(z.string().regex(DIGITS, said(w.googleLocationId, { pattern: 'locations/<digits>' })));

export const isReviewId = (v: unknown): v is string => typeof v === 'string' && REVIEW_ID.test(v);

export const locationPath = (accountId: string, locationId: string) => `accounts/${accountId}/locations/${locationId}`;

export const reviewPath = (accountId: string, locationId: string, reviewId: string) =>
  `${locationPath(accountId, locationId)}/reviews/${encodeURIComponent(reviewId)}`;

/** The location and review a review's resource name points at, when it is one. */
export function parseReviewName(name: unknown): { locationId: string; reviewId: string } | null {
  if (typeof name !== 'string') return null;
  const m = /^accounts\/\d{1,30}\/locations\/(\d{1,30})\/reviews\/([^/]+)$/.exec(name);
  return m && isReviewId(m[2]) ? { locationId: m[1]!, reviewId: m[2]! } : null;
}

/**
 * Which review a stored mention is: its externalId is the review id, and `raw` keeps the location (and the
 * resource name Google gave). Null when neither says, so nothing is sent to a guessed address.
 */
export function reviewRef(externalId: string, raw: unknown): { locationId: string; reviewId: string } | null {
  const r = (raw ?? {}) as { name?: unknown; locationId?: unknown };
  const fromName = parseReviewName(r.name);
  if (fromName && fromName.reviewId === externalId) return fromName;
  if (isReviewId(externalId) && typeof r.locationId === 'string' && DIGITS.test(r.locationId))
    return { locationId: r.locationId, reviewId: externalId };
  return null;
}

/** Recheck keys carry the location beside the review id (the GET needs both); the mention's id is the last part. */
export const recheckKey = (locationId: string, reviewId: string) => `${locationId}/${reviewId}`;
export function fromRecheckKey(key: string): { locationId: string; reviewId: string } | null {
  const [locationId, reviewId, ...rest] = key.split('/');
  return rest.length === 0 && locationId && DIGITS.test(locationId) && isReviewId(reviewId)
    ? { locationId, reviewId }
    : null;
}
