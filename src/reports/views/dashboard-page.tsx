import type { Child } from 'hono/jsx';
import { PLATFORMS } from '../../core/platforms';
import { platformLabel } from '../../http/web/format';
import { AppShell, Flash } from '../../http/web/layout';
import type { PageBase } from '../../http/web/settings-shell';
import type { ResponseStats } from '../response-times';
import {
  type AuthorRow,
  REPORT_SOURCES,
  type Range,
  type SeriesPoint,
  type TermCount,
  type Totals,
  type VoiceShare,
} from '../series';
import { compact } from '../../http/web/format';

export interface DashboardFilters {
  preset: string;
  from: string;
  to: string;
  interval: 'day' | 'week';
  topic?: string | undefined;
  platform?: string | undefined;
  language?: string | undefined;
  source: string[];
}

export interface DashboardProps extends PageBase {
  filters: DashboardFilters;
  range: Range;
  previous: Range;
  now: Totals;
  before: Totals;
  series: SeriesPoint[];
  voice: VoiceShare[];
  platforms: { platform: string; total: number; positive: number; neutral: number; negative: number }[];
  topics: { id: string; name: string }[];
  responses: { overall: ResponseStats; byAgent: (ResponseStats & { name: string })[] };
  ratings: {
    total: number;
    average: number | null;
    distribution: Record<1 | 2 | 3 | 4 | 5, number>;
    weeks: { week: string; average: number; count: number }[];
    recommendations: { positive: number; negative: number; positiveShare: number | null };
    byPlatform: {
      platform: string;
      reviews: number;
      rated: number;
      average: number | null;
      positive: number;
      negative: number;
    }[];
  };
  terms: { terms: TermCount[]; hashtags: TermCount[]; aspects: TermCount[] };
  authors: { byVolume: AuthorRow[]; byReach: AuthorRow[] };
  charts: {
    volume: string;
    voice: string | null;
    platforms: string | null;
    responses: string | null;
    ratings: string | null;
    terms: string | null;
  };
  error?: string | undefined;
}

const pct = (n: number, of: number) => (of ? `${Math.round((n / of) * 100)}%` : '–');
const delta = (now: number, before: number) => {
  if (!before) return now ? 'all new' : '±0';
  const d = Math.round(((now - before) / before) * 100);
  return `${d > 0 ? '+' : ''}${d}%`;
};

/** Query strings for links and downloads that keep the dashboard's filters. */
function queryOf(f: DashboardFilters, range: Range, extra: Record<string, string> = {}) {
  const q = new URLSearchParams({ from: range.from, to: range.to });
  if (f.topic) q.set('topic', f.topic);
  if (f.platform) q.set('platform', f.platform);
  if (f.language) q.set('language', f.language);
  if (f.source.length && f.source.length < REPORT_SOURCES.length) q.set('source', f.source.join(','));
  for (const [k, v] of Object.entries(extra)) if (v) q.set(k, v);
  return q.toString();
}
const apiQuery = (f: DashboardFilters, range: Range, extra: Record<string, string> = {}) =>
  queryOf(f, range, { interval: f.interval, ...extra });

/** A term as people write it: hashtags with their #. */
const termText = (table: string, term: string) => (table === 'Hashtags' ? `#${term}` : term);

function Figure(p: { label: string; value: string; compare: string; href: string; testid: string }) {
  return (
    <a class="card figure" href={p.href} data-testid={p.testid}>
      <span class="muted small">{p.label}</span>
      <span class="figure-value">{p.value}</span>
      <span class="small muted">{p.compare}</span>
    </a>
  );
}

/** A chart with its data as a table (for screen readers and for checking) and a CSV download. */
function ChartCard(p: {
  title: string;
  img: string | null;
  alt: string;
  csv: string | null;
  testid: string;
  /** Shown above the chart, not folded away with the table (the figures people come for). */
  lead?: Child;
  children: Child;
}) {
  return (
    <section class="card chart-card" data-testid={p.testid}>
      <div class="page-head">
        <h2>{p.title}</h2>
        {p.csv ? (
          <a class="small" href={p.csv} download>
            Download CSV
          </a>
        ) : null}
      </div>
      {p.lead ?? null}
      {p.img ? <img class="chart-img" src={p.img} alt={p.alt} /> : <p class="muted">No mentions in this range.</p>}
      <details class="chart-data">
        <summary class="small">Data table</summary>
        {p.children}
      </details>
    </section>
  );
}

