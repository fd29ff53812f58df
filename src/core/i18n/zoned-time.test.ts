import { describe, expect, it } from 'vitest';
import { daysAhead, localDateTime, localDay, nextWeekday, zonedDay, zonedInstant } from './zoned-time';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('a wall-clock time read in a zone', () => {
  it.each([
    ['2026-12-08T09:00', BERLIN, '2026-12-08T08:00:00.000Z'],
    ['2026-07-08T09:00', BERLIN, '2026-07-08T07:00:00.000Z'],
    ['2026-12-08T09:00', NEW_YORK, '2026-12-08T14:00:00.000Z'],
    ['2026-07-08T09:00', NEW_YORK, '2026-07-08T13:00:00.000Z'],
    ['2026-12-08T09:00', 'UTC', '2026-12-08T09:00:00.000Z'],
    ['2026-12-08T09:00:30', 'Asia/Kolkata', '2026-12-08T03:30:30.000Z'],
  ])('%s in %s is %s', (local, zone, utc) => {
    expect(iso(zonedInstant(local, zone))).toBe(utc);
  });

  it('moves a time the clocks skip forward by the gap (Berlin 2027-03-28 02:30 is 03:30 summer time)', () => {
    expect(iso(zonedInstant('2027-03-28T02:30', BERLIN))).toBe('2027-03-28T01:30:00.000Z');
    expect(localDateTime(zonedInstant('2027-03-28T02:30', BERLIN)!, BERLIN)).toBe('2027-03-28T03:30');
    expect(iso(zonedInstant('2027-03-14T02:30', NEW_YORK))).toBe('2027-03-14T07:30:00.000Z');
    // Either side of the gap is read as is.
    expect(iso(zonedInstant('2027-03-28T01:59', BERLIN))).toBe('2027-03-28T00:59:00.000Z');
    expect(iso(zonedInstant('2027-03-28T03:00', BERLIN))).toBe('2027-03-28T01:00:00.000Z');
  });

  it('takes the earlier of a time that happens twice (Berlin 2026-10-25 02:30 is still summer time)', () => {
    expect(iso(zonedInstant('2026-10-25T02:30', BERLIN))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(zonedInstant('2026-11-01T01:30', NEW_YORK))).toBe('2026-11-01T05:30:00.000Z');
    // Outside the repeated hour there is one reading.
    expect(iso(zonedInstant('2026-10-25T03:00', BERLIN))).toBe('2026-10-25T02:00:00.000Z');
    expect(iso(zonedInstant('2026-10-25T01:59', BERLIN))).toBe('2026-10-24T23:59:00.000Z');
  });

  it('refuses text that is no real date and time, and zones that do not exist', () => {
    for (const text of ['', 'soon', '2026-02-30T09:00', '2026-12-08T24:00', '2026-12-08T09:60', '2026-12-08 09:00'])
      expect(zonedInstant(text, BERLIN)).toBeNull();
    expect(zonedInstant('2026-12-08T09:00', 'Mars/Olympus_Mons')).toBeNull();
  });

  it('shows an instant as the wall clock of the zone, the way back of reading it', () => {
    const at = new Date('2026-12-08T08:00:00Z');
    expect(localDateTime(at, BERLIN)).toBe('2026-12-08T09:00');
    expect(localDateTime(at, NEW_YORK)).toBe('2026-12-08T03:00');
    expect(localDay(new Date('2026-12-07T23:30:00Z'), BERLIN)).toBe('2026-12-08');
    expect(localDay(new Date('2026-12-08T03:30:00Z'), NEW_YORK)).toBe('2026-12-07');
    // The second 02:30 of the autumn night shows as 02:30 too.
    expect(localDateTime(new Date('2026-10-25T01:30:00Z'), BERLIN)).toBe('2026-10-25T02:30');
  });
});

describe('a calendar day in a zone', () => {
  it('runs from its midnight to the last millisecond before the next', () => {
    expect(zonedDay('2026-12-08', BERLIN)).toEqual({
      first: new Date('2026-12-07T23:00:00.000Z'),
      last: new Date('2026-12-08T22:59:59.999Z'),
    });
    expect(zonedDay('2026-12-08', NEW_YORK)).toEqual({
      first: new Date('2026-12-08T05:00:00.000Z'),
      last: new Date('2026-12-09T04:59:59.999Z'),
    });
  });

  it('is 23 hours long when the clocks go forward and 25 when they go back', () => {
    const hours = (day: string) => {
      const d = zonedDay(day, BERLIN)!;
      return (d.last.getTime() + 1 - d.first.getTime()) / 3_600_000;
    };
    expect(hours('2027-03-28')).toBe(23);
    expect(hours('2026-10-25')).toBe(25);
  });

  it('is null for no real day', () => {
    expect(zonedDay('2026-02-30', BERLIN)).toBeNull();
  });
});

describe('times counted from today in the viewer’s zone', () => {
  it('tomorrow 09:00 is the viewer’s tomorrow, not UTC’s', () => {
    // 23:30 in Berlin on the 7th is still the 7th in UTC (22:30).
    const lateEvening = new Date('2026-12-07T22:30:00Z');
    expect(iso(daysAhead(lateEvening, BERLIN, 1, { hour: 9 }))).toBe('2026-12-08T08:00:00.000Z');
    // 00:30 in Berlin on the 8th is the 7th in UTC: tomorrow is the 9th.
    expect(iso(daysAhead(new Date('2026-12-07T23:30:00Z'), BERLIN, 1, { hour: 9 }))).toBe('2026-12-09T08:00:00.000Z');
    expect(iso(daysAhead(new Date('2026-12-08T03:00:00Z'), NEW_YORK, 1, { hour: 9 }))).toBe('2026-12-08T14:00:00.000Z');
  });

  it('keeps 09:00 on the wall across a change of the clocks', () => {
    expect(iso(daysAhead(new Date('2027-03-27T12:00:00Z'), BERLIN, 1, { hour: 9 }))).toBe('2027-03-28T07:00:00.000Z');
  });

  it('next Monday is the coming one, a week on when today is Monday', () => {
    // 2026-12-07 is a Monday.
    expect(iso(nextWeekday(new Date('2026-12-07T10:00:00Z'), BERLIN, 1, { hour: 9 }))).toBe('2026-12-14T08:00:00.000Z');
    expect(iso(nextWeekday(new Date('2026-12-06T10:00:00Z'), BERLIN, 1, { hour: 9 }))).toBe('2026-12-07T08:00:00.000Z');
    // Sunday 20:00 in New York is Monday in UTC: still Sunday for the viewer, so next Monday is tomorrow.
    expect(iso(nextWeekday(new Date('2026-12-07T01:00:00Z'), NEW_YORK, 1, { hour: 9, minute: 30 }))).toBe(
      '2026-12-07T14:30:00.000Z',
    );
  });
});
