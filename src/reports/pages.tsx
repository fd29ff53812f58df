import { Hono } from 'hono';
import { platformLabel } from '../http/web/format';
import { listTopics } from '../topics';
import type { AppContext, AppEnv } from '../http/env';
import { assertCan, requireStaffPage, shellProps } from '../http/pages';
import type { ChartText } from './charts';
import { chartCacheOf } from './chart-cache';
import { drawDashboardCharts } from './dashboard-charts';
import { ratingStats } from './ratings';
import { responseTimes } from './response-times';
import { AppError } from '../core/errors';
import { addDays, dayNumber, dayString } from '../core/days';
import { type ReportCalendar, todayIn } from './calendar';
import { requestCalendar } from './request-calendar';
import { type Translator, translatorFor } from '../core/i18n/translator';
import {
  platformBreakdown,
  previousRange,
  type Range,
  REPORT_SOURCES,
  ReportQuery,
  resolveRange,
  sentimentSeries,
  shareOfVoice,
  topAuthors,
  topTerms,
  totals,
} from './series';
import { type DashboardFilters, DashboardPage } from './views/dashboard-page';
import { can } from '../core/roles';
import { parseForm } from '../http/pages';
import { DIGEST_PERIODS, type DigestPeriod, weeklyDigest } from './digest';
import { ALERT_SETTINGS_FORM, AlertSettingsForm } from './alerts.input';
import { getAlertSettings, listAlerts, saveAlertSettings } from './alerts.service';
import { AlertsPage } from './views/alerts-page';
import { DigestPage } from './views/digest-page';
import { reports as m } from './messages';

const PRESETS = new Set(['7', '30', '90']);

/** The alerts form's fields by the names the page gives them, for its error messages ("Volume: …"). */
const alertSettingsForm = (t: Translator['t']) => ({
  ...ALERT_SETTINGS_FORM,
  labels: {
    volumeFactor: t(m.labelVolume),
    minVolume: t(m.labelMinVolume),
    negativeShareRise: t(m.labelNegativeShare),
    webhookUrl: t(m.labelWebhookUrl),
    webhookSecret: t(m.labelSecret),
  },
});

/**
 * The charts' words, days and numbers in the viewer's language. The report's days are the workspace's calendar
 * dates ("2026-12-02"), written as dates: formatted in UTC, so no viewer's zone moves one to the day before.
 */
function chartText(i18n: Translator): ChartText {
  const utc = translatorFor(i18n.locale, 'UTC');
  return {
    series: (series) => i18n.t(m.chartSeries, { series }),
    axis: {
      mentions: i18n.t(m.axisMentions),
      net: i18n.t(m.axisNet),
      minutes: i18n.t(m.axisMinutes),
      reviews: i18n.t(m.axisReviews),
      average: i18n.t(m.axisAverage),
    },
    day: (date) => utc.intl.formatDate(date, { day: 'numeric', month: 'short' }),
    number: (n) => i18n.number(n),
    percent: (points) => i18n.number(points / 100, { style: 'percent', maximumFractionDigits: 1 }),
  };
}

/** An error's message in the viewer's language (a domain error's own template, else its English text). */
const messageOf = (i18n: Translator, err: unknown) =>
  err instanceof AppError
    ? i18n.error(err.code, err.message, err.params)
    : err instanceof Error
      ? err.message
      : String(err);

/** The reports dashboard: every figure from the rollups, every chart drawn on the server. */
export const reportPages = new Hono<AppEnv>().use('/reports', requireStaffPage).use('/reports/*', requireStaffPage);

async function renderAlerts(c: AppContext, error?: string, status = 200) {
  const actor = assertCan(c, 'reports:read');
  const [list, settings] = await Promise.all([
    listAlerts(c.var.deps.db, actor.workspaceId),
    getAlertSettings(c.var.deps.db, actor.workspaceId),
  ]);
  return c.html(
    <AlertsPage
      {...shellProps(c)}
      alerts={list.map(({ alert, topic }) => ({ ...alert, topic }))}
      settings={settings}
      canManage={can(actor.role, 'settings:manage')}
      ok={c.req.query('ok') === 'saved' ? c.var.i18n.t(m.saved) : undefined}
      error={error}
    />,
    status as 200,
  );
}

