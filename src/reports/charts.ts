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
}

/** Value axes write their numbers as the viewer does ("1.000" in German). */
const valueAxis = (text: ChartText, more: Record<string, unknown> = {}) => ({
  type: 'value',
  axisLabel: { formatter: (v: number) => text.number(v) },
  ...more,
});

const BASE = {
  animation: false,
  textStyle: { fontFamily: 'system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif' },
  grid: { left: 48, right: 48, top: 36, bottom: 32 },
  legend: { top: 0 },
};

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

/** Volume by sentiment as stacked bars, net sentiment as a line on its own axis (−100..100). */
export const volumeChart = (points: VolumePoint[], text: ChartText) =>
  renderChart(
    {
      xAxis: { type: 'category', data: points.map((p) => text.day(p.date)) },
      yAxis: [
        valueAxis(text, { name: text.axis.mentions }),
        valueAxis(text, { name: text.axis.net, min: -100, max: 100, splitLine: { show: false } }),
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
          itemStyle: { color: SENTIMENT_COLORS.net },
          data: points.map((p) => p.net),
        },
      ],
    },
    { width: 960, height: 320 },
  );

/** Share of voice: each topic's mentions, split by sentiment, longest bar first. */
export const shareChart = (
  items: { name: string; positive: number; neutral: number; negative: number; total: number }[],
  text: ChartText,
) =>
  renderChart(
    {
      grid: { left: 120, right: 24, top: 36, bottom: 24 },
      yAxis: { type: 'category', inverse: true, data: items.map((i) => i.name) },
      xAxis: valueAxis(text),
      series: (['positive', 'neutral', 'negative'] as const).map((k) => ({
        name: text.series(k),
        type: 'bar',
        stack: 'voice',
        itemStyle: { color: SENTIMENT_COLORS[k] },
        data: items.map((i) => i[k]),
      })),
    },
    { width: 640, height: Math.max(160, 60 + items.length * 36) },
  );

/** Mentions by platform as a doughnut. */
export const platformChart = (items: { name: string; total: number }[], text: ChartText) =>
  renderChart(
    {
      legend: { top: 0, type: 'plain' },
      series: [
        {
          type: 'pie',
          radius: ['40%', '70%'],
          top: 30,
          label: { formatter: (p: { name: string; value: number }) => `${p.name}: ${text.number(p.value)}` },
          data: items.map((i) => ({ name: i.name, value: i.total })),
        },
      ],
    },
    { width: 480, height: 300 },
  );

/** Median first response per agent, in minutes, fastest first. */
export const responseChart = (items: { name: string; minutes: number }[], text: ChartText) =>
  renderChart(
    {
      grid: { left: 140, right: 24, top: 24, bottom: 28 },
      legend: { show: false },
      yAxis: { type: 'category', inverse: true, data: items.map((i) => i.name) },
      xAxis: valueAxis(text, { name: text.axis.minutes }),
      series: [
        {
          type: 'bar',
          itemStyle: { color: SENTIMENT_COLORS.net },
          label: { show: true, position: 'right', formatter: (p: { value: number }) => text.number(p.value) },
          data: items.map((i) => i.minutes),
        },
      ],
    },
    { width: 640, height: Math.max(140, 50 + items.length * 32) },
  );

/** How many reviews gave each number of stars, with the average rating per week as a line. */
export const ratingsChart = (
  distribution: Record<1 | 2 | 3 | 4 | 5, number>,
  weeks: { week: string; average: number }[],
  text: ChartText,
) =>
  renderChart(
    {
      grid: [
        { left: 40, right: '55%', top: 36, bottom: 28 },
        { left: '55%', right: 24, top: 36, bottom: 28 },
      ],
      legend: { show: false },
      xAxis: [
        { gridIndex: 0, type: 'category', data: ['1★', '2★', '3★', '4★', '5★'] },
        { gridIndex: 1, type: 'category', data: weeks.map((w) => text.day(w.week)) },
      ],
      yAxis: [
        valueAxis(text, { gridIndex: 0, name: text.axis.reviews }),
        valueAxis(text, { gridIndex: 1, name: text.axis.average, min: 1, max: 5 }),
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
    { width: 640, height: 260 },
  );
