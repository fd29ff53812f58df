/**
 * Charts drawn on the server by Apache ECharts (its SVG server-side renderer, no DOM needed) and
 * handed to the page as <img> data URIs: no script, nothing inline the CSP forbids, crisp when
 * printed. Each chart on the page also has its data as a table and a CSV link. ECharts is loaded
 * on first use, so pages that draw no chart never load it.
 */
type ECharts = typeof import('echarts');
let loaded: Promise<ECharts> | null = null;
const load = () => (loaded ??= import('echarts'));

export const SENTIMENT_COLORS = {
  positive: '#43a047',
  neutral: '#90a4ae',
  negative: '#e53935',
  uncertain: '#ffb74d',
  unscored: '#cfd8dc',
  net: '#3d5afe',
} as const;

/**
 * What a chart says in the viewer's language: its legend's and axes' words, its days ("2026-12-07" as
 * "7 Dec") and its numbers. The page makes it from the request's translator (reports/pages.tsx).
 */
export interface ChartText {
  series: (name: keyof typeof SENTIMENT_COLORS) => string;
  axis: { mentions: string; net: string; minutes: string; reviews: string; average: string };
  day: (date: string) => string;
  number: (n: number) => string;
  /** A percentage given in points (12.5 → "12.5%"). */
  percent: (points: number) => string;
}

/**
 * Each chart is drawn twice: `wide` for the dashboard's cards on a screen (drawn at about the width it is shown,
 * so every chart's words come out the same size) and `narrow` for a phone, shown at full width under 720 px
 * (fewer ticks, the legend above on its own lines, room for the axes' words).
 */
export type ChartWidth = 'wide' | 'narrow';
/** Drawn widths in px: a full-width card, a half-width card, and any card on a phone. */
const WIDTHS = { full: 980, half: 480, narrow: 340 } as const;
const FONT = 13;

/** Value axes write their numbers as the viewer does ("1.000" in German); fewer of them on a phone. */
const valueAxis = (text: ChartText, width: ChartWidth, more: Record<string, unknown> = {}) => ({
  type: 'value',
  splitNumber: width === 'narrow' ? 3 : 5,
  axisLabel: { formatter: (v: number) => text.number(v), fontSize: FONT - 1 },
  nameTextStyle: { fontSize: FONT - 1 },
  ...more,
});

/** A category axis whose words are left out where they would overlap (many days on a phone). */
const categoryAxis = (data: string[], more: Record<string, unknown> = {}) => ({
  type: 'category',
  data,
  axisLabel: { fontSize: FONT - 1, hideOverlap: true },
  ...more,
});

const BASE = {
  animation: false,
  textStyle: { fontFamily: 'system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif', fontSize: FONT },
};

/** The legend on top; on a phone it wraps to more lines, so the plot starts lower. */
const legendFor = (width: ChartWidth) => ({
  top: 0,
  itemGap: width === 'narrow' ? 8 : 12,
  itemWidth: width === 'narrow' ? 16 : 25,
  textStyle: { fontSize: FONT - 1 },
});

/** One chart as an SVG data URI. */
export async function renderChart(
  option: Record<string, unknown>,
  size: { width: number; height: number },
): Promise<string> {
  const echarts = await load();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ ...BASE, ...option });
    return `data:image/svg+xml;base64,${Buffer.from(chart.renderToSVGString()).toString('base64')}`;
  } finally {
    chart.dispose();
  }
}

export interface VolumePoint {
  date: string;
  positive: number;
  neutral: number;
  negative: number;
  uncertain: number;
  unscored: number;
  net: number;
}

/**
 * Net sentiment of a bucket, or null when it had no positive or negative mention: nothing to weigh is a gap
 * in the line, not a net of 0.
 */
export const netOrGap = (p: { positive: number; negative: number; net: number }): number | null =>
  p.positive + p.negative ? p.net : null;

