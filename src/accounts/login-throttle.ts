/**
 * The login throttle as a pure rule. Two limits, chosen so a stranger cannot lock a person out:
 * - per address: at most `maxPerAddress` attempts in the window, whatever the accounts;
 * - per account: an address that has failed for the account more than `freeFailures` times waits
 *   a delay that doubles with each further failure (1 s, 2 s, 4 s ... up to `maxDelayMs`). Only
 *   that address waits: the right password from the person's own address gets in however many
 *   guesses come from elsewhere. The free failures let a typo be followed at once by the fix.
 */
export interface LoginThrottleOptions {
  maxPerAddress: number;
  windowMs: number;
  freeFailures: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

export const LOGIN_THROTTLE: LoginThrottleOptions = {
  maxPerAddress: 10,
  windowMs: 15 * 60_000,
  freeFailures: 3,
  firstDelayMs: 1000,
  maxDelayMs: 5 * 60_000,
};

export interface AttemptHistory {
  /** Other attempts from this address in the window (any account), failed or still being checked. */
  fromAddress: readonly Date[];
  /** Of those, the ones for this account. */
  forAccountFromAddress: readonly Date[];
}

export type ThrottleDecision = { ok: true } | { ok: false; retryAfterMs: number };

/** The delay an address waits after its nth failure for one account. */
export function accountDelayMs(failures: number, o: LoginThrottleOptions = LOGIN_THROTTLE): number {
  if (failures <= o.freeFailures) return 0;
  return Math.min(o.maxDelayMs, o.firstDelayMs * 2 ** Math.min(failures - o.freeFailures - 1, 30));
}

/** May this attempt have its password checked now? `history` excludes the attempt itself. */
export function decideAttempt(
  history: AttemptHistory,
  now: Date,
  o: LoginThrottleOptions = LOGIN_THROTTLE,
): ThrottleDecision {
  const t = now.getTime();
  const recent = (dates: readonly Date[]) => dates.map((d) => d.getTime()).filter((d) => d > t - o.windowMs);
  const address = recent(history.fromAddress);
  if (address.length + 1 > o.maxPerAddress) {
    return { ok: false, retryAfterMs: Math.max(1, Math.min(...address) + o.windowMs - t) };
  }
  const account = recent(history.forAccountFromAddress);
  if (account.length <= o.freeFailures) return { ok: true };
  const until = Math.max(...account) + accountDelayMs(account.length, o);
  return until > t ? { ok: false, retryAfterMs: until - t } : { ok: true };
}
