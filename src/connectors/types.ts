import type { z } from 'zod';
import { findOutboundError, outboundMessage, type OutboundHttp } from '../http/outbound';
import type { MessageDescriptor } from '../core/i18n/translator';
import type { ModerationAction } from '../core/moderation';
import type { Platform } from '../core/platforms';
import type { SearchPlan } from '../core/search-plan';
import type { SocialPost } from '../core/social-post';

/** Where a connector stands in a platform's stream; opaque to everyone else, stored as JSON. */
export type Cursor = Record<string, unknown>;

export interface PollContext<Config, Credentials> {
  config: Config;
  credentials: Credentials;
  cursor: Cursor | null;
  /** What to search for, already compiled into this platform's syntax. */
  plan: SearchPlan;
  now: Date;
  /** Only posts newer than this (backfills). */
  since?: Date;
  signal?: AbortSignal;
  /** The only way out: every request goes through the outbound guard. */
  http: OutboundHttp;
}

export interface PollPage {
  posts: SocialPost[];
  /** Save this after the posts are committed; poll again with it. */
  cursor: Cursor;
  /** More pages wait right now (the poller may continue at once). */
  more: boolean;
  /** Items left out because they lack what a mention needs (an id-only entry), with why. */
  skipped?: SkippedItem[];
  /** Items the platform says are gone (deleted by their author or the platform): marked deleted, kept. */
  removed?: string[];
}

export interface SkippedItem {
  externalId: string;
  reason: string;
}

export interface ReplyContext<Config, Credentials> {
  config: Config;
  credentials: Credentials;
  inReplyTo: { externalId: string; authorHandle: string | null; threadExternalId: string | null; raw: unknown };
  text: string;
  signal?: AbortSignal;
  http: OutboundHttp;
  /**
   * The outbox row this send is for. It makes a repeat recognisable: Mastodon gets an
   * Idempotency-Key and Bluesky a record key derived from it; lookups start at `queuedAt`.
   */
  outbox?: { replyId: string; queuedAt: Date };
}

/** A moderation call: the post, and the account's credentials. */
/** What a webhook names without sending the post itself: a media, or a comment on it. */
export interface WebhookRef {
  mediaId: string;
  commentId?: string | undefined;
}

export interface ModerateContext<Config, Credentials> {
  config: Config;
  credentials: Credentials;
  externalId: string;
  signal?: AbortSignal;
  http: OutboundHttp;
}

/** A response of ours to take down: the post it answered, and the platform's id of the response. */
export interface RetractContext<Config, Credentials> {
  config: Config;
  credentials: Credentials;
  inReplyTo: ReplyContext<Config, Credentials>['inReplyTo'];
  replyExternalId: string;
  signal?: AbortSignal;
  http: OutboundHttp;
}

export interface ReplyResult {
  externalId: string;
  url: string | null;
}

export interface VerifyResult {
  ok: boolean;
  /** Who the credentials belong to, when the platform says. */
  account: string | null;
  /** The answer in English (the API's words); a platform's own error text as it came. */
  message: string;
  /** The same answer from the catalogue when it is our own words, for a page to say in its reader's language. */
  said?: { message: MessageDescriptor; values?: Record<string, string | number> };
}

/** One platform behind one interface. Connectors do HTTP, never database work. */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds connectors of every config type; each parses its own.
export interface Connector<Config = any, Credentials = any> {
  platform: Platform;
  label: string;
  configSchema: z.ZodType<Config>;
  credentialsSchema: z.ZodType<Credentials>;
  /**
   * Credentials are tried with one `verify` call when saved: an uploaded key that is wrong, revoked or lacks
   * access is refused on the form, not found out at the first poll.
   */
  verifyOnSave?: boolean;
  /** Does the platform search server-side (else every item is read and matched locally)? */
  searches: boolean;
  poll(ctx: PollContext<Config, Credentials>): Promise<PollPage>;
  reply?(ctx: ReplyContext<Config, Credentials>): Promise<ReplyResult>;
  /** What the platform lets the account do to others' posts from the inbox (none when not given). */
  moderates?: readonly ModerationAction[];
  /** Does one of `moderates` on the platform; repeating it is harmless (a post already hidden stays hidden). */
  moderate?(ctx: ModerateContext<Config, Credentials>, action: ModerationAction): Promise<void>;
  /**
   * Takes our public response to a review down again (Google reviews' owner response, the App Store's
   * developer response); a response already gone is fine. `replyExternalId` is what `reply` answered.
   */
  retractReply?(ctx: RetractContext<Config, Credentials>): Promise<void>;
  /**
   * Looks on the platform for this reply, posted by our account under the parent (an earlier
   * attempt whose outcome we never heard): the post when it is there, null when it is not.
   */
  findReply?(ctx: ReplyContext<Config, Credentials>): Promise<ReplyResult | null>;
  /**
   * Fetches a post a webhook only named (Instagram's `mentions` carry ids, not the text): the post, or null
   * when the platform no longer has it.
   */
  lookup?(ctx: ModerateContext<Config, Credentials>, ref: WebhookRef): Promise<SocialPost | null>;
  /**
   * Renews a token that ends (Threads' 60-day tokens, refreshable while valid): the credentials to keep and
   * when they end. Absent where only the person can renew (a Facebook sign-in).
   */
  refreshToken?(ctx: {
    config: Config;
    credentials: Credentials;
    http: OutboundHttp;
    now: Date;
  }): Promise<{ credentials: Credentials; expiresAt: Date }>;
  /**
   * A daily budget of API units the platform counts (YouTube: 10,000 a day, a search 100), from the cursor:
   * what is used today and when the count starts again. The source page shows it.
   */
  quota?(cursor: Cursor | null, now: Date): { used: number; limit: number; resetsAt: Date };
  /** Hashtags a platform counts against a quota (Instagram: 30 different ones in 7 days), from the cursor. */
  hashtagQuota?(cursor: Cursor | null, now: Date): { searched: string[]; limit: number; days: number };
  verify(ctx: {
    config: Config;
    credentials: Credentials;
    signal?: AbortSignal;
    http: OutboundHttp;
  }): Promise<VerifyResult>;
}

export type ConnectorErrorKind = 'rate_limited' | 'auth' | 'transient' | 'invalid_request';

/**
 * What went wrong talking to a platform, in terms the poller acts on: wait for a reset, stop and
 * ask for new credentials, back off and retry, or report a request the platform will never accept.
 */
export class ConnectorError extends Error {
  override name = 'ConnectorError';
  constructor(
    readonly kind: ConnectorErrorKind,
    message: string,
    /**
     * `alreadyPosted`: the platform refused the post as a repeat of one it already has (X's
     * duplicate-content rule), which after an interrupted send means the first attempt went through.
     */
    readonly details: { status?: number; resetAt?: Date; platform?: string; alreadyPosted?: boolean } = {},
  ) {
    super(message);
  }
}

/**
 * A refused or failed outbound call as a ConnectorError, in our words ("Could not reach Reddit:
 * refused: private address (10.0.0.1)"). Refusals, redirect loops and oversized answers need a
 * person to change the address; timeouts and broken connections may heal by themselves.
 */
export function outboundFailure(err: unknown, subject: string, platform: string): ConnectorError {
  const own = findOutboundError(err);
  const needsPerson = own !== null && own.code !== 'timeout' && own.code !== 'unreachable';
  return new ConnectorError(needsPerson ? 'invalid_request' : 'transient', `${subject}: ${outboundMessage(err)}`, {
    platform,
  });
}
