import { PostItem } from '../../http/web/format';
import { AppShell } from '../../http/web/layout';
import type { PageBase } from '../../http/web/settings-shell';
import type { Digest } from '../digest';

const change = (now: number, before: number) =>
  before ? `${now >= before ? '+' : ''}${Math.round(((now - before) / before) * 100)}%` : 'new';

/** The weekly digest in the app: the same text the Monday email carries. */
export function DigestPage(p: PageBase & { digest: Digest }) {
  const d = p.digest;
  return (
    <AppShell {...p} title="Weekly digest" active="/reports">
      <div class="page-head">
        <h1>Weekly digest</h1>
        <a href="/reports">← Reports</a>
      </div>
      <p class="muted">
        {d.range.from} to {d.range.to} (UTC), against the week before
      </p>
      <div class="figures" data-testid="digest">
        <div class="card figure">
          <span class="muted small">Mentions</span>
          <span class="figure-value" data-testid="digest-total">
            {d.now.total}
          </span>
          <span class="small muted">{change(d.now.total, d.before.total)} on the week before</span>
        </div>
        <div class="card figure">
          <span class="muted small">Net sentiment</span>
          <span class="figure-value">{d.now.net}</span>
          <span class="small muted">{d.before.net} the week before</span>
        </div>
        <a class="card figure" href="/inbox?view=unassigned">
          <span class="muted small">Open conversations</span>
          <span class="figure-value">{d.open.open}</span>
          <span class="small muted">
            {d.open.unassigned} unassigned, {d.open.overdue} past their first-response time
          </span>
        </a>
        <a class="card figure" href="/reports/alerts">
          <span class="muted small">Spike alerts</span>
          <span class="figure-value">{d.alerts}</span>
          <span class="small muted">this week</span>
        </a>
      </div>
      <section class="card">
        <h2>What people talked about</h2>
        <p>{d.terms.map((t) => t.term).join(', ') || 'Nothing yet.'}</p>
        {d.hashtags.length ? <p class="muted">{d.hashtags.map((h) => `#${h.term}`).join(' ')}</p> : null}
      </section>
      <section class="card">
        <h2>Biggest mentions</h2>
        <ol class="plain">
          {d.biggest.map((m) => (
            <PostItem
              platform={m.platform}
              author={m.authorName ?? m.authorHandle ?? 'someone'}
              url={m.url}
              text={m.text}
            >
              {` · ${m.followers ?? 0} followers · ${m.sentiment ?? 'unscored'}`}
            </PostItem>
          ))}
        </ol>
      </section>
    </AppShell>
  );
}
