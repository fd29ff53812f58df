import { describe, expect, it } from 'vitest';
import { activeFilters, boundInstant, readStreamFilters, streamHref, toMentionFilters } from './stream-filters';

describe('readStreamFilters', () => {
  it('takes a UTC day or an instant as a bound, and drops what is neither', () => {
    expect(readStreamFilters({ from: '2026-12-01', to: '2026-12-07T22:59:59.999Z' })).toMatchObject({
      from: '2026-12-01',
      to: '2026-12-07T22:59:59.999Z',
    });
    expect(readStreamFilters({ from: '2026-02-30', to: 'soon' })).toMatchObject({ from: undefined, to: undefined });
  });

  it('reads blank fields as no filter and keeps known sources once, in order', () => {
    const f = readStreamFilters({ q: ' ', sentiment: '', source: 'community,x,mentions,community' });
    expect(activeFilters(f)).toEqual([{ key: 'source', value: 'mentions,community' }]);
  });
});

describe('streamHref', () => {
  const f = readStreamFilters({ q: 'acme', sentiment: 'negative', from: '2026-12-01', cursor: 'abc' });

  it('writes every filter back, and a change of filter starts from the newest page', () => {
    expect(streamHref(f)).toBe('/inbox/mentions?q=acme&sentiment=negative&from=2026-12-01');
    expect(streamHref(f, { sentiment: undefined })).toBe('/inbox/mentions?q=acme&from=2026-12-01');
    expect(streamHref(f, { cursor: 'next' })).toBe(
      '/inbox/mentions?q=acme&sentiment=negative&from=2026-12-01&cursor=next',
    );
  });

  it('reads a day as the whole UTC day, an instant as itself', () => {
    expect(boundInstant('2026-12-01', 'from').toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(boundInstant('2026-12-01', 'to').toISOString()).toBe('2026-12-01T23:59:59.999Z');
    expect(toMentionFilters(readStreamFilters({ to: '2026-11-30T23:00:00.000Z' }), 50).to?.toISOString()).toBe(
      '2026-11-30T23:00:00.000Z',
    );
  });
});