reportPages
  .get('/reports/alerts', (c) => renderAlerts(c))
  .post('/reports/alerts/settings', async (c) => {
    const actor = assertCan(c, 'settings:manage');
    const form = await parseForm(c, AlertSettingsForm, alertSettingsForm(c.var.i18n.t));
    if (!form.ok) return renderAlerts(c, form.message, 422);
    try {
      await saveAlertSettings(
        c.var.deps.db,
        c.var.deps.credentials,
        actor,
        form.data,
        c.var.deps.clock(),
        c.var.deps.outbound.policy,
      );
    } catch (err) {
      return renderAlerts(c, messageOf(c.var.i18n, err), 422);
    }
    return c.redirect('/reports/alerts?ok=saved', 303);
  })
  .get('/reports/digest', async (c) => {
    const actor = assertCan(c, 'reports:read');
    const cal = await requestCalendar(c);
    // This week so far unless the last full week is asked for (a link away); anything else is this week.
    const asked = c.req.query('week');
    const period: DigestPeriod = (DIGEST_PERIODS as readonly string[]).includes(asked ?? '')
      ? (asked as DigestPeriod)
      : 'current';
    return c.html(
      <DigestPage
        {...shellProps(c)}
        digest={await weeklyDigest(c.var.deps.db, actor.workspaceId, c.var.deps.clock(), cal, period)}
        timeZone={cal.timeZone}
      />,
    );
  })
  .get('/reports', async (c) => {
    const actor = assertCan(c, 'reports:read');
    const db = c.var.deps.db;
    const now = c.var.deps.clock();
    const raw = c.req.queries();
    const one = (k: string) => raw[k]?.[0]?.trim() || undefined;
    const preset =
      one('preset') === 'custom' || (!one('preset') && (one('from') || one('to')))
        ? 'custom'
        : PRESETS.has(one('preset') ?? '')
          ? one('preset')!
          : '30';
    const days = Number(preset === 'custom' ? 30 : preset);
    // One table of top authors, by mentions unless sorted by followers.
    const authorsBy = one('authors') === 'reach' ? 'reach' : 'volume';
    // Days and weeks are the workspace's: today is today in its time zone.
    const cal = await requestCalendar(c);
    const today = dayString(todayIn(now, cal));
    const sources = (raw.source ?? []).filter((s): s is (typeof REPORT_SOURCES)[number] =>
      (REPORT_SOURCES as readonly string[]).includes(s),
    );
    // Values that do not fit are dropped, so a hand-edited link still shows a dashboard.
    const input = {
      from: preset === 'custom' ? one('from') : addDays(today, -(days - 1)),
      to: preset === 'custom' ? one('to') : today,
      interval: one('interval') === 'week' ? 'week' : 'day',
      topic: one('topic'),
      platform: one('platform'),
      language: one('language'),
      source: sources.length ? sources.join(',') : undefined,
    };
    // A range that does not fit answers 422 with the last 30 days and the reason, so the page still helps.
    const { q, range, error } = pageRange(c.var.i18n, input, now, cal);
    const previous = previousRange(range);
    const [series, thisPeriod, before, voice, platforms, topics, answered, ratings, terms, hashtags, aspects, authors] =
      await Promise.all([
        sentimentSeries(db, actor.workspaceId, q, now, cal),
        totals(db, actor.workspaceId, q, range),
        totals(db, actor.workspaceId, q, previous),
        shareOfVoice(db, actor.workspaceId, q, now, cal),
        platformBreakdown(db, actor.workspaceId, q, range),
        listTopics(db, actor.workspaceId),
        responseTimes(db, actor.workspaceId, range, q, now, cal),
        ratingStats(c.var.deps, actor.workspaceId, range, cal, q.topic, q),
        topTerms(db, actor.workspaceId, range, 'term', 15, q),
        topTerms(db, actor.workspaceId, range, 'hashtag', 15, q),
        topTerms(db, actor.workspaceId, range, 'aspect', 15, q),
        topAuthors(db, actor.workspaceId, range, authorsBy, 10, q),
      ]);
    // The row of conversations nobody was assigned is named in the viewer's language (the API's stays English).
    const responses = {
      ...answered,
      byAgent: answered.byAgent.map((a) => (a.userId ? a : { ...a, name: c.var.i18n.t(m.unassigned) })),
    };
    const timed = responses.byAgent
      .filter((a) => a.medianFirstResponseMinutes !== null)
      .sort((a, b) => a.medianFirstResponseMinutes! - b.medianFirstResponseMinutes!);
    const voiced = voice.items.filter((v) => v.total > 0);
    // Drawn only when the rollups' numbers for this view changed since they were last drawn (chart-cache.ts).
    const view = [
      actor.workspaceId,
      range.from,
      range.to,
      q.interval,
      q.topic ?? '',
      q.platform ?? '',
      q.language ?? '',
      (q.source ?? []).join(','),
      c.var.i18n.locale,
      cal.timeZone,
      cal.weekStart,
    ].join('|');
    const charts = await drawDashboardCharts(
      chartCacheOf(c.var.deps),
      view,
      {
        series: series.series,
        voice: voiced,
        platforms: platforms.map((p) => ({ name: platformLabel(p.platform), total: p.total })),
        responses: timed.map((a) => ({ name: a.name, minutes: a.medianFirstResponseMinutes! })),
        ratings: { total: ratings.total, distribution: ratings.distribution, weeks: ratings.weeks },
        terms: terms.map((t) => ({ ...t, name: t.term })),
      },
      chartText(c.var.i18n),
    );
    const filters: DashboardFilters = {
      preset,
      from: range.from,
      to: range.to,
      interval: q.interval,
      topic: q.topic,
      platform: q.platform,
      language: q.language,
      source: q.source ?? [...REPORT_SOURCES],
      authors: authorsBy,
    };
    return c.html(
      <DashboardPage
        {...shellProps(c)}
        filters={filters}
        timeZone={cal.timeZone}
        range={range}
        previous={previous}
        now={thisPeriod}
        before={before}
        series={series.series}
        voice={voice.items}
        platforms={platforms}
        topics={topics.map((t) => ({ id: t.id, name: t.name }))}
        responses={responses}
        terms={{ terms, hashtags, aspects }}
        authors={authors}
        hasTrackedTopics={voice.items.length > 0}
        previousDays={dayNumber(range.to) - dayNumber(range.from) + 1}
        ratings={ratings}
        charts={charts}
        error={error}
      />,
      error ? 422 : 200,
    );
  });

function pageRange(
  i18n: Translator,
  input: Record<string, string | undefined>,
  now: Date,
  cal: ReportCalendar,
): { q: ReportQuery; range: Range; error?: string } {
  const lastDays = (reason: string) => {
    const q = ReportQuery.parse({ interval: input.interval });
    return { q, range: resolveRange(q, now, cal), error: i18n.t(m.rangeFallback, { reason }) };
  };
  const parsed = ReportQuery.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return lastDays(`${issue.path.join('.') || 'range'} ${issue.message}`);
  }
  try {
    return { q: parsed.data, range: resolveRange(parsed.data, now, cal) };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return lastDays(messageOf(i18n, e));
  }
}
