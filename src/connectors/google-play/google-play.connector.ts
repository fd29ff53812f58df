import { z } from 'zod';
import type { SocialPost } from '../../core/social-post';
import { expectShape } from '../answer';
import { GOOGLE_TOKEN_URL, readServiceAccountKey } from '../google/google-token';
import { forgetGone, type RecheckState, recheckBatch, rememberSeen } from '../recheck';
import { sameReplyText } from '../reply-match';
import { type Connector, ConnectorError, type Cursor, type SkippedItem } from '../types';
import { isNotFound, PLAY_LABEL, PLAY_PLATFORM, type PlayClient, playClient } from './play-client';
import {
  developerReplyText,
  modifiedSeconds,
  type PlayReview,
  playReviewSchema,
  playReviewToSocial,
  reviewsPageSchema,
  reviewUrl,
} from './play-reviews';
import { said } from '../../http/input-words';
import { connectorWords as w, verifiedAs, verifyWords as vw } from '../messages';

/**
 * Google Play reviews of one app through the Play Developer API v3, as a service account (its JSON key) that
 * was given access to the app in Play Console. Play lists only reviews written or changed in the last week,
 * newest change first, so polling keeps up: a sweep reads pages until it reaches what the last sweep saw (the
 * `read` mark: the newest user-comment time), and an edited review comes back on top with the same reviewId
 * (the store updates it in place). Play never says a review was deleted: a sweep ends (at most every ten
 * minutes) by asking about a few remembered reviews (reviews.get; 404 -> removed, else the review as it is
 * now, our reply included). Replies are the developer's one public reply per review; replying again
 * replaces it.
 */
export const PLAY_BASE_URL = 'https://androidpublisher.googleapis.com/';

export const googlePlayConfigSchema = z.object({
  /** The app's package name as in Play Console (com.example.app). */
  packageName: z
    .string()
    .trim()
    .max(150)
    .regex(
      /^[a-zA-Z][a-zA-Z0-9_]*(\.[a-zA-Z][a-zA-Z0-9_]*)+$/,
      said(w.playPackageName, { example: 'com.example.app' }),
    ),
  baseUrl: z.url().default(PLAY_BASE_URL),
  tokenUrl: z.url().default(GOOGLE_TOKEN_URL),
  timeoutMs: z.number().int().min(100).max(120_000).default(15_000),
});
export type GooglePlayConfig = z.infer<typeof googlePlayConfigSchema>;

export const googlePlayCredentialsSchema = z.object({
  /** The service account's JSON key file, as text. */
  serviceAccountJson: z
    .string()
    .min(2)
    .max(20_000)
    .superRefine((json, ctx) => {
      try {
        readServiceAccountKey(json);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: err instanceof Error ? err.message : 'Not a service account key' });
      }
    }),
});
export type GooglePlayCredentials = z.infer<typeof googlePlayCredentialsSchema>;

export interface GooglePlayCursor {
  /** Unix seconds: every review changed up to here is read. */
  read?: number;
  /** A sweep under way: Play's token for its next page, and the newest change it has seen. */
  token?: string;
  newest?: number;
  /** Reviews brought in lately, asked about a few at a time (deleted ones drop out of Play's list silently). */
  recheck?: RecheckState;
  /** Unix seconds of the last recheck. */
  rechecked?: number;
  /** When each remembered review last changed (Unix seconds): Play forgets reviews after a week. */
  seenAt?: Record<string, number>;
}

/**
 * Play serves a review only for about a week after its last change; a 404 after that says nothing about a
 * deletion. So only reviews changed in the last six days are asked about; older ones leave the round.
 */
const RECHECK_WITHIN_S = 6 * 86_400;
function withinWeek(seen: RecheckState, seenAt: Record<string, number>, now: number) {
  const stale = seen.ids.filter((id) => (seenAt[id] ?? 0) < now - RECHECK_WITHIN_S);
  const state = forgetGone(seen, stale);
  return { state, seenAt: Object.fromEntries(state.ids.flatMap((id) => (id in seenAt ? [[id, seenAt[id]!]] : []))) };
}

/** Play answers up to 100 reviews a page (10 unless asked). */
const PAGE_SIZE = 100;
/**
 * Reviews asked about at the end of a sweep, at most every ten minutes: each is a GET, and Play allows 200 an
 * hour per app, lists included (a source polled every 30 s spends 120 on lists and 30 on rechecks).
 */
