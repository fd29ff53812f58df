import { expectShape, usablePosts } from '../answer';
import { forgetGone, type RecheckState, recheckBatch, rememberSeen } from '../recheck';
import { type Connector, ConnectorError, type Cursor, type SkippedItem } from '../types';
import type { SocialPost } from '../../core/social-post';
import { type AppStoreClient, listDocument, nextCursor, singleDocument } from './app-store-client';
import {
  type AppStoreConfig,
  type AppStoreCredentials,
  appStoreConfigSchema,
  appStoreCredentialsSchema,
  clientFor,
  segment,
} from './app-store-config';
import { APP_STORE_LABEL, isNotFound } from './app-store-errors';
import { deleteResponse, findOurResponse, replyResult, respondOnce } from './app-store-responses';
import { includedResponses, reviewSchema, reviewToSocial } from './app-store-reviews';
import { verifiedAs, verifyWords as vw } from '../messages';

export { appStoreConfigSchema, appStoreCredentialsSchema, type AppStoreConfig, type AppStoreCredentials };
export { deleteResponse, replaceResponse } from './app-store-responses';

/**
 * An app's App Store customer reviews through the App Store Connect API, answered with public developer
 * responses. A sweep reads the reviews newest first (200 a page, our responses included) until a page
 * reaches back past the read mark (the newest review date seen, less a slack); then it asks about a few
 * reviews it brought in lately, because Apple never says a review was edited or deleted: what is still there
 * comes back as it is now, what answers 404 is reported removed.
 */
const PLATFORM = 'app_store';
const PAGE_SIZE = 200;
const RECHECK_BATCH = 10;
/**
 * Reviews reach the API some time after their createdDate, and out of order, so each sweep reads back this
 * far behind the newest review it has seen; the store takes the repeats as duplicates.
 */
const SLACK_MS = 6 * 3_600_000;
/** Without `since` (the poller always gives one on a first sweep), the first sweep reads back this far. */
const FIRST_SWEEP_MS = 30 * 86_400_000;

export interface AppStoreCursor {
  /** ms: the newest review date a finished sweep saw; the next sweep reads back to it (less the slack). */
  read?: number;
  /** A sweep under way: the reviews (Apple's cursor for the next page) or the recheck that ends it. */
  stage?: 'reviews' | 'recheck';
  page?: string;
  /** ms: how far back this sweep reads, and the newest review date it has seen. */
  floor?: number;
  newest?: number;
  recheck?: RecheckState;
}

const reviewTime = (item: unknown): number => {
  const v = (item as { attributes?: { createdDate?: unknown } } | null)?.attributes?.createdDate;
  return typeof v === 'string' ? Date.parse(v) : Number.NaN;
};

const asCursor = (c: AppStoreCursor) => c as unknown as Cursor;

