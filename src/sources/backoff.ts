import type { ConnectorErrorKind } from '../connectors';

/** The longest a failing source waits between tries. */
export const MAX_BACKOFF_MS = 60 * 60_000;
export const JITTER = 0.1;

export interface NextPollInput {
  now: Date;
  intervalMs: number;
  /** Failures in a row, counting the one just now (0 after a success). */
  failures: number;
  kind?: ConnectorErrorKind;
  resetAt?: Date;
  /** 0..1; injected so tests are exact. */
  random: number;
}

/**
 * When to poll a source next. Success: its interval, with jitter so sources added together do not
 * poll in lockstep. Failure: exponential backoff capped at an hour; a rate limit waits for the
 * platform's reset time; bad credentials wait the full cap (a person has to fix them).
 */
export function nextPollAt(i: NextPollInput): Date {
  const jitter = 1 + (i.random * 2 - 1) * JITTER;
  let delay: number;
  if (i.failures === 0) delay = i.intervalMs * jitter;
  else if (i.kind === 'rate_limited' && i.resetAt) delay = Math.max(i.resetAt.getTime() - i.now.getTime() + 1000, 1000);
  else if (i.kind === 'auth' || i.kind === 'invalid_request') delay = MAX_BACKOFF_MS;
  else delay = Math.min(Math.max(i.intervalMs, 30_000) * 2 ** (i.failures - 1), MAX_BACKOFF_MS) * jitter;
  return new Date(i.now.getTime() + Math.round(delay));
}

/** How long after its last webhook a source counts as pushed to, and how slowly it is polled meanwhile. */
export const WEBHOOK_LIVE_MS = 24 * 3_600_000;
export const SAFETY_NET_POLL_MS = 30 * 60_000;
const SAFETY_NET_FACTOR = 6;

/**
 * A source the platform pushes to (a webhook stored in the last day) is polled as a safety net only: six
 * times its interval, at least every 30 minutes; otherwise at its own interval.
 */
export function pollIntervalMs(intervalMs: number, webhookAt: Date | null, now: Date): number {
  return webhooksLive(webhookAt, now) ? Math.max(intervalMs * SAFETY_NET_FACTOR, SAFETY_NET_POLL_MS) : intervalMs;
}

/** The platform pushed to the source within the last day. */
export const webhooksLive = (webhookAt: Date | null, now: Date) =>
  webhookAt !== null && now.getTime() - webhookAt.getTime() < WEBHOOK_LIVE_MS;

/** degraded while it may heal by itself; failing once it keeps failing or needs a person. */
export const statusAfterFailure = (failures: number, kind: ConnectorErrorKind) =>
  kind === 'auth' || kind === 'invalid_request' || failures >= 3 ? ('failing' as const) : ('degraded' as const);