const RECHECK_BATCH = 5;
const RECHECK_EVERY_S = 600;
/** Play's list reaches back a week. */
const WEEK_S = 7 * 86_400;
/** Play may list a change a little after its time: reviews this much older than the mark are read again. */
const SLACK_S = 600;
/** Play rejects replies longer than about 350 characters. */
export const PLAY_REPLY_LIMIT = 350;

const unix = (d: Date) => Math.floor(d.getTime() / 1000);
const replyId = (reviewId: string) => `${reviewId}/reply`;
const reviewIdOf = (externalId: string) => externalId.replace(/\/reply$/, '');

export const googlePlayConnector: Connector<GooglePlayConfig, GooglePlayCredentials> = {
  platform: 'google_play',
  label: PLAY_LABEL,
  configSchema: googlePlayConfigSchema,
  credentialsSchema: googlePlayCredentialsSchema,
  // A key file that is wrong, deleted or without access in Play Console is refused on the form.
  verifyOnSave: true,
  searches: false,

  async poll({ config, credentials, cursor, now, since, signal, http }) {
    const api = await playClient({ config, credentials, http, signal });
    const state = (cursor as GooglePlayCursor | null) ?? {};
    const floor = Math.max(since ? unix(since) : 0, unix(now) - WEEK_S);
    const mark = state.read ?? floor;

    const page = await listPage(api, config.packageName, state.token);
    const { reviews, skipped } = usableReviews(page.reviews ?? []);
    // On the first sweep the mark is `since`: older reviews are left alone; after that, what is older
    // than the mark (less the slack) was read before.
    const cutoff = state.read === undefined ? mark : mark - SLACK_S;
    const fresh = reviews.filter((r) => modifiedSeconds(r) > cutoff);
    const posts = fresh.map((r) => playReviewToSocial(r, config.packageName));
    const newest = Math.max(state.newest ?? mark, ...fresh.map(modifiedSeconds));
    const kept = withinWeek(
      rememberSeen(
        state.recheck,
        posts.map((p) => p.externalId),
      ),
      { ...state.seenAt, ...Object.fromEntries(fresh.map((r) => [r.reviewId, modifiedSeconds(r)])) },
      unix(now),
    );
    const seen = kept.state;
    const seenAt = kept.seenAt;

    // Newest change first: a page reaching back past the mark ends the sweep.
    const nextToken = page.tokenPagination?.nextPageToken || undefined;
    if (nextToken && fresh.length === reviews.length) {
      const next: GooglePlayCursor = { ...lasting(state), token: nextToken, newest, recheck: seen, seenAt };
      return { posts, skipped, more: true, cursor: next as Cursor };
    }

    // The sweep is done: its mark moves on, and now and then a few remembered reviews are asked about.
    const next: GooglePlayCursor = { ...lasting(state), read: Math.max(mark, newest), recheck: seen, seenAt };
    const due = state.rechecked === undefined || unix(now) - state.rechecked >= RECHECK_EVERY_S;
    if (!due) return { posts, skipped, more: false, cursor: next as Cursor };
    const again = await recheck(api, config.packageName, seen, new Set(posts.map((p) => p.externalId)));
    posts.push(...again.posts);
    skipped.push(...again.skipped);
    next.recheck = again.state;
    if (again.asked) next.rechecked = unix(now);
    return {
      posts,
      skipped,
      ...(again.removed.length ? { removed: again.removed } : {}),
      more: false,
      cursor: next as Cursor,
    };
  },

  async reply({ config, credentials, inReplyTo, text, signal, http }) {
    const reviewId = reviewIdOf(inReplyTo.externalId);
    if ([...text].length > PLAY_REPLY_LIMIT)
      throw new ConnectorError(
        'invalid_request',
        `Google Play takes replies of up to ${PLAY_REPLY_LIMIT} characters; this one has ${[...text].length}.`,
        { platform: PLAY_PLATFORM },
      );
    const api = await playClient({ config, credentials, http, signal });
    // Replying again replaces the reply: a repeat of the same text leaves one reply, as it was.
    await api.run((r) => r.reply({ packageName: config.packageName, reviewId, requestBody: { replyText: text } }));
    return { externalId: replyId(reviewId), url: reviewUrl(config.packageName, reviewId) };
  },

  async findReply({ config, credentials, inReplyTo, text, signal, http }) {
    const reviewId = reviewIdOf(inReplyTo.externalId);
    const api = await playClient({ config, credentials, http, signal });
    const ours = developerReplyText(await getReview(api, config.packageName, reviewId));
    if (ours === null || !sameReplyText(ours, text)) return null;
    return { externalId: replyId(reviewId), url: reviewUrl(config.packageName, reviewId) };
  },

  async verify({ config, credentials, signal, http }) {
    try {
      const api = await playClient({ config, credentials, http, signal });
      await api.run((r) => r.list({ packageName: config.packageName, maxResults: 1 }));
      const email = api.key.client_email;
      return verifiedAs(true, email, vw.googlePlay, { email, packageName: config.packageName });
    } catch (err) {
      const e = err instanceof ConnectorError ? err : new ConnectorError('transient', 'The Google Play check failed.');
      return { ok: false, account: null, message: e.message };
    }
  },
};