export const appStoreConnector: Connector<AppStoreConfig, AppStoreCredentials> = {
  platform: 'app_store',
  label: 'App Store',
  configSchema: appStoreConfigSchema,
  credentialsSchema: appStoreCredentialsSchema,
  // A pasted .p8 that does not match its key id, or a key without the role, is refused on the form.
  verifyOnSave: true,
  searches: false,

  async poll(ctx) {
    const api = clientFor(ctx);
    const state = (ctx.cursor as AppStoreCursor | null) ?? {};
    if (state.stage === 'recheck') return recheck(api, ctx.config.appId, state);

    const floor =
      state.floor ??
      (state.read !== undefined ? state.read - SLACK_MS : (ctx.since?.getTime() ?? ctx.now.getTime() - FIRST_SWEEP_MS));
    const body = await api.get(`v1/apps/${segment(ctx.config.appId)}/customerReviews`, {
      sort: '-createdDate',
      limit: PAGE_SIZE,
      include: 'response',
      cursor: state.page,
    });
    const doc = expectShape(listDocument, body, APP_STORE_LABEL, PLATFORM, 'a data list');
    // Newest first: items at or before the floor were read by an earlier sweep, and end this one.
    const fresh = doc.data.filter((item) => !(reviewTime(item) <= floor));
    const reachedBack = fresh.length < doc.data.length;
    const responses = includedResponses(doc.included);
    const { posts, skipped } = fresh.length
      ? usablePosts(fresh, reviewSchema, (r) => reviewToSocial(r, ctx.config.appId, responses), 'App Store', PLATFORM)
      : { posts: [] as SocialPost[], skipped: [] as SkippedItem[] };
    const newest = Math.max(state.newest ?? floor, ...posts.map((p) => p.createdAt.getTime()));
    const seen = rememberSeen(
      state.recheck,
      posts.map((p) => p.externalId),
    );

    const page = reachedBack ? undefined : nextCursor(doc.links?.next);
    if (!reachedBack && doc.links?.next && !page)
      throw new ConnectorError('transient', `${APP_STORE_LABEL} answered a next-page link without a cursor`, {
        platform: PLATFORM,
      });
    if (page) {
      const next: AppStoreCursor = { stage: 'reviews', page, floor, newest, recheck: seen };
      if (state.read !== undefined) next.read = state.read;
      return { posts, skipped, more: true, cursor: asCursor(next) };
    }
    // The sweep has read back to its floor: the mark moves to the newest review it saw.
    const read = Math.max(state.read ?? floor, newest);
    if (seen.ids.length)
      return { posts, skipped, more: true, cursor: asCursor({ read, stage: 'recheck', recheck: seen }) };
    return { posts, skipped, more: false, cursor: asCursor({ read, recheck: seen }) };
  },

  async reply(ctx) {
    const made = await respondOnce(clientFor(ctx), ctx.inReplyTo.externalId, ctx.text);
    return replyResult(made, ctx.config.appId);
  },

  async findReply(ctx) {
    const found = await findOurResponse(clientFor(ctx), ctx.inReplyTo.externalId, ctx.text);
    return found ? replyResult(found, ctx.config.appId) : null;
  },

  // No `moderates`: the developer cannot hide or delete a customer's review. Our own response can go.
  async retractReply(ctx) {
    await deleteResponse(ctx, ctx.replyExternalId);
  },

  async verify(ctx) {
    try {
      const body = await clientFor(ctx).get(`v1/apps/${segment(ctx.config.appId)}`, {
        'fields[apps]': 'name,bundleId',
      });
      const doc = expectShape(singleDocument, body, APP_STORE_LABEL, PLATFORM, 'the app');
      const attrs = (doc.data.attributes ?? {}) as { name?: unknown; bundleId?: unknown };
      const name = typeof attrs.name === 'string' && attrs.name ? attrs.name : ctx.config.appId;
      const bundle = typeof attrs.bundleId === 'string' && attrs.bundleId ? attrs.bundleId : null;
      return bundle
        ? verifiedAs(true, name, vw.appStoreBundle, { name, bundle })
        : verifiedAs(true, name, vw.appStore, { name });
    } catch (err) {
      const message = err instanceof ConnectorError ? err.message : 'The App Store Connect check failed.';
      return { ok: false, account: null, message };
    }
  },
};

/** The end of a sweep: a few reviews brought in lately, asked about again (edited, deleted, answered). */
async function recheck(api: AppStoreClient, appId: string, state: AppStoreCursor) {
  const batch = recheckBatch(state.recheck, RECHECK_BATCH);
  const posts: SocialPost[] = [];
  const skipped: SkippedItem[] = [];
  const removed: string[] = [];
  // One at a time: the hourly budget is the key's, and Apple throttles bursts too.
  for (const id of batch.ids) {
    let body: unknown;
    try {
      body = await api.get(`v1/customerReviews/${segment(id)}`, { include: 'response' });
    } catch (err) {
      if (!isNotFound(err)) throw err;
      removed.push(id);
      continue;
    }
    const doc = expectShape(singleDocument, body, APP_STORE_LABEL, PLATFORM, 'the review');
    const parsed = reviewSchema.safeParse(doc.data);
    if (parsed.success) posts.push(reviewToSocial(parsed.data, appId, includedResponses(doc.included)));
    else skipped.push({ externalId: id, reason: 'the review no longer has text, a rating or a date' });
  }
  const next: AppStoreCursor = { recheck: forgetGone(batch.state, removed) };
  if (state.read !== undefined) next.read = state.read;
  return { posts, skipped, removed, more: false, cursor: asCursor(next) };
}
