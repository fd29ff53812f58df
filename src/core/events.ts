/**
 * Side effects as events after commit. A service records what happened (`emit`) while its transaction
 * runs; the events are delivered only once that transaction has committed, to the listeners composition
 * registered (the live stream, the mail sender). A rolled-back change tells nobody, and no listener's work
 * (or failure) slows or breaks the change itself.
 *
 * In process (the default) delivery is at most once: a crash right after commit loses it. So a listener
 * either wakes durable work that a scheduled job also finds (the mail outbox), or is safe to miss (the
 * live stream, a page refresh). With Inngest configured, each listener becomes an Inngest function
 * and is retried there (jobs/inngest.ts); listeners must then be idempotent. If Inngest cannot be told,
 * the listeners run here instead.
 */
export interface DomainEvent<N extends string = string, D = Record<string, unknown>> {
  name: N;
  data: D;
}

export type Listener = (event: DomainEvent) => Promise<unknown> | unknown;

export interface ListenerOptions {
  /**
   * Always run in this process, never as an Inngest function: for listeners that only serve this
   * process's own clients and are safe to miss (the live stream announcing to open pages), where a
   * round trip through Inngest would only add delay.
   */
  here?: boolean;
}

interface Registered {
  id: string;
  run: Listener;
  here: boolean;
}

/** Where committed events go: the bus, or (tests) anything that records them. */
export interface EventPublisher {
  publish(events: readonly DomainEvent[]): void;
}

export class EventBus implements EventPublisher {
  private readonly listeners = new Map<string, Registered[]>();
  private readonly running = new Set<Promise<unknown>>();
  /** When set, events go here instead of in-process listeners (Inngest: one function per listener). */
  forward: ((events: readonly DomainEvent[]) => Promise<void>) | null = null;

  constructor(private readonly onError: (err: unknown, listener: string, event: DomainEvent) => void) {}

  /** Registers a listener under a stable id (the Inngest function's name is made from it). */
  on(name: string, id: string, run: Listener, options: ListenerOptions = {}): this {
    const list = this.listeners.get(name) ?? [];
    if (list.some((l) => l.id === id)) throw new Error(`events: listener ${id} is already registered for ${name}`);
    list.push({ id, run, here: options.here ?? false });
    this.listeners.set(name, list);
    return this;
  }

  /** Every (event name, listener id, listener) that Inngest may run, for building its functions. */
  registered(): { name: string; id: string; run: Listener }[] {
    return [...this.listeners].flatMap(([name, list]) =>
      list.filter((l) => !l.here).map((l) => ({ name, id: l.id, run: l.run })),
    );
  }

  publish(events: readonly DomainEvent[]): void {
    if (events.length === 0) return;
    const forward = this.forward;
    if (!forward) {
      this.runHere(events, () => true);
      return;
    }
    this.runHere(events, (l) => l.here);
    // Inngest could not be told: the listeners run here instead (they are idempotent), nothing is lost.
    this.track(
      forward(events).catch((err) => {
        for (const event of events) this.onError(err, 'forward', event);
        this.runHere(events, (l) => !l.here);
      }),
    );
  }

  private runHere(events: readonly DomainEvent[], which: (l: Registered) => boolean) {
    // A listener starts after the caller's own work; one that throws is reported, the rest still run.
    for (const event of events)
      for (const l of (this.listeners.get(event.name) ?? []).filter(which))
        this.track(
          Promise.resolve()
            .then(() => l.run(event))
            .catch((err) => this.onError(err, l.id, event)),
        );
  }

  /** Resolves when every delivery started so far (and any it started) has finished: shutdown, tests. */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  private track(p: Promise<unknown>) {
    this.running.add(p);
    void p.finally(() => this.running.delete(p));
  }
}

/** Collects events while a unit of work runs; `flush` hands them on once it is done. */
export class EventLog {
  private pending: DomainEvent[] = [];
  readonly emit = (event: DomainEvent) => void this.pending.push(event);
  /** Forget what was collected (a transaction about to be run again from the start). */
  reset() {
    this.pending = [];
  }
  flush(to: EventPublisher) {
    const out = this.pending;
    this.pending = [];
    to.publish(out);
  }
}
