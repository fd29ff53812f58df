import { MAIL_QUEUED, sendDueMail } from '../accounts';
import type { AppDeps } from '../http/env';

/**
 * Who hears which event after commit (core/events.ts). Composition decides: the feature that emits an
 * event does not know its listeners. Each listener has a stable id (Inngest names its function after it).
 */
export function registerListeners(deps: AppDeps): void {
  // Queued mail is sent now; the scheduled sender finds it anyway if this process stops first.
  deps.events.on(
    MAIL_QUEUED,
    'send-queued-mail',
    oneAtATime(() => sendDueMail(deps)),
  );
}

/**
 * Many events in a burst wake one run, not one run each: a call while a run is going asks for one more
 * run after it (which sees whatever the burst queued); every caller gets the last run's result.
 */
export function oneAtATime(run: () => Promise<unknown>): () => Promise<unknown> {
  let current: Promise<unknown> | null = null;
  let again = false;
  const loop = async () => {
    let last: unknown;
    try {
      do {
        again = false;
        last = await run();
      } while (again);
      return last;
    } finally {
      current = null;
    }
  };
  return () => {
    if (current) {
      again = true;
      return current;
    }
    current = loop();
    return current;
  };
}
