import { describe, expect, it } from 'vitest';
import { conversationHref, leftTheList, listContext, listHref, nextInList } from './after-triage';

const ME = '11111111-1111-4111-8111-111111111111';
const BO = '22222222-2222-4222-8222-222222222222';
const open = { status: 'open' as const, assigneeId: null };

describe('whether a triage change takes a conversation out of the viewer’s list', () => {
  it('counts closing, snoozing (again, too) and spam', () => {
    expect(leftTheList(open, { status: 'closed' }, ME)).toBe(true);
    expect(leftTheList(open, { status: 'snoozed' }, ME)).toBe(true);
    expect(leftTheList({ status: 'snoozed', assigneeId: null }, { status: 'snoozed' }, ME)).toBe(true);
    expect(leftTheList(open, { status: 'spam' }, ME)).toBe(true);
    expect(leftTheList(open, { status: 'pending' }, ME)).toBe(false);
    expect(leftTheList({ status: 'closed', assigneeId: null }, { status: 'open' }, ME)).toBe(false);
    // The same status again is no change.
    expect(leftTheList({ status: 'closed', assigneeId: null }, { status: 'closed' }, ME)).toBe(false);
  });

  it('counts assigning it away or giving it up, not taking it or a priority', () => {
    expect(leftTheList(open, { assigneeId: BO }, ME)).toBe(true);
    expect(leftTheList({ status: 'open', assigneeId: ME }, { assigneeId: null }, ME)).toBe(true);
    expect(leftTheList({ status: 'open', assigneeId: ME }, { assigneeId: BO }, ME)).toBe(true);
    expect(leftTheList(open, { assigneeId: ME }, ME)).toBe(false);
    expect(leftTheList({ status: 'open', assigneeId: BO }, { assigneeId: BO }, ME)).toBe(false);
    // Unassigning someone else's is tidying up, not leaving one's own work.
    expect(leftTheList({ status: 'open', assigneeId: BO }, { assigneeId: null }, ME)).toBe(false);
    expect(leftTheList(open, {}, ME)).toBe(false);
  });
});

describe('the next conversation', () => {
  it('is the one after it in the list, else the first of the rest, else none', () => {
    expect(nextInList(['a', 'b', 'c'], 'b')).toBe('c');
    expect(nextInList(['a', 'b', 'c'], 'c')).toBe('a');
    expect(nextInList(['a', 'b'], 'x')).toBe('a');
    expect(nextInList(['b'], 'b')).toBeNull();
    expect(nextInList([], 'b')).toBeNull();
  });
});

describe('the list a conversation was opened from', () => {
  it('keeps only the inbox’s filters, from the page’s parameter or the page it came from', () => {
    expect(listContext('view=mine&sort=waiting&ok=bulk&next=//evil', undefined)).toBe('view=mine&sort=waiting');
    expect(listContext(undefined, 'http://host/inbox?view=unassigned&cursor=abc')).toBe('view=unassigned');
    expect(listContext(undefined, `http://host/inbox/c/${BO}?list=view%3Dmine`)).toBe('view=mine');
    expect(listContext(undefined, 'http://host/contacts?view=mine')).toBe('');
    expect(listContext('view=nonsense', undefined)).toBe('');
    // The page's own parameter wins, even empty (the default list).
    expect(listContext('', 'http://host/inbox?view=mine')).toBe('');
  });

  it('makes links that carry it', () => {
    expect(conversationHref(BO, 'view=mine', 'next')).toBe(`/inbox/c/${BO}?list=view%3Dmine&ok=next`);
    expect(conversationHref(BO, '')).toBe(`/inbox/c/${BO}`);
    expect(listHref('view=mine', 'updated')).toBe('/inbox?view=mine&ok=updated');
    expect(listHref('', 'updated')).toBe('/inbox?ok=updated');
  });
});
