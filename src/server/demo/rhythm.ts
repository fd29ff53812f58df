import { seededRandom } from '../../core/seeded-random';

/**
 * When the demo's past posts were "written": 90 days of a brand's mentions with the rhythms real ones
 * have (busier on weekdays, quiet at night, a lunchtime and an evening peak, slowly growing) and one spike
 * (a storm that everybody talks about). Pure and seeded, so every demo has the same story.
 */
const HISTORY_DAYS = 90;
/** The day (counted back from today) everybody talked about the weather. */
const SPIKE_DAYS_AGO = 23;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** How much of a day's talk falls in each UTC hour: little at night, peaks at lunch and in the evening. */
const HOURLY = [
  1, 0.6, 0.4, 0.3, 0.3, 0.5, 1.2, 2.5, 4, 4.5, 4.8, 5, 6, 5.5, 4.8, 4.6, 4.8, 5.2, 6, 6.5, 6, 4.5, 3, 1.8,
];
const HOURLY_TOTAL = HOURLY.reduce((a, b) => a + b, 0);

/** Weekdays (Sunday first) weigh more than weekends. */
const WEEKDAY = [0.55, 1.05, 1.1, 1.05, 1, 0.9, 0.6];

export interface HistoryDay {
  /** Midnight UTC of the day. */
  day: Date;
  daysAgo: number;
  spike: boolean;
  /** When each of the day's posts was written, in time order, none after `now`. */
  times: Date[];
}

/**
 * The posts' times, day by day, oldest day first: about `perDay` posts on an average weekday of the
 * first week, growing by a third over the 90 days, with the spike day at six times its weekday.
 */
export function historyPlan(now: Date, perDay = 22, seed = 20): HistoryDay[] {
  const random = seededRandom(seed);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const plan: HistoryDay[] = [];
  for (let daysAgo = HISTORY_DAYS - 1; daysAgo >= 0; daysAgo--) {
    const day = new Date(today - daysAgo * DAY_MS);
    const spike = daysAgo === SPIKE_DAYS_AGO;
    const growth = 1 + (HISTORY_DAYS - daysAgo) / (3 * HISTORY_DAYS);
    const noise = 0.8 + 0.4 * random();
    const count = Math.max(2, Math.round(perDay * WEEKDAY[day.getUTCDay()]! * growth * noise * (spike ? 6 : 1)));
    const times: Date[] = [];
    for (let i = 0; i < count; i++) {
      const at = day.getTime() + pickHour(random) * HOUR_MS + Math.floor(random() * HOUR_MS);
      if (at <= now.getTime()) times.push(new Date(at));
    }
    times.sort((a, b) => a.getTime() - b.getTime());
    plan.push({ day, daysAgo, spike, times });
  }
  return plan;
}

function pickHour(random: () => number): number {
  let r = random() * HOURLY_TOTAL;
  for (let h = 0; h < HOURLY.length; h++) {
    r -= HOURLY[h]!;
    if (r < 0) return h;
  }
  return HOURLY.length - 1;
}
