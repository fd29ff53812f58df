/**
 * Why an outbound request did not get an answer, in our own short words. The texts never carry the
 * remote answer's body, nor tell a closed port from a silent one ("could not connect" for both),
 * so a refused or failed call cannot be used to probe a network.
 */
export type OutboundErrorCode = 'refused' | 'timeout' | 'unreachable' | 'too_large' | 'redirects';

export class OutboundError extends Error {
  override name = 'OutboundError';
  constructor(
    readonly code: OutboundErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const timedOut = () => new OutboundError('timeout', 'timed out');
export const couldNotConnect = () => new OutboundError('unreachable', 'could not connect');

/** The OutboundError somewhere in an error's cause chain (libraries wrap what fetch threw). */
export function findOutboundError(err: unknown): OutboundError | null {
  let e: unknown = err;
  for (let depth = 0; depth < 6 && e; depth++) {
    if (e instanceof OutboundError) return e;
    e = e instanceof Error || (typeof e === 'object' && e !== null) ? (e as { cause?: unknown }).cause : undefined;
  }
  return null;
}

/** True when a caller's own deadline (AbortSignal.timeout) ended the request. */
export function isTimeout(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; depth < 6 && e; depth++) {
    if (e instanceof OutboundError) return e.code === 'timeout';
    if ((e as { name?: string }).name === 'TimeoutError') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Any failure of an outbound call as the text a person sees (a source's last error, a webhook's
 * status): ours when it is ours, "timed out" for deadlines, else "could not connect".
 */
export function outboundMessage(err: unknown): string {
  const own = findOutboundError(err);
  if (own) return own.message;
  return isTimeout(err) ? 'timed out' : 'could not connect';
}
