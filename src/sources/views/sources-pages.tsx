import { Flash } from '../../http/web/layout';
import { Csrf, type PageBase, PostButton, SettingsShell, when } from '../../http/web/settings-shell';
import type { FormField, PlatformForm } from '../platform-forms';
import { type ApiQuota, ApiQuotaCard, type ReviewPlaces, ReviewPlacesCard } from './review-places';
import type { publicSource } from '../sources.service';

type Source = ReturnType<typeof publicSource>;

const STATUS_TEXT = { ok: 'healthy', degraded: 'degraded', failing: 'failing' } as const;

function Health(props: { source: Source }) {
  const s = props.source;
  return (
    <span class={`badge health-${s.paused ? 'paused' : s.status}`} data-testid="source-health">
      {s.paused ? 'paused' : STATUS_TEXT[s.status]}
    </span>
  );
}

/** A poll is running now: its next-poll time is the one before it, and would read as overdue. */
const PollingNow = () => (
  <span class="badge" data-testid="polling-now">
    polling now
  </span>
);

/** Which sign-ins this installation has set up (META_APP_ID..., GOOGLE_CLIENT_ID..., LINKEDIN_CLIENT_ID...). */
export interface ConnectReady {
  facebook: boolean;
  threads: boolean;
  google: boolean;
  linkedin: boolean;
}

function ConnectButtons(p: { ready: ConnectReady; csrf: string | undefined; reconnect?: boolean }) {
  const verb = p.reconnect ? 'Reconnect' : 'Connect';
  return (
    <>
      {p.ready.facebook ? (
        <PostButton
          action="/settings/sources/connect/facebook"
          label={`${verb} with Facebook`}
          kind="primary"
          csrf={p.csrf}
        />
      ) : null}
      {p.ready.threads ? (
        <PostButton action="/settings/sources/connect/threads" label={`${verb} Threads`} kind="primary" csrf={p.csrf} />
      ) : null}
      {p.ready.google ? (
        <PostButton action="/settings/sources/connect/google" label={`${verb} Google`} kind="primary" csrf={p.csrf} />
      ) : null}
      {p.ready.linkedin ? (
        <PostButton
          action="/settings/sources/connect/linkedin"
          label={`${verb} LinkedIn`}
          kind="primary"
          csrf={p.csrf}
        />
      ) : null}
    </>
  );
}

