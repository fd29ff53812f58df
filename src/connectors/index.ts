/**
 * Connectors: one client per platform behind the Connector interface (poll, reply, verify).
 * What other parts of the app may use (docs/architecture.md); the rest of the folder is its own.
 */
/** A platform client: poll a page, post a reply, verify credentials. */
export type { Connector } from './types';
/** What went wrong talking to a platform, in terms the poller acts on (kind, retry after). */
export { ConnectorError } from './types';
/** What a connector gets to post a reply: the conversation's post and credentials. */
export type { ReplyContext } from './types';
/** What a connector gets to hide, delete or like a post. */
export type { ModerateContext } from './types';
/** What a connector answers after posting: the platform's id and URL of the reply. */
export type { ReplyResult } from './types';
/** Every connector by platform. */
export type { ConnectorRegistry } from './registry';
/** Where a connector stands in a platform's stream (opaque JSON, saved after each page). */
export type { Cursor } from './types';
/** Why a platform call failed (auth, rate limit, refused, transient, …). */
export type { ConnectorErrorKind } from './types';
/** The outcome of checking a source's credentials against its platform. */
export type { VerifyResult } from './types';
/** Meta's webhooks: the signature check, and the events a delivery carries (upsert, remove, hidden). */
export { metaWebhookEvents, verifyMetaSignature, type MetaWebhookEvent } from './meta/webhook-events';
/** Connecting Meta accounts: the OAuth code flow, long-lived tokens, the Pages a person manages, token facts. */
export {
  authorizationUrl,
  ConnectRefused,
  exchangeCode,
  FACEBOOK_DIALOG_URL,
  longLivedThreadsToken,
  longLivedUserToken,
  managedPages,
  type ManagedPage,
  type MetaOAuthApp,
  newState,
  subscribePageWebhooks,
  THREADS_AUTHORIZE_URL,
  threadsProfile,
  tokenFacts,
} from './meta/meta-oauth';
/** The one OAuth code flow every Connect button uses (state, consent page, code for tokens). */
export {
  authorizationUrl as oauthAuthorizationUrl,
  exchangeCode as exchangeOAuthCode,
  type OAuthClientApp,
} from './oauth/code-flow';
/** Connect Google: the OAuth client, the person's YouTube channels and Business Profile accounts. */
export {
  BUSINESS_REVIEWS_URL,
  type BusinessAccount,
  type GoogleApp,
  googleOAuthClient,
  myBusinessAccounts,
  myChannels,
  YOUTUBE_API_URL,
} from './google/google-connect';
/** Where Google's and LinkedIn's token endpoints and LinkedIn's API are by default. */
export { GOOGLE_TOKEN_URL } from './google/google-token';
export { LINKEDIN_BASE_URL, LINKEDIN_TOKEN_URL } from './linkedin/linkedin-client';
/** Connect LinkedIn: the OAuth client and the Pages the member administers. */
export { administeredPages, type LinkedInApp, linkedinOAuthClient } from './linkedin/linkedin-connect';
/** Where Meta's Graph APIs are by default. */
export { GRAPH_BASE_URL, THREADS_BASE_URL } from './meta/graph-client';
