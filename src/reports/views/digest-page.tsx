import { PostItem } from '../../http/web/format';
import { useT } from '../../http/web/i18n';
import { AppShell } from '../../http/web/layout';
import type { PageBase } from '../../http/web/settings-shell';
import { DIGEST_PERIODS, type Digest } from '../digest';
import { reports as m } from '../messages';
import { utcDays } from './dashboard-page';

/** "+200% on the week before", or that the week before had none. */
const change = (now: number, before: number) => {
  const { t, number } = useT();
  return before
    ? t(m.digestChange, {
        kind: 'change',
        change: number(Math.round(((now - before) / before) * 100) / 100, {
          style: 'percent',
          signDisplay: 'always',
          maximumFractionDigits: 0,
        }),
      })
    : t(m.digestChange, { kind: 'new', change: '' });
};

/** Net sentiment weighs positive against negative mentions: without either there is none to show, not 0. */
const weighed = (x: { positive: number; negative: number }) => x.positive + x.negative > 0;

/** One headline figure: its name, its number and what it is against, each on its own line. */
function Figure(p: { label: string; value: string; compare: string; href?: string; testid: string }) {
  const body = (
    <>
      <span class="muted small figure-label">{p.label}</span>
      <span class="figure-value" data-testid={`${p.testid}-value`}>
        {p.value}
      </span>
      <span class="small muted figure-compare">{p.compare}</span>
    </>
  );
  return p.href ? (
    <a class="card figure" href={p.href} data-testid={p.testid}>
      {body}
    </a>
  ) : (
    <div class="card figure" data-testid={p.testid}>
      {body}
    </div>
  );
}

/** The weekly digest in the app: this week so far or the last full week, as the Monday email tells it. */
export function DigestPage(p: PageBase & { digest: Digest; timeZone: string }) {
  const d = p.digest;
  const { t, number } = useT();
  const day = utcDays().date;
  const signed = (n: number) => number(n, { signDisplay: 'exceptZero' });
  return (
    <AppShell {...p} title={t(m.digestTitle)} active="/reports">
      <div class="page-head">
        <h1>{t(m.digestTitle)}</h1>
        <a href="/reports">{t(m.back)}</a>
      </div>
      <nav class="tabs digest-periods" aria-label={t(m.digestPeriods)} data-testid="digest-periods">
        {DIGEST_PERIODS.map((period) => (
          <a
            href={period === 'current' ? '/reports/digest' : '/reports/digest?week=last'}
            aria-current={d.period === period ? 'page' : undefined}
          >
            {t(m.digestPeriod, { period })}
          </a>
        ))}
      </nav>
      <p class="muted">
        {t(d.period === 'current' ? m.digestRangeSoFar : m.digestRange, {
          from: day(d.range.from),
          to: day(d.range.to),
          zone: p.timeZone,
        })}
      </p>
      <div class="figures" data-testid="digest">
        <Figure
          label={t(m.digestMentions)}
          value={number(d.now.total)}
          compare={change(d.now.total, d.before.total)}
          testid="digest-total"
        />
        <Figure
          label={t(m.digestNet)}
          value={weighed(d.now) ? signed(d.now.net) : '–'}
          compare={weighed(d.before) ? t(m.digestNetBefore, { net: signed(d.before.net) }) : t(m.digestNetNoneBefore)}
          testid="digest-net"
        />
        <Figure
          label={t(m.digestOpen)}
          value={number(d.open.open)}
          compare={t(m.digestOpenDetail, { unassigned: number(d.open.unassigned), overdue: number(d.open.overdue) })}
          href="/inbox?view=unassigned"
          testid="digest-open"
        />
        <Figure
          label={t(m.digestAlerts)}
          value={number(d.alerts)}
          compare={t(m.digestThisWeek, { period: d.period })}
          href="/reports/alerts"
          testid="digest-alerts"
        />
      </div>
      <section class="card">
        <h2>{t(m.digestTalked)}</h2>
        <p>{d.terms.map((term) => term.term).join(', ') || t(m.digestNothing)}</p>
        {d.hashtags.length ? <p class="muted">{d.hashtags.map((h) => `#${h.term}`).join(' ')}</p> : null}
      </section>
      <section class="card" data-testid="digest-biggest">
        <h2>{t(m.digestBiggest)}</h2>
        {d.biggest.length === 0 ? (
          <p class="muted">{t(m.digestNoBiggest, { period: d.period })}</p>
        ) : (
          <ol class="plain">
            {d.biggest.map((mention) => (
              <PostItem
                platform={mention.platform}
                author={mention.authorName ?? mention.authorHandle ?? t(m.digestSomeone)}
                url={mention.url}
                text={mention.text}
              >
                {` · ${t(m.digestFollowers, { count: mention.followers ?? 0 })} · ${t(m.digestSentiment, {
                  label: mention.sentiment ?? 'unscored',
                })}`}
              </PostItem>
            ))}
          </ol>
        )}
      </section>
    </AppShell>
  );
}