export function SourcesPage(
  p: PageBase & { sources: Source[]; forms: [string, PlatformForm][]; canManage: boolean; connect: ConnectReady },
) {
  return (
    <SettingsShell {...p} title="Sources" tab="/settings/sources">
      <section class="card">
        {p.sources.length === 0 ? (
          <p class="empty">No sources yet. Add one below to start listening.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Source</th>
                <th>Health</th>
                <th>Last success</th>
                <th>Next poll</th>
              </tr>
            </thead>
            <tbody>
              {p.sources.map((s) => (
                <tr data-testid="source-row">
                  <td>
                    <a href={`/settings/sources/${s.id}`}>{s.name}</a>
                    <div class="muted">{s.platform}</div>
                  </td>
                  <td>
                    <Health source={s} />
                    {s.lastError ? <div class="muted small">{s.lastError}</div> : null}
                    {s.credentialsCleared ? <div class="muted small">credentials needed again</div> : null}
                  </td>
                  <td class="muted">{when(s.lastSuccessAt)}</td>
                  <td class="muted">{s.paused ? '–' : s.polling ? <PollingNow /> : when(s.nextPollAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {p.canManage ? (
        <section class="card">
          <h2>Add a source</h2>
          {Object.values(p.connect).some(Boolean) ? (
            <div class="row">
              <ConnectButtons ready={p.connect} csrf={p.csrfToken} />
              <span class="muted small">
                Sign in once: Facebook Pages with their Instagram accounts; Threads; YouTube channels and Google
                reviews; LinkedIn Pages.
              </span>
            </div>
          ) : null}
          <div class="row">
            {p.forms.map(([platform, form]) => (
              <a class="button secondary-link" href={`/settings/sources/new?platform=${platform}`}>
                {form.label}
              </a>
            ))}
          </div>
        </section>
      ) : null}
    </SettingsShell>
  );
}

/** A form with a key file to upload is sent as multipart; the others stay urlencoded. */
const encFor = (fields: FormField[]) => (fields.some((f) => f.type === 'key') ? 'multipart/form-data' : undefined);

function Field(props: { field: FormField; value?: string | undefined }) {
  const f = props.field;
  if (f.type === 'key') {
    // A key file is read on the server and sealed; it is never put back into a page.
    return (
      <label>
        {f.label}
        {f.required ? ' *' : ''}
        <input name={f.name} type="file" required={f.required} accept={f.placeholder} />
        {f.help ? <span class="muted small">{f.help}</span> : null}
      </label>
    );
  }
  if (f.type === 'checkbox') {
    return (
      <label class="check">
        <input type="checkbox" name={f.name} checked={props.value === 'on'} /> {f.label}
      </label>
    );
  }
  return (
    <label>
      {f.label}
      {f.required ? ' *' : ''}
      <input
        name={f.name}
        type={f.type === 'list' ? 'text' : f.type}
        required={f.required}
        placeholder={f.placeholder}
        value={f.type === 'password' ? '' : (props.value ?? '')}
        autocomplete={f.type === 'password' ? 'new-password' : 'off'}
      />
      {f.help ? <span class="muted small">{f.help}</span> : null}
    </label>
  );
}

export function NewSourcePage(
  p: PageBase & { platform: string; form: PlatformForm; error?: string | undefined; values?: Record<string, string> },
) {
  return (
    <SettingsShell {...p} title={`Add ${p.form.label}`} tab="/settings/sources">
      <form class="card stack narrow" method="post" action="/settings/sources" enctype={encFor(p.form.fields)}>
        <h2>Add {p.form.label}</h2>
        <p class="muted">{p.form.intro}</p>
        <Flash kind="error" message={p.error} />
        <Csrf token={p.csrfToken} />
        <input type="hidden" name="platform" value={p.platform} />
        <label>
          Name *
          <input name="name" required maxlength={80} value={p.values?.name ?? p.form.label} />
        </label>
        {p.form.fields.map((f) => (
          <Field field={f} value={p.values?.[f.name]} />
        ))}
        <label>
          Poll every (seconds)
          <input
            name="pollIntervalSeconds"
            type="number"
            min={30}
            max={86400}
            value={p.values?.pollIntervalSeconds ?? '300'}
          />
        </label>
        <button type="submit">Add source</button>
      </form>
    </SettingsShell>
  );
}

export const CREDENTIALS_CLEARED_TEXT =
  'The address of this source moved to another host, so its stored credentials were removed: ' +
  'they never follow a source to a new host. Enter them again below.';

interface SourcePageProps extends PageBase {
  source: Source;
  canManage: boolean;
  mentionCount: number;
  /** The platform's credential fields, asked for again after a change of host removed them. */
  credentialFields: FormField[];
  notice?: { kind: 'ok' | 'error'; message: string } | undefined;
  connect: ConnectReady;
  hashtags: HashtagUse | null;
  quota?: ApiQuota | null;
  places?: ReviewPlaces | null;
}

/** A quota of hashtags (Instagram's 30 in 7 days) and each topic's hashtags against it. */
export interface HashtagUse {
  searched: string[];
  limit: number;
  days: number;
  topics: { name: string; tags: { tag: string; state: 'searched' | 'next' | 'waiting' }[] }[];
}

const HASHTAG_STATE = { searched: 'searched', next: 'searched at the next poll', waiting: 'waits for room' } as const;

function Hashtags(p: { use: HashtagUse }) {
  const { use } = p;
  return (
    <section class="card stack" data-testid="hashtag-quota">
      <h2>Hashtags</h2>
      <p>
        {use.searched.length} of {use.limit} different hashtags searched in the last {use.days} days (the platform's
        limit; a new one waits until one drops out of the window).
      </p>
      {use.topics.length === 0 ? (
        <p class="muted">No topic has hashtags. Add #hashtags to a topic's query to search them here.</p>
      ) : (
        <ul>
          {use.topics.map((t) => (
            <li>
              <strong>{t.name}</strong>:{' '}
              {t.tags.map((h, i) => (
                <>
                  {i ? ', ' : ''}#{h.tag}{' '}
                  <span class={`muted small hashtag-${h.state}`}>({HASHTAG_STATE[h.state]})</span>
                </>
              ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function SourcePage(p: SourcePageProps) {
  const s = p.source;
  const b = s.backfill;
  const action = (path: string, label: string, kind: 'secondary' | 'danger' | 'primary' = 'secondary') => (
    <PostButton action={`/settings/sources/${s.id}/${path}`} label={label} kind={kind} csrf={p.csrfToken} />
  );
  return (
    // While a backfill runs, the page reloads itself to show progress (no script needed).
    <SettingsShell
      {...p}
      title={s.name}
      tab="/settings/sources"
      refreshSeconds={b?.status === 'running' ? 3 : undefined}
    >
      <p>
        <a href="/settings/sources">← All sources</a>
      </p>
      {p.notice ? <Flash kind={p.notice.kind} message={p.notice.message} /> : null}
      {s.credentialsCleared ? (
        <div data-testid="credentials-cleared">
          <Flash kind="error" message={CREDENTIALS_CLEARED_TEXT} />
        </div>
      ) : null}
      <section class="card stack">
        <h2>
          {s.name} <Health source={s} />
        </h2>
        <dl class="facts">
          <dt>Platform</dt>
          <dd>{s.platform}</dd>
          <dt>Mentions stored</dt>
          <dd data-testid="mention-count">{p.mentionCount}</dd>
          <dt>Last success</dt>
          <dd>{when(s.lastSuccessAt)}</dd>
          <dt>Last poll</dt>
          <dd>{when(s.lastPolledAt)}</dd>
          <dt>Next poll</dt>
          <dd>{s.paused ? 'paused' : s.polling ? <PollingNow /> : when(s.nextPollAt)}</dd>
          <dt>Poll interval</dt>
          <dd>
            {s.pollIntervalSeconds} s
            {s.webhooksLive ? ' (webhooks are live: polled every 30 minutes or more, as a safety net)' : ''}
          </dd>
          {s.lastWebhookAt ? (
            <>
              <dt>Last webhook</dt>
              <dd data-testid="last-webhook">{when(s.lastWebhookAt)}</dd>
            </>
          ) : null}
          <dt>Failures in a row</dt>
          <dd>{s.consecutiveFailures}</dd>
          <dt>Last error</dt>
          <dd data-testid="last-error">{s.lastError ? `${s.lastError} (${when(s.lastErrorAt)})` : 'none'}</dd>
          <dt>Credentials</dt>
          <dd>
            {s.hasCredentials
              ? 'stored, encrypted'
              : s.credentialsCleared
                ? 'removed when the host changed: enter them again'
                : 'none'}
          </dd>
          {s.token ? (
            <>
              <dt>Access ends</dt>
              <dd data-testid="token-expires">{s.token.expiresAt ? when(s.token.expiresAt) : 'never'}</dd>
              <dt>Permissions</dt>
              <dd>{s.token.scopes ? s.token.scopes.join(', ') : 'not reported'}</dd>
            </>
          ) : null}
        </dl>
        {p.canManage ? (
          <div class="row">
            {action('verify', 'Verify credentials')}
            {action('poll', 'Poll now')}
            {s.paused ? action('resume', 'Resume', 'primary') : action('pause', 'Pause')}
            {action('delete', 'Delete source', 'danger')}
            <ConnectButtons
              ready={{
                facebook: p.connect.facebook && (s.platform === 'facebook' || s.platform === 'instagram'),
                threads: p.connect.threads && s.platform === 'threads',
                google: p.connect.google && (s.platform === 'youtube' || s.platform === 'google_reviews'),
                linkedin: p.connect.linkedin && s.platform === 'linkedin',
              }}
              csrf={p.csrfToken}
              reconnect
            />
          </div>
        ) : null}
      </section>
      {p.hashtags ? <Hashtags use={p.hashtags} /> : null}
      {p.quota ? <ApiQuotaCard quota={p.quota} /> : null}
      {p.places ? (
        <ReviewPlacesCard sourceId={s.id} use={p.places} canManage={p.canManage} csrfToken={p.csrfToken} />
      ) : null}
      {p.canManage && p.credentialFields.length > 0 ? (
        <form
          class="card stack narrow"
          method="post"
          action={`/settings/sources/${s.id}/credentials`}
          enctype={encFor(p.credentialFields)}
          data-testid="credentials-form"
        >
          <h2>{s.credentialsCleared ? 'Enter the credentials again' : 'Replace credentials'}</h2>
          <p class="muted">Stored encrypted, never shown again; they are sent only to this source's address.</p>
          <Csrf token={p.csrfToken} />
          {p.credentialFields.map((f) => (
            <Field field={f} />
          ))}
          <button type="submit">Save credentials</button>
        </form>
      ) : null}
      <section class="card stack">
        <h2>Backfill</h2>
        {b ? (
          <div data-testid="backfill">
            <progress max={100} value={b.percent} aria-label="Backfill progress" />{' '}
            <span>
              {b.status === 'running'
                ? `${b.percent}% of ${b.days} days`
                : b.status === 'done'
                  ? `done: ${b.days} days`
                  : 'failed'}{' '}
              · {b.pages} pages, {b.fetched} posts fetched, {b.inserted} new
            </span>
          </div>
        ) : (
          <p class="muted">Fetch older posts, as far back as the platform keeps them.</p>
        )}
        {p.canManage && b?.status !== 'running' ? (
          <form class="row" method="post" action={`/settings/sources/${s.id}/backfill`}>
            <Csrf token={p.csrfToken} />
            <label>
              Days
              <input name="days" type="number" min={1} max={30} value="7" required />
            </label>
            <button type="submit">Start backfill</button>
          </form>
        ) : null}
      </section>
    </SettingsShell>
  );
}