/** The cursor's fields that outlive a sweep. */
const lasting = (s: GooglePlayCursor): GooglePlayCursor => ({
  ...(s.read !== undefined ? { read: s.read } : {}),
  ...(s.rechecked !== undefined ? { rechecked: s.rechecked } : {}),
});

/**
 * One page of the app's reviews. Play's page tokens are its own: one it no longer takes (400) starts the
 * sweep again from the top rather than failing every poll with the same token.
 */
async function listPage(api: PlayClient, packageName: string, token: string | undefined) {
  let data: unknown;
  try {
    data = await api.run((r) => r.list({ packageName, maxResults: PAGE_SIZE, ...(token ? { token } : {}) }));
  } catch (err) {
    if (!token || !(err instanceof ConnectorError) || err.details.status !== 400) throw err;
    data = await api.run((r) => r.list({ packageName, maxResults: PAGE_SIZE }));
  }
  return expectShape(reviewsPageSchema, data, PLAY_LABEL, PLAY_PLATFORM, 'a list of reviews');
}

/** Asks Play about the next few remembered reviews (those not just read): each as it is now, or gone. */
async function recheck(api: PlayClient, packageName: string, state: RecheckState, justRead: Set<string>) {
  const batch = recheckBatch(state, RECHECK_BATCH);
  const posts: SocialPost[] = [];
  const skipped: SkippedItem[] = [];
  const removed: string[] = [];
  let asked = 0;
  for (const id of batch.ids) {
    if (justRead.has(id)) continue;
    asked++;
    const review = await getReview(api, packageName, id);
    if (review === null) {
      removed.push(id);
      continue;
    }
    const parsed = playReviewSchema.safeParse(review);
    if (parsed.success) posts.push(playReviewToSocial(parsed.data, packageName));
    else skipped.push({ externalId: id, reason: 'Google Play answered the review without its text or time' });
  }
  return { posts, skipped, removed, asked, state: forgetGone(batch.state, removed) };
}

/** One review as Play has it now: null for Play's 404 (deleted, or no longer shown), else the review. */
async function getReview(api: PlayClient, packageName: string, reviewId: string): Promise<unknown | null> {
  try {
    return await api.run((r) => r.get({ packageName, reviewId }));
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

/**
 * A page's reviews that have what a mention needs (text and time); each other one is skipped with why. A
 * page of nothing but unusable items is a broken answer, not a page of skips.
 */
function usableReviews(items: unknown[]): { reviews: PlayReview[]; skipped: SkippedItem[] } {
  const reviews: PlayReview[] = [];
  const skipped: SkippedItem[] = [];
  for (const item of items) {
    const parsed = playReviewSchema.safeParse(item);
    if (parsed.success) {
      reviews.push(parsed.data);
      continue;
    }
    const id = (item as { reviewId?: unknown } | null)?.reviewId;
    const missing = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || 'review'))].slice(0, 5).join(', ');
    skipped.push({
      externalId: typeof id === 'string' ? id.slice(0, 100) : '',
      reason: `missing or invalid: ${missing}`,
    });
  }
  if (items.length > 0 && reviews.length === 0)
    throw new ConnectorError('transient', 'Google Play answered reviews without their text or time', {
      platform: PLAY_PLATFORM,
    });
  return { reviews, skipped };
}
