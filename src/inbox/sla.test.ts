import { describe, expect, it } from 'vitest';
import { type SlaInput, slaDue, slaState } from './sla';

const T0 = new Date('2026-03-02T09:00:00Z');
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);
const base: SlaInput = {
  status: 'open',
  priority: 'high',
  waitingSince: T0,
  firstResponseAt: null,
  firstResponseDueAt: at(4),
  resolvedAt: null,
  resolutionDueAt: at(24),
};

describe('SLA state', () => {
  it('sets due times from the start of the cycle by priority', () => {
    expect(slaDue('urgent', T0)).toEqual({ firstResponseDueAt: at(1), resolutionDueAt: at(8) });
  });

  // The targets README promises, for every priority (hours to reply, hours to resolve).
  it.each([
    ['urgent', 1, 8],
    ['high', 4, 24],
    ['normal', 12, 72],
    ['low', 48, 7 * 24],
  ] as const)('gives %s a reply within %i h and a resolution within %i h', (priority, reply, resolve) => {
    expect(slaDue(priority, T0)).toEqual({ firstResponseDueAt: at(reply), resolutionDueAt: at(resolve) });
    // The reply target also drives the state of a waiting conversation with no stored due time.
    const waiting = { ...base, priority, firstResponseDueAt: null, resolutionDueAt: null };
    expect(slaState(waiting, T0)).toEqual({ overdue: null, nextDue: { kind: 'first-response', at: at(reply) } });
    expect(slaState({ ...waiting, firstResponseAt: T0 }, at(reply))).toEqual({
      overdue: 'next-response',
      nextDue: null,
    });
  });

  it('counts down to the first response, then marks it overdue', () => {
    expect(slaState(base, at(1))).toEqual({ overdue: null, nextDue: { kind: 'first-response', at: at(4) } });
    expect(slaState(base, at(5))).toEqual({ overdue: 'first-response', nextDue: null });
  });

  it('after a first response, counts the resolution until the author writes again', () => {
    const answered = { ...base, waitingSince: null, firstResponseAt: at(1) };
    expect(slaState(answered, at(2))).toEqual({ overdue: null, nextDue: { kind: 'resolution', at: at(24) } });
    expect(slaState(answered, at(25)).overdue).toBe('resolution');
  });

  it('gives a new question its own reply time, not the first response’s', () => {
    const askedAgain = { ...base, firstResponseAt: at(1), waitingSince: at(10) };
    expect(slaState(askedAgain, at(12))).toEqual({ overdue: null, nextDue: { kind: 'next-response', at: at(14) } });
    expect(slaState(askedAgain, at(15)).overdue).toBe('next-response');
  });

  it('keeps counting while a conversation is pending; overdue at the due minute itself (mutation survivors)', () => {
    expect(slaState({ ...base, status: 'pending' }, at(5))).toEqual({ overdue: 'first-response', nextDue: null });
    expect(slaState({ ...base, waitingSince: null, firstResponseAt: at(1) }, at(24)).overdue).toBe('resolution');
  });

  it('says nothing for closed, snoozed or spam conversations', () => {
    for (const status of ['closed', 'snoozed', 'spam'] as const)
      expect(slaState({ ...base, status }, at(100))).toEqual({ overdue: null, nextDue: null });
  });
});
