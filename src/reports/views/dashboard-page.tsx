import { zonedDay } from '../../core/i18n/zoned-time';
import type { Child } from 'hono/jsx';
import { type Translator, translatorFor } from '../../core/i18n/translator';
import { PLATFORMS } from '../../core/platforms';
import { platformLabel } from '../../http/web/format';
import { useT } from '../../http/web/i18n';
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
import type { DashboardCharts, Picture } from '../dashboard-charts';
import { reports as m } from '../messages';

export interface DashboardFilters {
  preset: string;
  from: string;
  to: string;
  interval: 'day' | 'week';
  topic?: string | undefined;
  platform?: string | undefined;
  language?: string | undefined;
  source: string[];
  /** The top authors' order: most mentions or most followers. */
  authors: 'volume' | 'reach';
}

export interface DashboardProps extends PageBase {
  filters: DashboardFilters;
  /** The workspace's time zone: the report's days are its days. */
  timeZone: string;
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
  authors: AuthorRow[];
  charts: DashboardCharts;
  /** Whether the workspace tracks any brand, competitor or product topic (else share of voice says to add one). */
  hasTrackedTopics: boolean;
  /** How many days the range (and the period before it) spans, for "vs previous 30 days". */
  previousDays: number;
  error?: string | undefined;
}

/**
 * The report's days are calendar dates of the workspace's time zone ("2026-12-07"): written in the viewer's
 * language, but formatted in UTC (a date, not an instant), so no viewer's zone shows one as the day before.
 */
export const utcDays = (): Translator => translatorFor(useT().locale, 'UTC');

const pct = (n: number, of: number) => (of ? useT().percent(n / of) : '–');
/**
 * A figure's comparison in words: "+12% vs previous 30 days", "no change vs previous 30 days", or "no data in
 * the previous period" when it had none (never "+∞" or "NaN").
 */
export const delta = (now: number, before: number, days: number) => {
  const { t, number } = useT();
  if (!before) return t(m.compareNone);
  if (now === before) return t(m.compareSame, { days });
  const change = (now - before) / before;
  return t(m.compareChange, {
    days,
    change: number(change, { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 0 }),
  });
};
/** A whole number with its sign: "+12", "0", "-3". */
const signed = (n: number) => useT().number(n, { signDisplay: 'exceptZero' });
/** Net sentiment needs positive or negative mentions to weigh; without them there is none, not 0. */
const hasNet = (x: { positive: number; negative: number }) => x.positive + x.negative > 0;
/** A count, or a dash for none known. */
const count = (n: number | null | undefined) => (n === null || n === undefined ? '–' : useT().number(n));

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
const termText = (table: string, term: string) => (table === 'hashtags' ? `#${term}` : term);

function Figure(p: { label: string; value: string; compare: string; href: string; testid: string }) {
  return (
    <a class="card figure" href={p.href} data-testid={p.testid}>
      <span class="muted small">{p.label}</span>
      <span class="figure-value">{p.value}</span>
      <span class="small muted figure-compare">{p.compare}</span>
    </a>
  );
}

/** A chart at both widths: the phone's drawing under 720 px, the screen's above (charts.ts). */
function Chart(p: { picture: Picture; alt: string }) {
  return (
    <picture>
      <source media="(max-width: 720px)" srcset={p.picture.narrow} />
      <img class="chart-img" src={p.picture.wide} alt={p.alt} />
    </picture>
  );
}

/**
 * A chart with its data as a table (for screen readers and for checking) and a CSV download; without a chart,
 * the card says why (`empty`) and shows no empty table.
 */
function ChartCard(p: {
  title: string;
  img: Picture | null;
  empty: string;
  alt: string;
  csv: string | null;
  testid: string;
  /** Shown above the chart, not folded away with the table (the figures people come for). */
  lead?: Child;
  children: Child;
}) {
  const { t } = useT();
  return (
    <section class="card chart-card" data-testid={p.testid}>
      <div class="page-head">
        <h2>{p.title}</h2>
        {p.csv ? (
          <a class="small" href={p.csv} download>
            {t(m.downloadCsv)}
          </a>
        ) : null}
      </div>
      {p.lead ?? null}
      {p.img ? (
        <>
          <Chart picture={p.img} alt={p.alt} />
          <details class="chart-data">
            <summary class="small">{t(m.dataTable)}</summary>
            {p.children}
          </details>
        </>
      ) : (
        <p class="muted chart-empty">{p.empty}</p>
      )}
    </section>
  );
}

