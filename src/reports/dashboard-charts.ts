import type { ChartCache } from './chart-cache';
import {
  type ChartText,
  type ChartWidth,
  netOrGap,
  platformChart,
  ratingsChart,
  responseChart,
  termsChart,
  type VolumePoint,
  voiceChart,
  volumeChart,
} from './charts';

/** A chart in both widths: `wide` for screens, `narrow` for phones (the page picks by the viewport). */
export interface Picture {
  wide: string;
  narrow: string;
}

export interface DashboardCharts {
  volume: Picture | null;
  voice: Picture | null;
  platforms: Picture | null;
  responses: Picture | null;
  ratings: Picture | null;
  terms: Picture | null;
}

/** The numbers each chart is drawn from, as the rollups answered them for this request. */
export interface ChartNumbers {
  series: VolumePoint[];
  voice: { name: string; positive: number; neutral: number; negative: number; uncertain: number; total: number }[];
  platforms: { name: string; total: number }[];
  responses: { name: string; minutes: number }[];
  ratings: {
    total: number;
    distribution: Record<1 | 2 | 3 | 4 | 5, number>;
    weeks: { week: string; average: number }[];
  };
  terms: { name: string; positive: number; neutral: number; negative: number; total: number }[];
}

/**
 * The dashboard's charts, each drawn only when its numbers differ from the ones its slot was last drawn from
 * (chart-cache.ts). `view` names what else shapes a picture: workspace, range, filters, the viewer's language
 * and the workspace's zone and week start. A chart with nothing to show is null (the card says why).
 */
export async function drawDashboardCharts(
  cache: ChartCache,
  view: string,
  n: ChartNumbers,
  text: ChartText,
): Promise<DashboardCharts> {
  const both = async (kind: string, numbers: unknown, draw: (width: ChartWidth) => Promise<string>) => {
    const [wide, narrow] = await Promise.all(
      (['wide', 'narrow'] as const).map((width) => cache.get(`${view}|${kind}|${width}`, numbers, () => draw(width))),
    );
    return { wide: wide!, narrow: narrow! };
  };
  const any = n.series.some((p) => p.positive + p.neutral + p.negative + p.uncertain + p.unscored > 0);
  const [volume, voice, platforms, responses, ratings, terms] = await Promise.all([
    // The line's gaps are part of the picture: the numbers carry them.
    any
      ? both(
          'volume',
          n.series.map((p) => [p, netOrGap(p)]),
          (w) => volumeChart(n.series, text, w),
        )
      : null,
    n.voice.length ? both('voice', n.voice, (w) => voiceChart(n.voice, text, w)) : null,
    n.platforms.length ? both('platforms', n.platforms, (w) => platformChart(n.platforms, text, w)) : null,
    n.responses.length ? both('responses', n.responses, (w) => responseChart(n.responses, text, w)) : null,
    n.ratings.total
      ? both('ratings', n.ratings, (w) => ratingsChart(n.ratings.distribution, n.ratings.weeks, text, w))
      : null,
    n.terms.length ? both('terms', n.terms, (w) => termsChart(n.terms, text, w)) : null,
  ]);
  return { volume, voice, platforms, responses, ratings, terms };
}
