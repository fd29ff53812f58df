import type { SocialPost } from '../../core/social-post';
import { expectShape } from '../answer';
import { forgetGone, type RecheckState, recheckBatch, rememberSeen } from '../recheck';
import { type Connector, ConnectorError, type Cursor, type PollPage, type SkippedItem } from '../types';
import { listReviewsSchema, updateTimeOf, usableReviews } from './review-map';
import { fromRecheckKey, locationPath, recheckKey, reviewPath } from './review-names';
import { deleteReviewReply, findReviewReply, putReviewReply } from './review-reply';
import {
  type GoogleReviewsConfig,
  type GoogleReviewsCredentials,
  googleReviewsConfigSchema,
  googleReviewsCredentialsSchema,
  LABEL,
  PLATFORM,
  type ReviewsApi,
  reviewsApi,
} from './reviews-client';
import { verifiedAs, verifyWords as vw } from '../messages';

/**
 * Google Business Profile reviews through the My Business API v4 (no maintained client: plain JSON calls).
 * A sweep reads each configured location in turn, newest update first (`orderBy=updateTime desc`), one page
 * of 50 per poll, until a page reaches back past that location's read mark; the mark then moves to the newest
 * update time seen. An edited review (new words or stars) comes back at the top and updates its mention in
 * place. Google never says a review was deleted, so each sweep ends by asking about a few reviews read lately
 * (recheck.ts): gone ones are `removed`, the others come back as they are now (a response of ours included).
 */
export {
  type GoogleReviewsConfig,
  type GoogleReviewsCredentials,
  googleReviewsConfigSchema,
  googleReviewsCredentialsSchema,
};
export { deleteReviewReply, editReviewReply, findReviewReply, putReviewReply } from './review-reply';

export interface GoogleReviewsCursor {
  /** Per location id, Unix ms: every review updated up to here is read. */
  read: Record<string, number>;
  /** A sweep under way: the location being read (or the recheck), its next page, the newest update seen. */
  stage?: string;
  pageToken?: string;
  newest?: number;
  /** Reviews read lately (`<location>/<review id>`), asked about a few at a time. */
  recheck?: RecheckState;
}

const RECHECK = 'recheck';
/** Google's largest page. */
const PAGE_SIZE = 50;
/** Reviews asked about at the end of each sweep: one GET each. */
const RECHECK_BATCH = 10;
/** Without `since`, a first sweep reads this far back. */
const FIRST_SWEEP_MS = 30 * 86_400_000;
/** A review can surface in the list a little after its update time: these are read again. */
const SLACK_MS = 10 * 60_000;

