import { PostItem } from '../../http/web/format';
import { useT } from '../../http/web/i18n';
import { AppShell } from '../../http/web/layout';
import type { PageBase } from '../../http/web/settings-shell';
import type { Digest } from '../digest';
import { reports as m } from '../messages';
import { utcDays } from './dashboard-page';

/** "+200% on the week before", or "new …" when the week before had none. */
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

/** The weekly digest in the app: the same text the Monday email carries. */
export function DigestPage(p: PageBase & { digest: Digest; timeZone: string }) {
  const d = p.digest;
  const { t, number } = useT();
  const day = utcDays().date;
  return (
    <AppShell {...p} title={t(m.digestTitle)} active="/reports">
      <div class="page-head">
        <h1>{t(m.digestTitle)}</h1>
        <a href="/reports">{t(m.back)}</a>
      </div>
      <p class="muted">{t(m.digestRange, { from: day(d.range.from), to: day(d.range.to), zone: p.timeZone })}</p>
      <div class="figures" data-testid="digest">
        <div class="card figure">
          <span class="muted small">{t(m.digestMentions)}</span>
          <span class="figure-value" data-testid="digest-total">
            {number(d.now.total)}
          </span>
          <span class="small muted">{change(d.now.total, d.before.total)}</span>
        </div>
        <div class="card figure">
          <span class="muted small">{t(m.digestNet)}</span>
          <span class="figure-value">{number(d.now.net)}</span>
          <span class="small muted">{t(m.digestNetBefore, { net: number(d.before.net) })}</span>
        </div>
        <a class="card figure" href="/inbox?view=unassigned">
          <span class="muted small">{t(m.digestOpen)}</span>
          <span class="figure-value">{number(d.open.open)}</span>
          <span class="small muted">
            {t(m.digestOpenDetail, { unassigned: number(d.open.unassigned), overdue: number(d.open.overdue) })}
          </span>
        </a>
        <a class="card figure" href="/reports/alerts">
          <span class="muted small">{t(m.digestAlerts)}</span>
          <span class="figure-value">{number(d.alerts)}</span>
          <span class="small muted">{t(m.digestThisWeek)}</span>
        </a>
      </div>
      <section class="card">
        <h2>{t(m.digestTalked)}</h2>
        <p>{d.terms.map((term) => term.term).join(', ') || t(m.digestNothing)}</p>
        {d.hashtags.length ? <p class="muted">{d.hashtags.map((h) => `#${h.term}`).join(' ')}</p> : null}
      </section>
      <section class="card">
        <h2>{t(m.digestBiggest)}</h2>
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
      </section>
    </AppShell>
  );
}