/** The marketers' dashboard: how people feel, about what, against whom, and what changed. */
export function DashboardPage(p: DashboardProps) {
  const f = p.filters;
  const { t, number, percent, locale } = useT();
  const day = utcDays().date;
  // The list behind a figure: the same days as instants (the workspace's midnights), since the stream reads
  // a bare date in the viewer's own zone, which may not be the workspace's.
  const span = { from: zonedDay(p.range.from, p.timeZone)?.first, to: zonedDay(p.range.to, p.timeZone)?.last };
  const instants = {
    ...p.range,
    from: span.from?.toISOString() ?? p.range.from,
    to: span.to?.toISOString() ?? p.range.to,
  };
  const mentions = (extra: Record<string, string> = {}) => `/inbox/mentions?${queryOf(f, instants, extra)}`;
  const days = p.previousDays;
  /** A share the period before, or that it had no mentions to share out. */
  const shareBefore = (n: number) =>
    p.before.total ? t(m.compareShare, { share: pct(n, p.before.total), days }) : t(m.compareNone);
  return (
    <AppShell {...p} title={t(m.title)} active="/reports">
      <div class="page-head">
        <h1>{t(m.title)}</h1>
        <span class="row small">
          <span class="muted">{t(m.range, { from: day(p.range.from), to: day(p.range.to), zone: p.timeZone })}</span>
          <a href="/reports/digest">{t(m.digestTitle)}</a>
          <a href="/reports/alerts">{t(m.alertsTitle)}</a>
        </span>
      </div>
      <Flash kind="error" message={p.error} />
      <form class="card row report-filters" method="get" action="/reports" data-testid="report-filters">
        <label>
          {t(m.filterRange)}
          <select name="preset">
            {(
              [
                ['7', t(m.lastDays, { days: 7 })],
                ['30', t(m.lastDays, { days: 30 })],
                ['90', t(m.lastDays, { days: 90 })],
                ['custom', t(m.custom)],
              ] as const
            ).map(([v, l]) => (
              <option value={v} selected={f.preset === v}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t(m.from)}
          <input type="date" name="from" value={f.preset === 'custom' ? f.from : ''} />
        </label>
        <label>
          {t(m.to)}
          <input type="date" name="to" value={f.preset === 'custom' ? f.to : ''} />
        </label>
        <label>
          {t(m.by)}
          <select name="interval">
            <option value="day" selected={f.interval === 'day'}>
              {t(m.day)}
            </option>
            <option value="week" selected={f.interval === 'week'}>
              {t(m.week)}
            </option>
          </select>
        </label>
        <label>
          {t(m.topic)}
          <select name="topic">
            <option value="">{t(m.all)}</option>
            {p.topics.map((topic) => (
              <option value={topic.id} selected={topic.id === f.topic}>
                {topic.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t(m.platform)}
          <select name="platform">
            <option value="">{t(m.all)}</option>
            {PLATFORMS.filter((pl) => pl !== 'import').map((pl) => (
              <option value={pl} selected={pl === f.platform}>
                {platformLabel(pl)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t(m.language)}
          <input name="language" value={f.language ?? ''} size={4} placeholder={locale} />
        </label>
        <fieldset class="choices">
          <legend>{t(m.sources)}</legend>
          {REPORT_SOURCES.map((s) => (
            <label class="check">
              <input type="checkbox" name="source" value={s} checked={f.source.includes(s)} />{' '}
              {t(m.source, { source: s })}
            </label>
          ))}
        </fieldset>
        <input type="hidden" name="authors" value={f.authors} />
        <button type="submit">{t(m.show)}</button>
      </form>

      <div class="figures" data-testid="figures">
        <Figure
          label={t(m.figureMentions)}
          value={number(p.now.total)}
          compare={delta(p.now.total, p.before.total, days)}
          href={mentions()}
          testid="figure-total"
        />
        <Figure
          label={t(m.figurePositive)}
          value={pct(p.now.positive, p.now.total)}
          compare={shareBefore(p.before.positive)}
          href={mentions({ sentiment: 'positive' })}
          testid="figure-positive"
        />
        <Figure
          label={t(m.figureNegative)}
          value={pct(p.now.negative, p.now.total)}
          compare={shareBefore(p.before.negative)}
          href={mentions({ sentiment: 'negative' })}
          testid="figure-negative"
        />
        <Figure
          label={t(m.figureUncertain)}
          value={pct(p.now.uncertain, p.now.total)}
          compare={
            p.before.total
              ? t(m.compareUncertain, { share: pct(p.before.uncertain, p.before.total), days })
              : t(m.compareNone)
          }
          href="/settings/analysis"
          testid="figure-uncertain"
        />
        <Figure
          label={t(m.figureNet)}
          value={hasNet(p.now) ? signed(p.now.net) : '–'}
          compare={hasNet(p.before) ? t(m.compareNet, { net: signed(p.before.net), days }) : t(m.compareNetNone)}
          href={mentions()}
          testid="figure-net"
        />
      </div>

      <ChartCard
        title={t(m.volumeTitle)}
        img={p.charts.volume}
        empty={t(m.noMentions)}
        alt={t(m.volumeAlt, { interval: f.interval })}
        csv={`/api/v1/reports/sentiment?${apiQuery(f, p.range, { format: 'csv' })}`}
        testid="chart-volume"
      >
        <table>
          <thead>
            <tr>
              <th>{f.interval === 'week' ? t(m.weekOf) : t(m.day)}</th>
              <th class="num">{t(m.positive)}</th>
              <th class="num">{t(m.neutral)}</th>
              <th class="num">{t(m.negative)}</th>
              <th class="num" title={t(m.uncertainHint)}>
                {t(m.uncertain)}
              </th>
              <th class="num">{t(m.unscored)}</th>
              <th class="num">{t(m.total)}</th>
              <th class="num">{t(m.net)}</th>
            </tr>
          </thead>
          <tbody>
            {p.series.map((s) => (
              <tr>
                <td>{day(s.date)}</td>
                <td class="num">{number(s.positive)}</td>
                <td class="num">{number(s.neutral)}</td>
                <td class="num">{number(s.negative)}</td>
                <td class="num">{number(s.uncertain)}</td>
                <td class="num">{number(s.unscored)}</td>
                <td class="num">{number(s.total)}</td>
                <td class="num">{hasNet(s) ? number(s.net) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ChartCard>

      <div class="report-grid">
        <ChartCard
          title={t(m.voiceTitle)}
          img={p.charts.voice}
          empty={p.hasTrackedTopics ? t(m.voiceEmpty) : t(m.voiceNoTopics)}
          alt={t(m.voiceAlt)}
          csv={`/api/v1/reports/share-of-voice?${apiQuery(f, p.range, { format: 'csv' })}`}
          testid="chart-voice"
        >
          <table>
            <thead>
              <tr>
                <th>{t(m.topic)}</th>
                <th class="num">{t(m.mentions)}</th>
                <th class="num">{t(m.share)}</th>
                <th class="num">{t(m.net)}</th>
              </tr>
            </thead>
            <tbody>
              {p.voice.map((v) => (
                <tr>
                  <td>
                    <a href={`/inbox/mentions?${queryOf({ ...f, topic: v.topicId }, p.range)}`}>{v.name}</a>{' '}
                    <span class="muted small">{t(m.topicKind, { kind: v.kind })}</span>
                  </td>
                  <td class="num">{number(v.total)}</td>
                  <td class="num">{percent(v.share / 100, 1)}</td>
                  <td class="num">{hasNet(v) ? number(v.net) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ChartCard>
        <ChartCard
          title={t(m.platformsTitle)}
          img={p.charts.platforms}
          empty={t(m.noMentions)}
          alt={t(m.platformsAlt)}
          csv={`/api/v1/reports/platforms?${apiQuery(f, p.range, { format: 'csv' })}`}
          testid="chart-platforms"
        >
          <table>
            <thead>
              <tr>
                <th>{t(m.platform)}</th>
                <th class="num">{t(m.mentions)}</th>
                <th class="num">{t(m.positive)}</th>
                <th class="num">{t(m.negative)}</th>
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
                  <td class="num">{number(pl.total)}</td>
                  <td class="num">{number(pl.positive)}</td>
                  <td class="num">{number(pl.negative)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ChartCard>
      </div>

      <ChartCard
        title={t(m.termsTitle)}
        img={p.charts.terms}
        empty={t(m.termsEmpty)}
        alt={t(m.termsAlt)}
        csv={`/api/v1/reports/top-terms?${queryOf(f, p.range, { kind: 'term', format: 'csv' })}`}
        testid="chart-terms"
      >
        <div class="report-grid terms-tables">
          {(
            [
              ['terms', t(m.keyTerms), p.terms.terms],
              ['hashtags', t(m.hashtags), p.terms.hashtags],
              ['aspects', t(m.aspects), p.terms.aspects],
            ] as const
          ).map(([table, title, list]) => (
            <table>
              <caption class="small">{title}</caption>
              <thead>
                <tr>
                  <th>{t(m.term)}</th>
                  <th class="num">{t(m.all)}</th>
                  <th class="num">+</th>
                  <th class="num">−</th>
                </tr>
              </thead>
              <tbody>
                {list.map((term) => (
                  <tr>
                    <td>
                      <a href={`/inbox/mentions?${queryOf(f, p.range, { q: termText(table, term.term) })}`}>
                        {termText(table, term.term)}
                      </a>
                    </td>
                    <td class="num">{number(term.total)}</td>
                    <td class="num">{number(term.positive)}</td>
                    <td class="num">{number(term.negative)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </div>
      </ChartCard>

      <section class="card" id="top-authors" data-testid="top-authors">
        <div class="page-head">
          <h2>{t(m.authorsTitle)}</h2>
          <a
            class="small"
            href={`/api/v1/reports/authors?${queryOf(f, p.range, { by: f.authors, format: 'csv' })}`}
            download
          >
            {t(m.downloadCsv)}
          </a>
        </div>
        <p class="small authors-sort">
          {t(m.authorsSort)}{' '}
          {(
            [
              ['volume', t(m.byVolume)],
              ['reach', t(m.byReach)],
            ] as const
          ).map(([by, label]) => (
            <a
              href={
                `/reports?${queryOf(f, p.range, { preset: f.preset, interval: f.interval, authors: by })}` +
                '#top-authors'
              }
              aria-current={f.authors === by ? 'true' : undefined}
              data-testid={`authors-by-${by}`}
            >
              {label}
            </a>
          ))}
        </p>
        {p.authors.length === 0 ? (
          <p class="muted">{t(m.noAuthors)}</p>
        ) : (
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th>{t(m.contact)}</th>
                  <th class="num" aria-sort={f.authors === 'volume' ? 'descending' : undefined}>
                    {t(m.mentions)}
                  </th>
                  <th class="num" aria-sort={f.authors === 'reach' ? 'descending' : undefined}>
                    {t(m.followers)}
                  </th>
                  <th class="num">{t(m.score)}</th>
                </tr>
              </thead>
              <tbody>
                {p.authors.map((a) => (
                  <tr data-testid={`author-${f.authors}`}>
                    <td class="name-cell">
                      <a href={`/contacts/${a.contactId}`}>{a.name}</a>{' '}
                      <span class="muted small">{t(m.stage, { stage: a.stage })}</span>
                    </td>
                    <td class="num">{number(a.mentions)}</td>
                    <td class="num">{compact(a.followers)}</td>
                    <td class="num">{number(a.score)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <div class="report-grid">
        <ChartCard
          title={t(m.responsesTitle)}
          img={p.charts.responses}
          empty={t(m.responsesEmpty)}
          alt={t(m.responsesAlt)}
          csv={`/api/v1/reports/response-times?${apiQuery(f, p.range, { format: 'csv' })}`}
          testid="chart-responses"
        >
          <table>
            <thead>
              <tr>
                <th>{t(m.agent)}</th>
                <th class="num">{t(m.conversations)}</th>
                <th class="num">{t(m.firstResponse)}</th>
                <th class="num">{t(m.resolution)}</th>
                <th class="num">{t(m.withinSla)}</th>
              </tr>
            </thead>
            <tbody>
              {[{ ...p.responses.overall, name: t(m.allAgents) }, ...p.responses.byAgent].map((a) => (
                <tr>
                  <td>{a.name}</td>
                  <td class="num">{number(a.conversations)}</td>
                  <td class="num">{count(a.medianFirstResponseMinutes)}</td>
                  <td class="num">{count(a.medianResolutionMinutes)}</td>
                  <td class="num">{a.withinSlaPercent === null ? '–' : percent(a.withinSlaPercent / 100, 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ChartCard>
        <ChartCard
          title={t(m.ratingsTitle)}
          img={p.charts.ratings}
          empty={t(m.ratingsEmpty)}
          alt={t(m.ratingsAlt)}
          csv={`/api/v1/reports/ratings?${queryOf(f, p.range, { format: 'csv' })}`}
          testid="chart-ratings"
          lead={
            p.ratings.byPlatform.some((l) => l.average !== null) ? (
              <ul class="inline-list small" data-testid="ratings-platform-averages">
                {p.ratings.byPlatform
                  .filter((l) => l.average !== null)
                  .map((l) => (
                    <li data-platform={l.platform}>
                      <strong>{platformLabel(l.platform)}</strong> {count(l.average)} ★{' '}
                      <span class="muted">{t(m.ratedCount, { count: l.rated })}</span>
                    </li>
                  ))}
              </ul>
            ) : undefined
          }
        >
          <p class="small">
            {t(m.ratingsSummary, {
              count: p.ratings.total,
              hasAverage: p.ratings.average === null ? 'no' : 'yes',
              average: count(p.ratings.average),
              hasShare: p.ratings.recommendations.positiveShare === null ? 'no' : 'yes',
              share: percent((p.ratings.recommendations.positiveShare ?? 0) / 100, 1),
              positive: number(p.ratings.recommendations.positive),
              negative: number(p.ratings.recommendations.negative),
            })}
          </p>
          {p.ratings.byPlatform.length > 1 || p.ratings.byPlatform.some((l) => l.platform !== 'community') ? (
            <table data-testid="ratings-by-platform">
              <thead>
                <tr>
                  <th>{t(m.where)}</th>
                  <th class="num">{t(m.reviews)}</th>
                  <th class="num">{t(m.averageStars)}</th>
                  <th class="num">{t(m.recommend)}</th>
                  <th class="num">{t(m.doNot)}</th>
                </tr>
              </thead>
              <tbody>
                {p.ratings.byPlatform.map((l) => (
                  <tr data-platform={l.platform}>
                    <td>{platformLabel(l.platform)}</td>
                    <td class="num">{number(l.reviews)}</td>
                    <td class="num">{count(l.average)}</td>
                    <td class="num">{number(l.positive)}</td>
                    <td class="num">{number(l.negative)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <table>
            <thead>
              <tr>
                <th>{t(m.weekOf)}</th>
                <th class="num">{t(m.reviews)}</th>
                <th class="num">{t(m.average)}</th>
              </tr>
            </thead>
            <tbody>
              {p.ratings.weeks.map((w) => (
                <tr>
                  <td>{day(w.week)}</td>
                  <td class="num">{number(w.count)}</td>
                  <td class="num">{number(w.average)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ChartCard>
      </div>
    </AppShell>
  );
}