/** The marketers' dashboard: how people feel, about what, against whom, and what changed. */
export function DashboardPage(p: DashboardProps) {
  const f = p.filters;
  const mentions = (extra: Record<string, string> = {}) => `/inbox/mentions?${queryOf(f, p.range, extra)}`;
  return (
    <AppShell {...p} title="Reports" active="/reports">
      <div class="page-head">
        <h1>Reports</h1>
        <span class="row small">
          <span class="muted">
            {p.range.from} to {p.range.to} (UTC)
          </span>
          <a href="/reports/digest">Weekly digest</a>
          <a href="/reports/alerts">Spike alerts</a>
        </span>
      </div>
      <Flash kind="error" message={p.error} />
      <form class="card row report-filters" method="get" action="/reports" data-testid="report-filters">
        <label>
          Range
          <select name="preset">
            {(
              [
                ['7', 'Last 7 days'],
                ['30', 'Last 30 days'],
                ['90', 'Last 90 days'],
                ['custom', 'Custom'],
              ] as const
            ).map(([v, l]) => (
              <option value={v} selected={f.preset === v}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input type="date" name="from" value={f.preset === 'custom' ? f.from : ''} />
        </label>
        <label>
          To
          <input type="date" name="to" value={f.preset === 'custom' ? f.to : ''} />
        </label>
        <label>
          By
          <select name="interval">
            <option value="day" selected={f.interval === 'day'}>
              Day
            </option>
            <option value="week" selected={f.interval === 'week'}>
              Week
            </option>
          </select>
        </label>
        <label>
          Topic
          <select name="topic">
            <option value="">All</option>
            {p.topics.map((t) => (
              <option value={t.id} selected={t.id === f.topic}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Platform
          <select name="platform">
            <option value="">All</option>
            {PLATFORMS.filter((pl) => pl !== 'import').map((pl) => (
              <option value={pl} selected={pl === f.platform}>
                {platformLabel(pl)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Language
          <input name="language" value={f.language ?? ''} size={4} placeholder="en" />
        </label>
        <fieldset class="choices">
          <legend>Sources</legend>
          {REPORT_SOURCES.map((s) => (
            <label class="check">
              <input type="checkbox" name="source" value={s} checked={f.source.includes(s)} /> {s}
            </label>
          ))}
        </fieldset>
        <button type="submit">Show</button>
      </form>

      <div class="figures">
        <Figure
          label="Mentions"
          value={String(p.now.total)}
          compare={`${delta(p.now.total, p.before.total)} vs the period before`}
          href={mentions()}
          testid="figure-total"
        />
        <Figure
          label="Positive"
          value={pct(p.now.positive, p.now.total)}
          compare={`${pct(p.before.positive, p.before.total)} the period before`}
          href={mentions({ sentiment: 'positive' })}
          testid="figure-positive"
        />
        <Figure
          label="Negative"
          value={pct(p.now.negative, p.now.total)}
          compare={`${pct(p.before.negative, p.before.total)} the period before`}
          href={mentions({ sentiment: 'negative' })}
          testid="figure-negative"
        />
        <Figure
          label="Uncertain"
          value={pct(p.now.uncertain, p.now.total)}
          compare={`${pct(p.before.uncertain, p.before.total)} the period before; below the confidence threshold`}
          href="/settings/analysis"
          testid="figure-uncertain"
        />
        <Figure
          label="Net sentiment"
          value={`${p.now.net > 0 ? '+' : ''}${p.now.net}`}
          compare={
            p.before.total
              ? `${p.before.net > 0 ? '+' : ''}${p.before.net} the period before`
              : 'nothing the period before'
          }
          href={mentions()}
          testid="figure-net"
        />
      </div>

      <ChartCard
        title="Volume and sentiment"
        img={p.charts.volume}
        alt={`Mentions per ${f.interval} by sentiment, with net sentiment`}
        csv={`/api/v1/reports/sentiment?${apiQuery(f, p.range, { format: 'csv' })}`}
        testid="chart-volume"
      >
        <table>
          <thead>
            <tr>
              <th>{f.interval === 'week' ? 'Week of' : 'Day'}</th>
              <th class="num">Positive</th>
              <th class="num">Neutral</th>
              <th class="num">Negative</th>
              <th class="num" title="Labels less sure than the workspace's confidence threshold">
                Uncertain
              </th>
              <th class="num">Unscored</th>
              <th class="num">Total</th>
              <th class="num">Net</th>
            </tr>
          </thead>
          <tbody>
            {p.series.map((s) => (
              <tr>
                <td>{s.date}</td>
                <td class="num">{s.positive}</td>
                <td class="num">{s.neutral}</td>
                <td class="num">{s.negative}</td>
                <td class="num">{s.uncertain}</td>
                <td class="num">{s.unscored}</td>
                <td class="num">{s.total}</td>
                <td class="num">{s.net}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ChartCard>

      <div class="report-grid">
        <ChartCard
          title="Share of voice"
          img={p.charts.voice}
          alt="Mentions per brand and competitor topic, by sentiment"
          csv={`/api/v1/reports/share-of-voice?${apiQuery(f, p.range, { format: 'csv' })}`}
          testid="chart-voice"
        >
          <table>
            <thead>
              <tr>
                <th>Topic</th>
                <th class="num">Mentions</th>
                <th class="num">Share</th>
                <th class="num">Net</th>
              </tr>
            </thead>
            <tbody>
              {p.voice.map((v) => (
                <tr>
                  <td>
                    <a href={`/inbox/mentions?${queryOf({ ...f, topic: v.topicId }, p.range)}`}>{v.name}</a>{' '}
                    <span class="muted small">{v.kind}</span>
                  </td>
                  <td class="num">{v.total}</td>
                  <td class="num">{v.share}%</td>
                  <td class="num">{v.net}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ChartCard>
        <ChartCard
          title="Platforms"
          img={p.charts.platforms}
          alt="Mentions per platform"
          csv={`/api/v1/reports/platforms?${apiQuery(f, p.range, { format: 'csv' })}`}
          testid="chart-platforms"
        >
          <table>
            <thead>
              <tr>
                <th>Platform</th>
                <th class="num">Mentions</th>
                <th class="num">Positive</th>
                <th class="num">Negative</th>
              </tr>
            </thead>
            <tbody>
              {p.platforms.map((pl) => (
                <tr>
                  <td>
                    <a href={`/inbox/mentions?${queryOf({ ...f, platform: pl.platform }, p.range)}`}>
                      {platformLabel(pl.platform)}
                    </a>
                  </td>
                  <td class="num">{pl.total}</td>
                  <td class="num">{pl.positive}</td>
                  <td class="num">{pl.negative}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ChartCard>
      </div>

      <ChartCard
        title="Top terms"
        img={p.charts.terms}
        alt="The most used key terms, by sentiment"
        csv={`/api/v1/reports/top-terms?${queryOf(f, p.range, { kind: 'term', format: 'csv' })}`}
        testid="chart-terms"
      >
        <div class="report-grid terms-tables">
          {(
            [
              ['Key terms', p.terms.terms],
              ['Hashtags', p.terms.hashtags],
              ['Aspects', p.terms.aspects],
            ] as const
          ).map(([title, list]) => (
            <table>
              <caption class="small">{title}</caption>
              <thead>
                <tr>
                  <th>Term</th>
                  <th class="num">All</th>
                  <th class="num">+</th>
                  <th class="num">−</th>
                </tr>
              </thead>
              <tbody>
                {list.map((t) => (
                  <tr>
                    <td>
                      <a href={`/inbox/mentions?${queryOf(f, p.range, { q: termText(title, t.term) })}`}>
                        {termText(title, t.term)}
                      </a>
                    </td>
                    <td class="num">{t.total}</td>
                    <td class="num">{t.positive}</td>
                    <td class="num">{t.negative}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </div>
      </ChartCard>

      <section class="card" data-testid="top-authors">
        <h2>Top authors</h2>
        <div class="report-grid">
          {(
            [
              ['By volume', p.authors.byVolume, 'volume'],
              ['By reach', p.authors.byReach, 'reach'],
            ] as const
          ).map(([title, list, by]) => (
            <div>
              <div class="page-head">
                <h3>{title}</h3>
                <a
                  class="small"
                  href={`/api/v1/reports/authors?${queryOf(f, p.range, { by, format: 'csv' })}`}
                  download
                >
                  Download CSV
                </a>
              </div>
              {list.length === 0 ? <p class="muted small">No authors linked to contacts in this range.</p> : null}
              <table>
                <thead>
                  <tr>
                    <th>Contact</th>
                    <th class="num">Mentions</th>
                    <th class="num">Followers</th>
                    <th class="num">Score</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((a) => (
                    <tr data-testid={`author-${by}`}>
                      <td class="name-cell">
                        <a href={`/contacts/${a.contactId}`}>{a.name}</a> <span class="muted small">{a.stage}</span>
                      </td>
                      <td class="num">{a.mentions}</td>
                      <td class="num">{compact(a.followers)}</td>
                      <td class="num">{a.score}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </div>
      </section>

      <div class="report-grid">
        <ChartCard
          title="Inbox response times"
          img={p.charts.responses}
          alt="Median first response per agent, in minutes"
          csv={`/api/v1/reports/response-times?${apiQuery(f, p.range, { format: 'csv' })}`}
          testid="chart-responses"
        >
          <table>
            <thead>
              <tr>
                <th>Agent</th>
                <th class="num">Conversations</th>
                <th class="num">First response (median, min)</th>
                <th class="num">Resolution (median, min)</th>
                <th class="num">Within SLA</th>
              </tr>
            </thead>
            <tbody>
              {[{ ...p.responses.overall, name: 'All' }, ...p.responses.byAgent].map((a) => (
                <tr>
                  <td>{a.name}</td>
                  <td class="num">{a.conversations}</td>
                  <td class="num">{a.medianFirstResponseMinutes ?? '–'}</td>
                  <td class="num">{a.medianResolutionMinutes ?? '–'}</td>
                  <td class="num">{a.withinSlaPercent === null ? '–' : `${a.withinSlaPercent}%`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ChartCard>
        <ChartCard
          title="Review ratings"
          img={p.charts.ratings}
          alt="Reviews per number of stars, and the average rating per week"
          csv={`/api/v1/reports/ratings?${queryOf(f, p.range, { format: 'csv' })}`}
          testid="chart-ratings"
          lead={
            p.ratings.byPlatform.some((l) => l.average !== null) ? (
              <ul class="inline-list small" data-testid="ratings-platform-averages">
                {p.ratings.byPlatform
                  .filter((l) => l.average !== null)
                  .map((l) => (
                    <li data-platform={l.platform}>
                      <strong>{platformLabel(l.platform)}</strong> {l.average} ★{' '}
                      <span class="muted">
                        ({l.rated} review{l.rated === 1 ? '' : 's'})
                      </span>
                    </li>
                  ))}
              </ul>
            ) : undefined
          }
        >
          <p class="small">
            {p.ratings.total} review{p.ratings.total === 1 ? '' : 's'},{' '}
            {p.ratings.average === null ? 'no average yet' : `${p.ratings.average} stars on average`}
            {p.ratings.recommendations.positiveShare === null
              ? ''
              : `; ${p.ratings.recommendations.positiveShare} % recommend (${p.ratings.recommendations.positive} yes, ${
                  p.ratings.recommendations.negative
                } no)`}
          </p>
          {p.ratings.byPlatform.length > 1 || p.ratings.byPlatform.some((l) => l.platform !== 'community') ? (
            <table data-testid="ratings-by-platform">
              <thead>
                <tr>
                  <th>Where</th>
                  <th class="num">Reviews</th>
                  <th class="num">Average stars</th>
                  <th class="num">Recommend</th>
                  <th class="num">Do not</th>
                </tr>
              </thead>
              <tbody>
                {p.ratings.byPlatform.map((l) => (
                  <tr data-platform={l.platform}>
                    <td>{platformLabel(l.platform)}</td>
                    <td class="num">{l.reviews}</td>
                    <td class="num">{l.average ?? '–'}</td>
                    <td class="num">{l.positive}</td>
                    <td class="num">{l.negative}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <table>
            <thead>
              <tr>
                <th>Week of</th>
                <th class="num">Reviews</th>
                <th class="num">Average</th>
              </tr>
            </thead>
            <tbody>
              {p.ratings.weeks.map((w) => (
                <tr>
                  <td>{w.week}</td>
                  <td class="num">{w.count}</td>
                  <td class="num">{w.average}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ChartCard>
      </div>
    </AppShell>
  );
}
