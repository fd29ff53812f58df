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
export const volumeChart = (points: VolumePoint[]) =>
  renderChart(
    {
      xAxis: { type: 'category', data: points.map((p) => p.date.slice(5)) },
      yAxis: [
        { type: 'value', name: 'mentions' },
        { type: 'value', name: 'net', min: -100, max: 100, splitLine: { show: false } },
      ],
      series: [
        ...(['positive', 'neutral', 'negative', 'uncertain', 'unscored'] as const).map((k) => ({
          name: k,
          type: 'bar',
          stack: 'volume',
          itemStyle: { color: SENTIMENT_COLORS[k] },
          data: points.map((p) => p[k]),
        })),
        {
          name: 'net',
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
) =>
  renderChart(
    {
      grid: { left: 120, right: 24, top: 36, bottom: 24 },
      yAxis: { type: 'category', inverse: true, data: items.map((i) => i.name) },
      xAxis: { type: 'value' },
      series: (['positive', 'neutral', 'negative'] as const).map((k) => ({
        name: k,
        type: 'bar',
        stack: 'voice',
        itemStyle: { color: SENTIMENT_COLORS[k] },
        data: items.map((i) => i[k]),
      })),
    },
    { width: 640, height: Math.max(160, 60 + items.length * 36) },
  );

/** Mentions by platform as a doughnut. */
export const platformChart = (items: { name: string; total: number }[]) =>
  renderChart(
    {
      legend: { top: 0, type: 'plain' },
      series: [
        {
          type: 'pie',
          radius: ['40%', '70%'],
          top: 30,
          label: { formatter: '{b}: {c}' },
          data: items.map((i) => ({ name: i.name, value: i.total })),
        },
      ],
    },
    { width: 480, height: 300 },
  );

/** Median first response per agent, in minutes, fastest first. */
export const responseChart = (items: { name: string; minutes: number }[]) =>
  renderChart(
    {
      grid: { left: 140, right: 24, top: 24, bottom: 28 },
      legend: { show: false },
      yAxis: { type: 'category', inverse: true, data: items.map((i) => i.name) },
      xAxis: { type: 'value', name: 'minutes' },
      series: [
        {
          type: 'bar',
          itemStyle: { color: SENTIMENT_COLORS.net },
          label: { show: true, position: 'right' },
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
        { gridIndex: 1, type: 'category', data: weeks.map((w) => w.week.slice(5)) },
      ],
      yAxis: [
        { gridIndex: 0, type: 'value', name: 'reviews' },
        { gridIndex: 1, type: 'value', name: 'average', min: 1, max: 5 },
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
