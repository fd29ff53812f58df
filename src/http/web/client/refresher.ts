/**
 * One run at a time of work that events ask for: a burst of events within `delayMs` makes one run, and
 * events during a run ask for exactly one more after it. Returns the function that asks.
 */
export function refresher(run: () => unknown, delayMs = 150) {
  let running = false;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const go = () => {
    timer = null;
    if (running) {
      again = true;
      return;
    }
    running = true;
    Promise.resolve()
      .then(run)
      .catch(() => {})
      .then(() => {
        running = false;
        if (again) {
          again = false;
          schedule();
        }
      });
  };
  const schedule = () => {
    if (!timer) timer = setTimeout(go, delayMs);
  };
  return schedule;
}
