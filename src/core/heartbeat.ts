/**
 * Keeps a lease alive while work runs: `beat` extends it every `everyMs`. A lease is short so a
 * crashed holder's work is picked up soon; the heartbeat is what lets long work keep it. A beat that
 * fails (the database away) is reported and the next one tries again; if none gets through, the
 * lease simply runs out, which is the safe side.
 */
export interface Heartbeat {
  stop(): void;
}

export function startHeartbeat(
  beat: () => Promise<unknown>,
  everyMs: number,
  onError: (err: unknown) => void = () => {},
): Heartbeat {
  let inFlight = false;
  const timer = setInterval(() => {
    // A slow beat is not stacked on: the next tick tries again.
    if (inFlight) return;
    inFlight = true;
    beat()
      .catch(onError)
      .finally(() => {
        inFlight = false;
      });
  }, everyMs);
  // Never keeps a process alive on its own.
  timer.unref?.();
  return { stop: () => clearInterval(timer) };
}
