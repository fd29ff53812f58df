/**
 * Sources: what a workspace listens to on each platform, their credentials, health, and the poller.
 * What other parts of the app may use (docs/architecture.md); the rest of the folder is its own.
 */
/** What the poller needs (database, connectors, outbound guard, the flow). */
export type { PollerDeps } from './poller';
/** A connected platform account or feed, with its polling state. */
export { sources } from './schema';
/** The product topic a review's app or location is mapped to (SQL over a mention's source and place). */
export { placeTopicOf } from './place-topics';
/** Decrypts and validates what a connector needs to run for this source. */
export { connectorInputs } from './sources.service';
/** The Inngest event name that asks for one source to be polled now. */
export { SOURCE_POLL_REQUESTED } from './events';
/** A source stopped until an admin acts (credentials refused, a permission missing): its event. */
export { SOURCE_NEEDS_PERSON, type SourceNeedsPerson } from './events';
/** That event's payload: which source. */
export type { SourcePollRequested } from './events';
/** Sources whose next poll time has come and that nobody is polling right now, most overdue first. */
export { dueSourceIds } from './poller';
/** Polls one source now (one poll per source at a time, across processes). */
export { pollSource } from './poller';
/** Frees the source leases this instance held before a restart. */
export { releaseSourceLeases } from './poller';
/** Polls every due source, a few at a time (a scheduled job). */
export { pollDueSources } from './poller';
/** How many polls are running in this process right now. */
export { pollsRunning } from './poller';
/** Adds a source (its credentials sealed). */
export { createSource } from './sources.service';
/** What source actions need (database, connectors, sealed credentials, outbound guard). */
export type { SourceDeps } from './sources.service';
/** What sources hand their posts to and ask back (handed in by composition). */
export type { SourceFlow } from './flow-port';
/** Resolves once every poll running in this process has ended (shutdown, tests). */
export { pollsSettled } from './poller';
/** The workspace's source on a platform, created from the input if it has none (the demo's replay). */
export { ensureSource } from './ensure';
/** A source row; one by id; a workspace's first source of a platform (what replies are sent from). */
export { type Source, sourceById, firstSourceOf } from './lookup';
/** The sources' error codes, with their kinds and messages (the error catalogue lists them). */
export { SOURCE_ERRORS } from './errors';
/** Works waiting webhook deliveries into the flow; the event that wakes it; their rows. */
export {
  processWebhooks,
  releaseInboundWebhookLeases,
  WEBHOOKS_RECEIVED,
  webhookDeliveries,
  type WebhookDeps,
} from './inbound-webhooks';
/** Where the connect flow sends people (Meta's dialogs), for the Content-Security-Policy's form-action. */
export { connectOrigins } from './meta-connect.service';
/** Where Connect Google and Connect LinkedIn send people (their consent pages), for the same form-action. */
export { oauthConnectOrigins } from './oauth-connect.service';
/** The OAuth apps behind Connect Google and Connect LinkedIn (GOOGLE_*, LINKEDIN_* settings). */
export type { ConnectApps } from './connect-apps';
/** The Meta apps this installation uses (META_* settings). */
export type { MetaApp } from './meta-app';
/** Renews tokens the platform lets us renew, and tells admins once of each that still ends within 7 days. */
export { refreshExpiringTokens, tendTokens, warnExpiringTokens } from './token-expiry';
