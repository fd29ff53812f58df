import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buckets, MAX_SPAN_DAYS, resolveRange } from '../../src/reports/series';
import { createTestContext, type TestContext } from '../helpers/test-app';

const NOW = new Date('2026-12-06T10:00:00Z');
let t: TestContext;
let owner: string;
let analyst: string;

beforeAll(async () => {
  t = await createTestContext({ clock: () => NOW });
  const ws = await t.seedWorkspace('Range Co');
  owner = ws.token;
  analyst = (await t.seedUser(ws.workspace.id, 'analyst', 'analyst@range.test')).token;
});
afterAll(() => t.close());

const REPORTS = ['sentiment', 'share-of-voice', 'top-terms', 'authors', 'response-times', 'platforms', 'ratings'];

describe('report date ranges', () => {
  it('refuses a range ending in the year 9999 with 422 on every report, for analysts too; keeps serving', async () => {
    for (const report of REPORTS) {
      const res = await t.request('GET', `/api/v1/reports/${report}?to=9999-12-31`, { token: analyst });
      expect(res.status, report).toBe(422);
      expect(res.json.error.code).toBe('RANGE_END_TOO_LATE');
    }
    expect((await t.request('GET', '/health')).status).toBe(200);
  });

  it('refuses ranges that run backwards, start before 2000, end after tomorrow or span too long', async () => {
    const bad = [
      'from=2026-03-10&to=2026-03-01',
      'from=1999-12-31&to=2000-01-10',
      'to=2026-12-08',
      'from=0001-01-01&to=2026-01-01',
      'from=2026-02-30&to=2026-03-01',
      `from=2022-01-01&to=2026-12-01&interval=day`,
      `from=2015-01-01&to=2026-12-01&interval=week`,
    ];
    for (const q of bad)
      expect((await t.request('GET', `/api/v1/reports/sentiment?${q}`, { token: owner })).status, q).toBe(422);
  });

  it('accepts tomorrow (UTC) as the last day, and weekly ranges longer than daily ones may be', async () => {
    const r = await t.request('GET', '/api/v1/reports/sentiment?to=2026-12-07', { token: owner });
    expect(r.status).toBe(200);
    expect(r.json.range).toEqual({ from: '2026-11-08', to: '2026-12-07' });
    const weekly = await t.request('GET', '/api/v1/reports/sentiment?from=2023-01-02&to=2026-12-06&interval=week', {
      token: owner,
    });
    expect(weekly.status).toBe(200);
    expect(weekly.json.series[0].date).toBe('2023-01-02');
    expect(weekly.json.series.at(-1).date).toBe('2026-11-30');
  });

  it('answers the dashboard page for a year-9999 range with 422, the reason and the last 30 days', async () => {
    const session = await t.browserSession('owner@rangeco.test');
    const res = await t.app.request('/reports?preset=custom&to=9999-12-31', { headers: { cookie: session.cookie } });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Showing the last 30 days');
    expect(html).toContain('must not be after 2026-12-07');
  });

  it('bounds mention and inbox filters to sensible instants', async () => {
    for (const path of [
      '/api/v1/mentions?to=9999-12-31T00:00:00Z',
      '/api/v1/conversations?from=1970-01-01T00:00:00Z',
    ]) {
      expect((await t.request('GET', path, { token: owner })).status, path).toBe(422);
    }
    expect((await t.request('GET', '/api/v1/mentions?from=2026-01-01T00:00:00Z', { token: owner })).status).toBe(200);
  });
});

describe('resolveRange and buckets', () => {
  it('computes on day numbers, so a range near the end of the calendar is refused, not looped over', () => {
    expect(() => resolveRange({ from: '9999-12-01', to: '9999-12-31' }, NOW)).toThrow(/must not be after 2026-12-07/);
    expect(buckets({ from: '2026-12-28', to: '2027-01-03' }, 'day')).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
    expect(buckets({ from: '2026-12-31', to: '2027-01-14' }, 'week')).toEqual([
      '2026-12-28',
      '2027-01-04',
      '2027-01-11',
    ]);
  });

  it('allows exactly the maximum span of each interval and refuses one day more', () => {
    const to = '2026-12-06';
    const daysBefore = (n: number) =>
      new Date(Date.parse(`${to}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
    for (const interval of ['day', 'week'] as const) {
      const max = MAX_SPAN_DAYS[interval];
      expect(resolveRange({ from: daysBefore(max - 1), to, interval }, NOW)).toEqual({ from: daysBefore(max - 1), to });
      expect(() => resolveRange({ from: daysBefore(max), to, interval }, NOW)).toThrow(/at most/);
    }
  });
});