export const googleReviewsConnector: Connector<GoogleReviewsConfig, GoogleReviewsCredentials> = {
  platform: PLATFORM,
  label: 'Google reviews',
  configSchema: googleReviewsConfigSchema,
  credentialsSchema: googleReviewsCredentialsSchema,
  searches: false,

  async poll({ config, credentials, cursor, now, since, signal, http }) {
    const state = (cursor as GoogleReviewsCursor | null) ?? { read: {} };
    const locations = config.locationIds;
    // The recheck keeps only reviews of locations still configured (a removed one is not "deleted").
    const recheck = keepConfigured(state.recheck, locations);
    const api = await reviewsApi({ config, credentials, http, signal, now });
    if (state.stage === RECHECK) return recheckPage(api, config, state.read, recheck);

    const resumes = state.stage !== undefined && locations.includes(state.stage);
    const location = resumes ? state.stage! : locations[0]!;
    const floor = (since ?? new Date(now.getTime() - FIRST_SWEEP_MS)).getTime();
    const mark = state.read[location] ?? floor;
    const body = await api.get<unknown>(`v4/${locationPath(config.accountId, location)}/reviews`, {
      pageSize: PAGE_SIZE,
      orderBy: 'updateTime desc',
      pageToken: resumes ? state.pageToken : undefined,
    });
    const page = expectShape(listReviewsSchema, body, LABEL, PLATFORM, 'a list of reviews');
    const items = page.reviews ?? [];
    // Newest update first: an item at or before the mark (less the slack) was read in an earlier sweep. An
    // item without a readable time is kept (and skipped below with why), not taken for the end.
    const fresh = items.filter((r) => {
      const t = updateTimeOf(r);
      return Number.isNaN(t) || t > mark - SLACK_MS;
    });
    const { posts, skipped } = usableReviews(fresh, config.accountId, location);
    if (fresh.length > 0 && posts.length === 0)
      throw new ConnectorError('transient', `${LABEL} answered reviews without the fields a review needs`, {
        platform: PLATFORM,
      });
    const newest = Math.max(resumes ? (state.newest ?? mark) : mark, ...posts.map((p) => updateTimeOf(p.raw)));
    const seen = rememberSeen(
      recheck,
      posts.map((p) => recheckKey(location, p.externalId)),
    );
    const pageToken = fresh.length < items.length ? undefined : page.nextPageToken;
    const base = { posts, ...(skipped.length ? { skipped } : {}) };
    if (pageToken) {
      const next: GoogleReviewsCursor = { read: state.read, stage: location, pageToken, newest, recheck: seen };
      return { ...base, more: true, cursor: next as unknown as Cursor };
    }
    // This location is read: its mark moves up; the sweep goes on with the next location, then the recheck.
    const read = { ...state.read, [location]: Math.max(mark, newest) };
    const following = locations[locations.indexOf(location) + 1];
    const stage = following ?? (seen.ids.length > 0 ? RECHECK : undefined);
    const next: GoogleReviewsCursor = { read, ...(stage ? { stage } : {}), recheck: seen };
    return { ...base, more: stage !== undefined, cursor: next as unknown as Cursor };
  },

  async reply({ config, credentials, inReplyTo, text, signal, http }) {
    return putReviewReply({ config, credentials, http, signal }, inReplyTo, text);
  },

  async findReply({ config, credentials, inReplyTo, text, signal, http }) {
    return findReviewReply({ config, credentials, http, signal }, inReplyTo, text);
  },

  // The owner response is one per review: deleting it is `DELETE …/reply` (a second delete is harmless).
  async retractReply({ config, credentials, inReplyTo, signal, http }) {
    await deleteReviewReply({ config, credentials, http, signal }, inReplyTo);
  },

  async verify({ config, credentials, signal, http }) {
    const location = locationPath(config.accountId, config.locationIds[0]!);
    try {
      const api = await reviewsApi({ config, credentials, http, signal });
      const body = await api.get<unknown>(`v4/${location}/reviews`, { pageSize: 1 });
      const page = expectShape(listReviewsSchema, body, LABEL, PLATFORM, 'a list of reviews');
      const count = page.totalReviewCount ?? page.reviews?.length ?? 0;
      return verifiedAs(true, location, vw.googleReviews, { label: LABEL, location, count });
    } catch (err) {
      const e = err instanceof ConnectorError ? err : new ConnectorError('transient', `${LABEL} check failed.`);
      return { ok: false, account: null, message: e.message };
    }
  },
};

function keepConfigured(state: RecheckState | undefined, locations: readonly string[]): RecheckState | undefined {
  if (!state) return undefined;
  const ids = state.ids.filter((k) => {
    const ref = fromRecheckKey(k);
    return ref !== null && locations.includes(ref.locationId);
  });
  return ids.length === state.ids.length ? state : { ids, next: ids.length ? state.next % ids.length : 0 };
}

/** The end of a sweep: a few reviews read lately, asked about one by one. */
async function recheckPage(
  api: ReviewsApi,
  config: GoogleReviewsConfig,
  read: Record<string, number>,
  state: RecheckState | undefined,
): Promise<PollPage> {
  const batch = recheckBatch(state, RECHECK_BATCH);
  const posts: SocialPost[] = [];
  const skipped: SkippedItem[] = [];
  const removed: string[] = [];
  const gone: string[] = [];
  for (const key of batch.ids) {
    const ref = fromRecheckKey(key)!;
    let body: unknown;
    try {
      body = await api.get<unknown>(`v4/${reviewPath(config.accountId, ref.locationId, ref.reviewId)}`);
    } catch (err) {
      if (!(err instanceof ConnectorError && err.details.status === 404)) throw err;
      removed.push(ref.reviewId);
      gone.push(key);
      continue;
    }
    const now = usableReviews([body], config.accountId, ref.locationId);
    posts.push(...now.posts);
    skipped.push(...now.skipped);
  }
  const next: GoogleReviewsCursor = { read, recheck: forgetGone(batch.state, gone) };
  return {
    posts,
    ...(skipped.length ? { skipped } : {}),
    ...(removed.length ? { removed } : {}),
    more: false,
    cursor: next as unknown as Cursor,
  };
}
