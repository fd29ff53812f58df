import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';

const suggestsIdea = (post: string) => analyze(post).suggestsIdea;

describe('analyze(): suggestsIdea, a feature request sure enough for the community board', () => {
  it.each([
    'Please add dark mode to the app',
    'acme please add dark mode',
    'acme you should add an offline mode',
    'Bitte baut endlich einen Dark Mode ein',
  ])('suggests the request to the brand "%s"', (post) => {
    expect(suggestsIdea(post)).toBe(true);
  });

  it.each([
    'I need a kit kat..',
    'I need a nap so bad',
    'someone should invent a snooze button for Mondays',
    'wish I could sleep in tomorrow',
    'my order never arrived, can you help?',
  ])('leaves out "%s", which asks the brand for no feature', (post) => {
    expect(suggestsIdea(post)).toBe(false);
  });

  it('reads the post as analyze() does: entities decoded, links left out', () => {
    expect(suggestsIdea('please add dark mode to the app &amp; the site https://example.com/?q=add')).toBe(true);
  });
});
