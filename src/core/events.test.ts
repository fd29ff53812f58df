import { describe, expect, it } from 'vitest';
import { type DomainEvent, EventBus, EventLog } from './events';

const ev = (name: string, n = 0): DomainEvent => ({ name, data: { n } });

describe('the event bus', () => {
  it('delivers each event to the listeners of its name, after the publisher has moved on', async () => {
    const bus = new EventBus(() => {});
    const heard: string[] = [];
    bus.on('a', 'first', (e) => void heard.push(`first ${e.data.n}`));
    bus.on('a', 'second', (e) => void heard.push(`second ${e.data.n}`));
    bus.on('b', 'other', () => void heard.push('other'));
    bus.publish([ev('a', 1), ev('a', 2)]);
    // Nothing runs inside publish: the caller's own work is never held up by a listener.
    expect(heard).toEqual([]);
    await bus.idle();
    expect(heard.sort()).toEqual(['first 1', 'first 2', 'second 1', 'second 2']);
  });

  it('reports a listener that fails and still runs the others', async () => {
    const failures: string[] = [];
    const bus = new EventBus((err, listener, event) => failures.push(`${listener} ${event.name} ${String(err)}`));
    let ran = 0;
    bus.on('a', 'broken', () => {
      throw new Error('boom');
    });
    bus.on('a', 'fine', async () => {
      ran++;
    });
    bus.publish([ev('a')]);
    await bus.idle();
    expect(failures).toEqual(['broken a Error: boom']);
    expect(ran).toBe(1);
  });

  it('waits in idle() for work a listener started, and refuses a listener id twice', async () => {
    const bus = new EventBus(() => {});
    const order: string[] = [];
    bus.on('a', 'chain', () => bus.publish([ev('b')]));
    bus.on('b', 'slow', () => new Promise((r) => setTimeout(() => r(order.push('b done')), 20)));
    bus.publish([ev('a')]);
    await bus.idle();
    expect(order).toEqual(['b done']);
    expect(() => bus.on('a', 'chain', () => {})).toThrow('already registered');
  });

  it('forwards instead of running listeners when a forwarder is set (Inngest)', async () => {
    const bus = new EventBus(() => {});
    const forwarded: DomainEvent[] = [];
    let ran = 0;
    bus.on('a', 'local', () => void ran++);
    bus.forward = async (events) => void forwarded.push(...events);
    bus.publish([ev('a', 7)]);
    await bus.idle();
    expect(forwarded).toEqual([ev('a', 7)]);
    expect(ran).toBe(0);
  });

  it('runs a listener registered to stay here in this process even with a forwarder, and not twice', async () => {
    const bus = new EventBus(() => {});
    const forwarded: DomainEvent[] = [];
    const ran: string[] = [];
    bus.on('a', 'live', () => void ran.push('live'), { here: true });
    bus.on('a', 'durable', () => void ran.push('durable'));
    bus.forward = async (events) => void forwarded.push(...events);
    bus.publish([ev('a', 1)]);
    await bus.idle();
    expect(ran).toEqual(['live']);
    expect(forwarded).toEqual([ev('a', 1)]);
    expect(bus.registered().map((l) => l.id)).toEqual(['durable']);
    bus.forward = async () => {
      throw new Error('Inngest is away');
    };
    bus.publish([ev('a', 2)]);
    await bus.idle();
    expect(ran).toEqual(['live', 'live', 'durable']);
  });
});

describe('the event bus when Inngest cannot be told', () => {
  it('runs the listeners here instead, and reports the failure for each event', async () => {
    const failures: string[] = [];
    const bus = new EventBus((_err, listener, event) => failures.push(`${listener} ${event.name}`));
    let ran = 0;
    bus.on('a', 'local', () => void ran++);
    bus.forward = async () => {
      throw new Error('Inngest is away');
    };
    bus.publish([ev('a', 1), ev('a', 2)]);
    await bus.idle();
    expect(failures).toEqual(['forward a', 'forward a']);
    expect(ran).toBe(2);
  });
});

describe('the event log of a unit of work', () => {
  it('hands on what was emitted once, and forgets a run that starts over', () => {
    const log = new EventLog();
    const out: DomainEvent[] = [];
    const to = { publish: (events: readonly DomainEvent[]) => void out.push(...events) };
    log.emit(ev('dropped'));
    log.reset();
    log.emit(ev('kept'));
    log.flush(to);
    log.flush(to);
    expect(out.map((e) => e.name)).toEqual(['kept']);
  });
});