/** Volume by sentiment as stacked bars, net sentiment as a line on its own axis (−100..100), gaps where none. */
export const volumeChart = (points: VolumePoint[], text: ChartText, width: ChartWidth = 'wide') =>
  renderChart(
    {
      legend: legendFor(width),
      grid:
        width === 'narrow'
          ? { left: 8, right: 8, top: 78, bottom: 8, containLabel: true }
          : { left: 56, right: 56, top: 44, bottom: 32 },
      xAxis: categoryAxis(points.map((p) => text.day(p.date))),
      // Axis names sit over their axes, inwards, so a narrow drawing does not cut them at its edges.
      yAxis: [
        valueAxis(text, width, { name: text.axis.mentions, nameTextStyle: { fontSize: FONT - 1, align: 'left' } }),
        valueAxis(text, width, {
          name: text.axis.net,
          nameTextStyle: { fontSize: FONT - 1, align: 'right' },
          min: -100,
          max: 100,
          splitLine: { show: false },
        }),
      ],
      series: [
        ...(['positive', 'neutral', 'negative', 'uncertain', 'unscored'] as const).map((k) => ({
          name: text.series(k),
          type: 'bar',
          stack: 'volume',
          itemStyle: { color: SENTIMENT_COLORS[k] },
          data: points.map((p) => p[k]),
        })),
        {
          name: text.series('net'),
          type: 'line',
          yAxisIndex: 1,
          symbol: 'none',
          connectNulls: false,
          itemStyle: { color: SENTIMENT_COLORS.net },
          data: points.map(netOrGap),
        },
      ],
    },
    width === 'narrow' ? { width: WIDTHS.narrow, height: 300 } : { width: WIDTHS.full, height: 320 },
  );

