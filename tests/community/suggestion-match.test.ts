import { describe, expect, it } from 'vitest';
import { closestIdeas, matchIdea, strengthOf, subjectTerms } from '../../src/community/suggestion-match';

const CALENDAR = { id: 'cal', title: 'Calendar sync', body: 'with Google' };
const DARK = { id: 'dark', title: 'Dark theme for the dashboard', body: 'Easier on the eyes at night' };
const EXPORT = { id: 'pdf', title: 'Export reports as PDF', body: '' };

describe('which idea a suggested mention is like, and why', () => {
  it('leaves out the words every request has ("please add", "would love")', () => {
    expect(subjectTerms(['please', 'add', 'google', 'calendar', 'sync'])).toEqual(['google', 'calendar', 'sync']);
    expect(subjectTerms(['Love', 'export', 'pdf', 'feature', 'please', 'export'])).toEqual(['export', 'pdf']);
  });

  it('calls an idea sharing most of what the post is about a close match, naming the shared words', () => {
    const m = matchIdea(['please', 'add', 'google', 'calendar', 'sync'], CALENDAR);
    expect(m.shared).toEqual(['google', 'calendar', 'sync']);
    // calendar and sync in the title (1 each), google in the details (½), of three terms.
    expect(m.score).toBeCloseTo(2.5 / 3);
    expect(m.strength).toBe('close');
  });

  it('meets a word in another form ("calendars", "syncing") but not a mere start ("cal")', () => {
    expect(matchIdea(['calendars', 'syncing'], CALENDAR).shared).toEqual(['calendars', 'syncing']);
    expect(matchIdea(['cal'], CALENDAR).shared).toEqual([]);
  });

  it('calls a single shared word among many partly alike or weak, never close', () => {
    const dark = matchIdea(['please', 'add', 'dark', 'mode', 'white', 'background', 'hurts', 'night'], DARK);
    expect(dark.shared).toEqual(['dark', 'night']);
    expect(dark.strength).toBe('partial');
    const weak = matchIdea(['offline', 'mode', 'trains', 'maps', 'night'], DARK);
    expect(weak.shared).toEqual(['night']);
    expect(weak.strength).toBe('weak');
    // A high score from one word alone is not close either: one word is too little to choose for a person.
    expect(strengthOf(1, 1)).toBe('partial');
  });

  it('orders the ideas that share anything, closest first, and leaves out the ones that share nothing', () => {
    const terms = ['please', 'add', 'google', 'calendar', 'sync', 'night'];
    expect(closestIdeas(terms, [DARK, EXPORT, CALENDAR]).map((m) => m.ideaId)).toEqual(['cal', 'dark']);
    expect(closestIdeas(['train', 'tickets'], [DARK, EXPORT, CALENDAR])).toEqual([]);
    expect(closestIdeas([], [DARK])).toEqual([]);
  });
});
