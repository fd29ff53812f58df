import { useT } from '../../http/web/i18n';
import { contactMessages as m } from '../messages';

/**
 * Weekly mean sentiment as bars around a zero line, drawn on the server as inline SVG: no script,
 * no inline style (the CSP allows neither), colours from the stylesheet. Weeks without mentions
 * stay empty slots, so the gaps between conversations show.
 */
export interface SentimentWeek {
  week: string;
  mean: number;
  count: number;
}

const W = 100;
const H = 40;
const MID = H / 2;
/** At most a year of weeks, ending at the latest; at least a quarter's worth of slots, so one week is not one wall. */
const MAX_WEEKS = 52;
const MIN_SLOTS = 13;
const WEEK_MS = 7 * 86_400_000;

/** A mean to two places with its sign: "+0.12", "-0.04" ("+0,12" in German). */
const signed = (n: number) =>
  useT().number(n, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });

/** A week's first day (a calendar date, so in no time zone) in the viewer's language: "Jan 5, 2026". */
const weekDate = (week: string) =>
  useT().intl.formatDate(`${week}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' });

/** Every week from the first to the last with data (the last MAX_WEEKS of them), empty ones as null. */
export function weekSlots(weeks: SentimentWeek[]): { week: string; data: SentimentWeek | null }[] {
  if (weeks.length === 0) return [];
  const at = (w: SentimentWeek) => Date.parse(`${w.week}T00:00:00Z`);
  const last = at(weeks.at(-1)!);
  const count = Math.min(MAX_WEEKS, Math.round((last - at(weeks[0]!)) / WEEK_MS) + 1);
  const out = Array.from({ length: count }, (_, i) => ({
    week: new Date(last - (count - 1 - i) * WEEK_MS).toISOString().slice(0, 10),
    data: null as SentimentWeek | null,
  }));
  for (const w of weeks) {
    // Rounded, so a week start shifted by a daylight-saving hour still lands in its slot.
    const i = count - 1 - Math.round((last - at(w)) / WEEK_MS);
    if (i >= 0) out[i] = { week: w.week, data: w };
  }
  return out;
}

export function SentimentChart(props: { weeks: SentimentWeek[] }) {
  const { t } = useT();
  const slots = weekSlots(props.weeks);
  if (slots.length === 0) return <p class="muted small">{t(m.chartEmpty)}</p>;
  const shown = slots.flatMap((s) => (s.data ? [s.data] : []));
  const n = Math.max(slots.length, MIN_SLOTS);
  // Fewer weeks than slots: the bars sit at the right, where "now" is.
  const offset = n - slots.length;
  const slot = W / n;
  const gap = slot * 0.2;
  const mentions = shown.reduce((sum, w) => sum + w.count, 0);
  const mean = shown.reduce((sum, w) => sum + w.mean * w.count, 0) / Math.max(1, mentions);
  const summary = t(m.chartSummary, { mentions, weeks: shown.length, mean: signed(mean) });
  return (
    <figure class="chart" data-testid="sentiment-chart">
      <svg class="spark" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={summary}>
        <title>{summary}</title>
        {slots.map((s, i) => {
          if (!s.data) return null;
          const v = Math.max(-1, Math.min(1, s.data.mean));
          // Even a flat week shows as a sliver, so each week with mentions is visible.
          const h = Math.max(0.6, Math.abs(v) * (MID - 1));
          const y = v >= 0 ? MID - h : MID;
          const title = t(m.chartWeek, { week: weekDate(s.week), mean: signed(s.data.mean), count: s.data.count });
          return (
            <rect
              class={v > 0.05 ? 'bar-positive' : v < -0.05 ? 'bar-negative' : 'bar-neutral'}
              x={((offset + i) * slot + gap / 2).toFixed(2)}
              y={y.toFixed(2)}
              width={(slot - gap).toFixed(2)}
              height={h.toFixed(2)}
            >
              <title>{title}</title>
            </rect>
          );
        })}
        <line x1="0" y1={String(MID)} x2={String(W)} y2={String(MID)} class="zero" vector-effect="non-scaling-stroke" />
      </svg>
      <figcaption class="muted small">
        <span>{slots.length > 1 ? t(m.chartWeekOf, { week: weekDate(slots[0]!.week) }) : ''}</span>
        <span>{summary}</span>
        <span>{t(m.chartWeekOf, { week: weekDate(slots.at(-1)!.week) })}</span>
      </figcaption>
    </figure>
  );
}
