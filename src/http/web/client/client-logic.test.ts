import { describe, expect, it, vi } from 'vitest';
import { liveStep, nextOpen, openOf, placement, undoPatch, withOpen } from './inbox-logic';
import { fill } from './messages';
import { type Presence, presenceLines } from './presence';
import { refresher } from './refresher';

describe('where a live row goes in the inbox list', () => {
  const page = ['a', 'b', 'c'];
  it('replaces a row that kept its place, and moves one whose place changed', () => {
    expect(placement(page, 'b', { status: 200, after: 'a' })).toEqual({ kind: 'replace' });
    expect(placement(page, 'a', { status: 200, after: null })).toEqual({ kind: 'replace' });
    expect(placement(page, 'c', { status: 200, after: null })).toEqual({ kind: 'insert', after: null });
    expect(placement(page, 'a', { status: 200, after: 'b' })).toEqual({ kind: 'insert', after: 'b' });
  });

  it('inserts a new conversation after the row the server names, or first', () => {
    expect(placement(page, 'n', { status: 200, after: null })).toEqual({ kind: 'insert', after: null });
    expect(placement(page, 'n', { status: 200, after: 'c' })).toEqual({ kind: 'insert', after: 'c' });
  });

  it('removes a row that left the view (204) or whose place is beyond this page, and ignores one never shown', () => {
    expect(placement(page, 'b', { status: 204, after: null })).toEqual({ kind: 'remove' });
    expect(placement(page, 'b', { status: 200, after: 'z' })).toEqual({ kind: 'remove' });
    expect(placement(page, 'n', { status: 204, after: null })).toEqual({ kind: 'none' });
    expect(placement(page, 'n', { status: 200, after: 'z' })).toEqual({ kind: 'none' });
  });
});

describe('a live row while someone reads the list', () => {
  const page = ['a', 'b', 'c'];
  it('holds a new conversation back for the banner instead of pushing the rows down', () => {
    expect(liveStep(page, 'n', { status: 200, after: null })).toEqual({ kind: 'hold' });
    expect(liveStep(page, 'n', { status: 200, after: 'b' })).toEqual({ kind: 'hold' });
  });

  it('inserts at once into an empty list, and when the person’s own Undo brings a row back', () => {
    expect(liveStep([], 'n', { status: 200, after: null })).toEqual({ kind: 'insert', after: null });
    expect(liveStep(page, 'n', { status: 200, after: 'b' }, true)).toEqual({ kind: 'insert', after: 'b' });
  });

  it('updates a row whose place changed where it is, and still replaces and removes as before', () => {
    expect(liveStep(page, 'c', { status: 200, after: null })).toEqual({ kind: 'stay' });
    expect(liveStep(page, 'b', { status: 200, after: 'a' })).toEqual({ kind: 'replace' });
    expect(liveStep(page, 'b', { status: 204, after: null })).toEqual({ kind: 'remove' });
    expect(liveStep(page, 'n', { status: 204, after: null })).toEqual({ kind: 'none' });
  });
});

describe('what opens after a conversation leaves the split view', () => {
  it('is the next row the person saw, else the one before, else none', () => {
    const order = ['a', 'b', 'c', 'd'];
    expect(nextOpen(order, 'b', ['a', 'b', 'c', 'd'])).toBe('c');
    expect(nextOpen(order, 'b', ['a', 'd'])).toBe('d');
    expect(nextOpen(order, 'd', ['a', 'b', 'd'])).toBe('b');
    expect(nextOpen(order, 'a', ['a'])).toBeNull();
    expect(nextOpen(order, 'x', ['a', 'b'])).toBe('a');
  });
});

describe('what Undo sends', () => {
  const before = { status: 'open', assigneeId: null, snoozedUntil: null };
  it('puts back the status that was, with its snooze end', () => {
    expect(undoPatch(before, 'close')).toEqual({ status: 'open' });
    expect(undoPatch({ ...before, status: 'snoozed', snoozedUntil: '2026-12-08T09:00:00.000Z' }, 'close')).toEqual({
      status: 'snoozed',
      snoozedUntil: '2026-12-08T09:00:00.000Z',
    });
  });

  it('puts back the assignee that was, or none', () => {
    expect(undoPatch(before, 'assign')).toEqual({ assigneeId: null });
    expect(undoPatch({ ...before, assigneeId: 'u1' }, 'assign')).toEqual({ assigneeId: 'u1' });
  });
});

describe('the split view’s address', () => {
  it('names the open conversation beside the filters, and drops it when the pane closes', () => {
    const id = '0b7c4f0e-6a0e-4a2b-9a53-3f1f0c1d2e3f';
    expect(withOpen('?view=mine&sort=waiting', id)).toBe(`/inbox?view=mine&sort=waiting&open=${id}`);
    expect(withOpen(`?open=${id}`, null)).toBe('/inbox');
    expect(openOf(`?view=mine&open=${id}`)).toBe(id);
    expect(openOf('?open=../../settings')).toBeNull();
  });
});

describe('who else is on a conversation', () => {
  it('shows viewers and typists heard of in the last 30 s, and forgets the rest', () => {
    const now = 100_000;
    const present = new Map<string, Presence>([
      ['u1', { name: 'Ana', state: 'typing', at: now - 1_000 }],
      ['u2', { name: 'Ben', state: 'viewing', at: now - 29_000 }],
      ['u3', { name: 'Cy', state: 'viewing', at: now - 31_000 }],
      ['u4', { name: 'Di', state: 'left', at: now }],
    ]);
    const words = { typing: '{name} is typing a reply…', viewing: '{name} is viewing' };
    expect(presenceLines(present, now, words)).toEqual(['Ana is typing a reply…', 'Ben is viewing']);
    expect([...present.keys()]).toEqual(['u1', 'u2']);
  });
});

describe('the script’s words', () => {
  it('fill each slot of a template once, in the order the language puts them', () => {
    expect(fill('{name} schreibt gerade eine Antwort …', { name: 'Ana' })).toBe('Ana schreibt gerade eine Antwort …');
    expect(fill('({status}) {name}', { name: '{status}', status: 500 })).toBe('(500) {status}');
    expect(fill('{unknown} stays', {})).toBe('{unknown} stays');
  });
});

describe('a refresh asked for by live events', () => {
  it('runs once for a burst, and once more for events during a run', async () => {
    vi.useFakeTimers();
    try {
      let runs = 0;
      let finish: () => void = () => {};
      const ask = refresher(() => {
        runs++;
        return new Promise<void>((r) => (finish = r));
      }, 150);
      ask();
      ask();
      ask();
      await vi.advanceTimersByTimeAsync(150);
      expect(runs).toBe(1);
      ask();
      ask();
      await vi.advanceTimersByTimeAsync(150);
      expect(runs).toBe(1);
      finish();
      await vi.advanceTimersByTimeAsync(150);
      expect(runs).toBe(2);
      finish();
      await vi.advanceTimersByTimeAsync(1_000);
      expect(runs).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
