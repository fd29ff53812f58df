import { expectShape } from '../answer';
import { sameReplyText } from '../reply-match';
import { ConnectorError, type ReplyResult } from '../types';
import { type AppStoreClient, singleDocument } from './app-store-client';
import { type AppStoreCallContext, clientFor, segment } from './app-store-config';
import { APP_STORE_LABEL, isNotFound } from './app-store-errors';
import { type AppleReviewResponse, appPageUrl, reviewResponseSchema } from './app-store-reviews';

/**
 * Our public responses to reviews (`customerReviewResponses`). Apple keeps at most one per review, and its
 * "Create or update a response" (POST /v1/customerReviewResponses) overwrites an existing one rather than
 * refusing it; the OpenAPI description still lists 409 for it. So a reply looks first: a response with our
 * text is the earlier attempt (returned, not sent again), one with other words is never overwritten by a
 * reply (that is `replaceResponse`, an edit someone asked for). A 409 is read the same way.
 */
const PLATFORM = 'app_store';

const RESPONSE_PATH = 'v1/customerReviewResponses';

function parseResponse(body: unknown): AppleReviewResponse {
  const doc = expectShape(singleDocument, body, APP_STORE_LABEL, PLATFORM, 'a response resource');
  const parsed = reviewResponseSchema.safeParse(doc.data);
  if (!parsed.success)
    throw new ConnectorError('transient', `${APP_STORE_LABEL} answered a response without its id`, {
      platform: PLATFORM,
    });
  return parsed.data;
}

/** The response under a review, or null when it has none (Apple answers 404). */
export async function readResponse(api: AppStoreClient, reviewId: string): Promise<AppleReviewResponse | null> {
  try {
    return parseResponse(await api.get(`v1/customerReviews/${segment(reviewId)}/response`));
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

/** POST a response: created, or (as Apple documents it) the review's response overwritten. */
export async function postResponse(api: AppStoreClient, reviewId: string, text: string) {
  return parseResponse(
    await api.post(RESPONSE_PATH, {
      data: {
        type: 'customerReviewResponses',
        attributes: { responseBody: text },
        relationships: { review: { data: { type: 'customerReviews', id: reviewId } } },
      },
    }),
  );
}

export const replyResult = (r: AppleReviewResponse, appId: string): ReplyResult => ({
  externalId: r.id,
  url: appPageUrl(appId),
});

const isConflict = (err: unknown) => err instanceof ConnectorError && err.details.status === 409;

/** Our response with these words under the review, if it is there. */
export async function findOurResponse(api: AppStoreClient, reviewId: string, text: string) {
  const existing = await readResponse(api, reviewId);
  return existing && sameReplyText(existing.attributes?.responseBody ?? '', text) ? existing : null;
}

/** A reply: sent once; a response already there with our words is returned, one with other words is kept. */
export async function respondOnce(api: AppStoreClient, reviewId: string, text: string): Promise<AppleReviewResponse> {
  const existing = await readResponse(api, reviewId);
  if (existing) {
    if (sameReplyText(existing.attributes?.responseBody ?? '', text)) return existing;
    throw new ConnectorError(
      'invalid_request',
      `This review already has a response on the App Store, with other words. Apple keeps one response per ` +
        'review and a new one would replace it: edit that response instead of replying again.',
      { platform: PLATFORM, status: 409 },
    );
  }
  try {
    return await postResponse(api, reviewId, text);
  } catch (err) {
    if (!isConflict(err)) throw err;
    // Another response arrived in between (or Apple refused a second one): ours only if it has our words.
    const now = await findOurResponse(api, reviewId, text);
    if (now) return now;
    throw err;
  }
}

/**
 * Edits our response to a review: Apple's POST replaces the response in place. Where Apple answers 409
 * instead, the old response is deleted and the new one created.
 */
export async function replaceResponse(ctx: AppStoreCallContext, reviewId: string, text: string): Promise<ReplyResult> {
  const api = clientFor(ctx);
  try {
    return replyResult(await postResponse(api, reviewId, text), ctx.config.appId);
  } catch (err) {
    if (!isConflict(err)) throw err;
    const old = await readResponse(api, reviewId);
    if (old) await removeResponse(api, old.id);
    return replyResult(await postResponse(api, reviewId, text), ctx.config.appId);
  }
}

async function removeResponse(api: AppStoreClient, responseId: string): Promise<void> {
  try {
    await api.delete(`${RESPONSE_PATH}/${segment(responseId)}`);
  } catch (err) {
    // Already gone: deleting again is harmless.
    if (!isNotFound(err)) throw err;
  }
}

/**
 * Deletes our response (by the response's id: a reply's externalId). Apple takes a while to remove it from
 * the App Store. The review itself cannot be deleted by the developer.
 */
export async function deleteResponse(ctx: AppStoreCallContext, responseId: string): Promise<void> {
  await removeResponse(clientFor(ctx), responseId);
}
