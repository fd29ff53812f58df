import { defineErrors, makeErrors } from '../core/errors';

/** The codes of sources: what a workspace listens to and how it is polled. */
export const SOURCE_ERRORS = defineErrors({
  SOURCE_NOT_FOUND: { kind: 'not_found', en: 'Source not found' },
  CONNECTOR_UNAVAILABLE: { kind: 'invalid', en: 'The {platform} connector is not available' },
  // The connector's own schema refused a field; the problem is its sentence.
  SOURCE_CONFIG_INVALID: { kind: 'invalid', en: 'config.{path}: {problem}' },
  SOURCE_CREDENTIALS_INVALID: { kind: 'invalid', en: 'credentials.{path}: {problem}' },
  // An address the outbound guard would refuse anyway (file:, localhost, metadata), refused when saved.
  SOURCE_ADDRESS_REFUSED: { kind: 'invalid', en: 'config.{key}: {reason}' },
  BACKFILL_DAYS_OUT_OF_RANGE: { kind: 'invalid', en: 'days must be 1 to {max}' },
  BACKFILL_RUNNING: { kind: 'conflict', en: 'A backfill of this source is already running' },
  SOURCE_BUSY: { kind: 'conflict', en: 'This source is being polled right now; try again in a moment' },
  PLATFORM_NOT_CHOSEN: { kind: 'invalid', en: 'Choose a platform to add' },
  // Uploaded keys (App Store Connect, Google Play) are tried with one call before they are kept.
  SOURCE_KEY_REFUSED: { kind: 'invalid', en: '{platform} did not accept these credentials: {reason}' },
  // Webhooks: nothing is stored unless the platform's signature holds.
  WEBHOOK_NOT_CONFIGURED: { kind: 'not_found', en: 'Webhooks from {platform} are not set up on this server' },
  WEBHOOK_SIGNATURE_INVALID: { kind: 'unauthenticated', en: 'The webhook signature does not match' },
  WEBHOOK_VERIFY_TOKEN_WRONG: { kind: 'forbidden', en: 'The webhook verify token does not match' },
  WEBHOOK_BODY_INVALID: { kind: 'malformed', en: 'The webhook body is not JSON' },
  // Connecting accounts through Meta's sign-in (Facebook Login, Threads).
  CONNECT_NOT_CONFIGURED: {
    kind: 'not_found',
    en: 'Connecting {platform} needs the app settings {settings} on this server; a token can be pasted instead',
  },
  CONNECT_EXPIRED: {
    kind: 'invalid',
    en: 'This connection attempt is unknown or expired (15 minutes); start connecting again',
  },
  CONNECT_REFUSED: { kind: 'invalid', en: '{platform} did not grant access: {reason}' },
  CONNECT_FAILED: { kind: 'unavailable', en: 'Connecting {platform} failed: {reason}' },
  CONNECT_NOTHING_CHOSEN: { kind: 'invalid', en: 'Choose at least one Page or Instagram account to add' },
});

export const sourceError = makeErrors(SOURCE_ERRORS);