/** Bars by sentiment per row, longest first: counts (top terms) or percent of all (share of voice). */
function sentimentBars(
  items: { name: string; positive: number; neutral: number; negative: number; uncertain?: number; other?: number }[],
  text: ChartText,
  width: ChartWidth,
  unit: 'count' | 'percent',
  card: 'full' | 'half',
) {
  const keys = ['positive', 'neutral', 'negative', 'uncertain', 'other'] as const;
  const shown = keys.filter((k) => items.some((i) => (i[k] ?? 0) > 0) || k === 'positive');
  const name = (k: (typeof keys)[number]) => text.series(k === 'other' ? 'unscored' : k);
  const color = (k: (typeof keys)[number]) => SENTIMENT_COLORS[k === 'other' ? 'unscored' : k];
  const axisText = unit === 'percent' ? (v: number) => text.percent(v) : (v: number) => text.number(v);
  const narrow = width === 'narrow';
  return renderChart(
    {
      legend: legendFor(width),
      grid: narrow
        ? { left: 8, right: 12, top: 56, bottom: 8, containLabel: true }
        : { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      yAxis: categoryAxis(
        items.map((i) => i.name),
        { inverse: true, axisLabel: { fontSize: FONT - 1, width: narrow ? 96 : 130, overflow: 'truncate' } },
      ),
      xAxis: valueAxis(text, width, {
        axisLabel: { formatter: axisText, fontSize: FONT - 1, hideOverlap: true },
        ...(unit === 'percent' ? { max: (v: { max: number }) => Math.min(100, Math.ceil(v.max / 10) * 10) } : {}),
      }),
      series: shown.map((k) => ({
        name: name(k),
        type: 'bar',
        stack: 'bars',
        itemStyle: { color: color(k) },
        data: items.map((i) => i[k] ?? 0),
      })),
    },
    { width: narrow ? WIDTHS.narrow : WIDTHS[card], height: Math.max(160, (narrow ? 80 : 64) + items.length * 28) },
  );
}

/**
 * Share of voice in percent: each topic's part of all the listed topics' mentions, split by sentiment, so a
 * bar is as long as the topic's share (uncertain and unscored ones included, so the parts add up).
 */
export const voiceChart = (
  items: { name: string; positive: number; neutral: number; negative: number; uncertain: number; total: number }[],
  text: ChartText,
  width: ChartWidth = 'wide',
) => {
  const all = items.reduce((a, i) => a + i.total, 0) || 1;
  const pct = (n: number) => Math.round((n / all) * 1000) / 10;
  return sentimentBars(
    items.map((i) => ({
      name: i.name,
      positive: pct(i.positive),
      neutral: pct(i.neutral),
      negative: pct(i.negative),
      uncertain: pct(i.uncertain),
      other: pct(i.total - i.positive - i.neutral - i.negative - i.uncertain),
    })),
    text,
    width,
    'percent',
    'half',
  );
};

/** The most used terms, each split by sentiment, most used first (a card of the page's full width). */
export const termsChart = (
  items: { name: string; positive: number; neutral: number; negative: number; total: number }[],
  text: ChartText,
  width: ChartWidth = 'wide',
) =>
  sentimentBars(
    items.map((i) => ({ ...i, other: i.total - i.positive - i.neutral - i.negative })),
    text,
    width,
    'count',
    'full',
  );

/** Mentions by platform as a doughnut; on a phone with the legend above and the counts in it. */
export const platformChart = (items: { name: string; total: number }[], text: ChartText, width: ChartWidth = 'wide') =>
  renderChart(
    width === 'narrow'
      ? {
          legend: { ...legendFor(width), formatter: (name: string) => `${name}: ${count(items, name, text)}` },
          series: [
            {
              type: 'pie',
              radius: ['38%', '68%'],
              top: 56,
              label: { show: false },
              data: items.map((i) => ({ name: i.name, value: i.total })),
            },
          ],
        }
      : {
          legend: legendFor(width),
          series: [
            {
              type: 'pie',
              radius: ['40%', '68%'],
              top: 30,
              label: {
                fontSize: FONT - 1,
                formatter: (p: { name: string; value: number }) => `${p.name}: ${text.number(p.value)}`,
              },
              data: items.map((i) => ({ name: i.name, value: i.total })),
            },
          ],
        },
    width === 'narrow' ? { width: WIDTHS.narrow, height: 260 } : { width: WIDTHS.half, height: 300 },
  );
const count = (items: { name: string; total: number }[], name: string, text: ChartText) =>
  text.number(items.find((i) => i.name === name)?.total ?? 0);

/** Median first response per agent, in minutes, fastest first. */
export const responseChart = (
  items: { name: string; minutes: number }[],
  text: ChartText,
  width: ChartWidth = 'wide',
) =>
  renderChart(
    {
      grid: { left: 8, right: 40, top: 28, bottom: 8, containLabel: true },
      legend: { show: false },
      yAxis: categoryAxis(
        items.map((i) => i.name),
        {
          inverse: true,
          axisLabel: { fontSize: FONT - 1, width: width === 'narrow' ? 96 : 130, overflow: 'truncate' },
        },
      ),
      xAxis: valueAxis(text, width, { name: text.axis.minutes }),
      series: [
        {
          type: 'bar',
          itemStyle: { color: SENTIMENT_COLORS.net },
          label: { show: true, position: 'right', formatter: (p: { value: number }) => text.number(p.value) },
          data: items.map((i) => i.minutes),
        },
      ],
    },
    {
      width: width === 'narrow' ? WIDTHS.narrow : WIDTHS.half,
      height: Math.max(140, 50 + items.length * 32),
    },
  );

/** How many reviews gave each number of stars, with the average rating per week as a line (stacked on a phone). */
export const ratingsChart = (
  distribution: Record<1 | 2 | 3 | 4 | 5, number>,
  weeks: { week: string; average: number }[],
  text: ChartText,
  width: ChartWidth = 'wide',
) =>
  renderChart(
    {
      grid:
        width === 'narrow'
          ? [
              { left: 8, right: 12, top: 28, height: 130, containLabel: true },
              { left: 8, right: 12, top: 210, height: 130, containLabel: true },
            ]
          : [
              { left: 8, right: '55%', top: 36, bottom: 8, containLabel: true },
              { left: '55%', right: 16, top: 36, bottom: 8, containLabel: true },
            ],
      legend: { show: false },
      xAxis: [
        categoryAxis(['1★', '2★', '3★', '4★', '5★'], { gridIndex: 0 }),
        categoryAxis(
          weeks.map((w) => text.day(w.week)),
          { gridIndex: 1 },
        ),
      ],
      yAxis: [
        valueAxis(text, width, { gridIndex: 0, name: text.axis.reviews }),
        valueAxis(text, width, { gridIndex: 1, name: text.axis.average, min: 1, max: 5 }),
      ],
      series: [
        {
          type: 'bar',
          xAxisIndex: 0,
          yAxisIndex: 0,
          itemStyle: { color: '#f5a623' },
          data: [1, 2, 3, 4, 5].map((r) => distribution[r as 1]),
        },
        {
          type: 'line',
          xAxisIndex: 1,
          yAxisIndex: 1,
          itemStyle: { color: SENTIMENT_COLORS.net },
          data: weeks.map((w) => w.average),
        },
      ],
    },
    width === 'narrow' ? { width: WIDTHS.narrow, height: 370 } : { width: WIDTHS.half, height: 260 },
  );
