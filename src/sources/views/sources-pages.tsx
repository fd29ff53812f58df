import { useT } from '../../http/web/i18n';
import { Flash } from '../../http/web/layout';
import { ConfirmAction, Csrf, type PageBase, PostButton, SettingsShell, when } from '../../http/web/settings-shell';
import { sourcesMessages as m } from '../messages';
import { type FormField, type PlatformForm, sayFormText } from '../platform-forms';
import { type ApiQuota, ApiQuotaCard, type ReviewPlaces, ReviewPlacesCard } from './review-places';
import type { publicSource } from '../sources.service';

type Source = ReturnType<typeof publicSource>;

function Health(props: { source: Source }) {
  const s = props.source;
  const status = s.paused ? 'paused' : s.status;
  return (
    <span class={`badge health-${status}`} data-testid="source-health">
      {useT().t(m.health, { status })}
    </span>
  );
}

/** A poll is running now: its next-poll time is the one before it, and would read as overdue. */
const PollingNow = () => (
  <span class="badge" data-testid="polling-now">
    {useT().t(m.pollingNow)}
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
  const { t } = useT();
  const reconnect = p.reconnect ? 'yes' : 'no';
  return (
    <>
      {p.ready.facebook ? (
        <PostButton
          action="/settings/sources/connect/facebook"
          label={t(m.connectWith, { reconnect, platform: 'Facebook' })}
          kind="primary"
          csrf={p.csrf}
        />
      ) : null}
      {p.ready.threads ? (
        <PostButton
          action="/settings/sources/connect/threads"
          label={t(m.connectPlatform, { reconnect, platform: 'Threads' })}
          kind="primary"
          csrf={p.csrf}
        />
      ) : null}
      {p.ready.google ? (
        <PostButton
          action="/settings/sources/connect/google"
          label={t(m.connectPlatform, { reconnect, platform: 'Google' })}
          kind="primary"
          csrf={p.csrf}
        />
      ) : null}
      {p.ready.linkedin ? (
        <PostButton
          action="/settings/sources/connect/linkedin"
          label={t(m.connectPlatform, { reconnect, platform: 'LinkedIn' })}
          kind="primary"
          csrf={p.csrf}
        />
      ) : null}
    </>
  );
}

export function SourcesPage(
  p: PageBase & {
    sources: Source[];
    forms: [string, PlatformForm][];
    canManage: boolean;
    connect: ConnectReady;
    ok?: string | undefined;
  },
) {
  const { t } = useT();
  return (
    <SettingsShell {...p} title={t(m.listTitle)} tab="/settings/sources">
      <div aria-live="polite">
        <Flash kind="ok" message={p.ok} />
      </div>
      <section class="card">
        {p.sources.length === 0 ? (
          <p class="empty">{t(m.listEmpty)}</p>
        ) : (
          <table class="cards">
            <thead>
              <tr>
                <th>{t(m.listSource)}</th>
                <th>{t(m.listHealth)}</th>
                <th>{t(m.lastSuccess)}</th>
                <th>{t(m.nextPoll)}</th>
              </tr>
            </thead>
            <tbody>
              {p.sources.map((s) => (
                <tr data-testid="source-row">
                  <td data-label={t(m.listSource)}>
                    <a href={`/settings/sources/${s.id}`}>{s.name}</a>
                    <div class="muted">{s.platform}</div>
                  </td>
                  <td data-label={t(m.listHealth)}>
                    <Health source={s} />
                    {s.lastError ? <div class="muted small">{s.lastError}</div> : null}
                    {s.credentialsCleared ? <div class="muted small">{t(m.credentialsNeeded)}</div> : null}
                  </td>
                  <td class="muted" data-label={t(m.lastSuccess)}>
                    {when(s.lastSuccessAt)}
                  </td>
                  <td class="muted" data-label={t(m.nextPoll)}>
                    {s.paused ? '–' : s.polling ? <PollingNow /> : when(s.nextPollAt)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {p.canManage ? (
        <section class="card">
          <h2>{t(m.addSource)}</h2>
          {Object.values(p.connect).some(Boolean) ? (
            <div class="row">
              <ConnectButtons ready={p.connect} csrf={p.csrfToken} />
              <span class="muted small">{t(m.connectHint)}</span>
            </div>
          ) : null}
          <div class="row">
            {p.forms.map(([platform, form]) => (
              <a class="button secondary-link" href={`/settings/sources/new?platform=${platform}`}>
                {sayFormText(t, form.label)}
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
  const { t } = useT();
  const label = sayFormText(t, f.label);
  const help = f.help ? sayFormText(t, f.help) : null;
  if (f.type === 'key') {
    // A key file is read on the server and sealed; it is never put back into a page.
    return (
      <label>
        {label}
        {f.required ? ' *' : ''}
        <input name={f.name} type="file" required={f.required} accept={f.placeholder} />
        {help ? <span class="muted small">{help}</span> : null}
      </label>
    );
  }
  if (f.type === 'checkbox') {
    return (
      <label class="check">
        <input type="checkbox" name={f.name} checked={props.value === 'on'} /> {label}
      </label>
    );
  }
  return (
    <label>
      {label}
      {f.required ? ' *' : ''}
      <input
        name={f.name}
        type={f.type === 'list' ? 'text' : f.type}
        required={f.required}
        placeholder={f.placeholder}
        value={f.type === 'password' ? '' : (props.value ?? '')}
        autocomplete={f.type === 'password' ? 'new-password' : 'off'}
      />
      {help ? <span class="muted small">{help}</span> : null}
    </label>
  );
}

/** What access a platform must grant and where its credentials are made, before the fields that ask for them. */
function AccessGuide(p: { form: Pick<PlatformForm, 'access' | 'portal'> }) {
  const { t } = useT();
  if (!p.form.access?.length && !p.form.portal) return null;
  return (
    <div class="stack" data-testid="access-guide">
      {p.form.access?.length ? (
        <ul class="help-list">
          {p.form.access.map((text) => (
            <li>{sayFormText(t, text)}</li>
          ))}
        </ul>
      ) : null}
      {p.form.portal ? (
        <p>
          <a href={p.form.portal.href} target="_blank" rel="noopener noreferrer">
            {sayFormText(t, p.form.portal.label)} ↗
          </a>
        </p>
      ) : null}
    </div>
  );
}

export function NewSourcePage(
  p: PageBase & { platform: string; form: PlatformForm; error?: string | undefined; values?: Record<string, string> },
) {
  const { t } = useT();
  const platform = sayFormText(t, p.form.label);
  return (
    <SettingsShell {...p} title={t(m.newTitle, { platform })} tab="/settings/sources">
      <form class="card stack narrow" method="post" action="/settings/sources" enctype={encFor(p.form.fields)}>
        <h2>{t(m.newTitle, { platform })}</h2>
        <p class="muted">{sayFormText(t, p.form.intro)}</p>
        <AccessGuide form={p.form} />
        <Flash kind="error" message={p.error} />
        <Csrf token={p.csrfToken} />
        <input type="hidden" name="platform" value={p.platform} />
        <label>
          {t(m.newName)} *
          <input name="name" required maxlength={80} value={p.values?.name ?? platform} />
        </label>
        {p.form.fields.map((f) => (
          <Field field={f} value={p.values?.[f.name]} />
        ))}
        <label>
          {t(m.newPollEvery)}
          <input
            name="pollIntervalSeconds"
            type="number"
            min={30}
            max={86400}
            value={p.values?.pollIntervalSeconds ?? '300'}
          />
        </label>
        {p.form.fields.some((f) => f.name.startsWith('credentials.')) ? (
          <p class="muted small">{t(m.verifyOnSave, { platform })}</p>
        ) : null}
        <button type="submit">{t(m.newSubmit)}</button>
      </form>
    </SettingsShell>
  );
}

/** What a source whose host changed says, in English (its message: sourcesMessages.credentialsCleared). */
export const CREDENTIALS_CLEARED_TEXT = m.credentialsCleared.defaultMessage as string;

interface SourcePageProps extends PageBase {
  source: Source;
  canManage: boolean;
  mentionCount: number;
  /** The platform's credential fields, asked for again after a change of host removed them. */
  credentialFields: FormField[];
  /** What access the platform must grant and where credentials are made (beside the credentials form). */
  access?: PlatformForm | undefined;
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

function Hashtags(p: { use: HashtagUse }) {
  const { use } = p;
  const { t, number } = useT();
  return (
    <section class="card stack" data-testid="hashtag-quota">
      <h2>{t(m.hashtagsTitle)}</h2>
      <p>{t(m.hashtagsUse, { searched: number(use.searched.length), limit: use.limit, days: use.days })}</p>
      {use.topics.length === 0 ? (
        <p class="muted">{t(m.hashtagsNone)}</p>
      ) : (
        <ul>
          {use.topics.map((topic) => (
            <li>
              <strong>{topic.name}</strong>:{' '}
              {topic.tags.map((h, i) => (
                <>
                  {i ? ', ' : ''}#{h.tag}{' '}
                  <span class={`muted small hashtag-${h.state}`}>({t(m.hashtagState, { state: h.state })})</span>
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
  const { t, number, percent } = useT();
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
        <a href="/settings/sources">← {t(m.allSources)}</a>
      </p>
      <div aria-live="polite">{p.notice ? <Flash kind={p.notice.kind} message={p.notice.message} /> : null}</div>
      {s.credentialsCleared ? (
        <div data-testid="credentials-cleared">
          <Flash kind="error" message={t(m.credentialsCleared)} />
        </div>
      ) : null}
      <section class="card stack">
        <h2>
          {s.name} <Health source={s} />
        </h2>
        <dl class="facts">
          <dt>{t(m.platform)}</dt>
          <dd>{s.platform}</dd>
          <dt>{t(m.mentionsStored)}</dt>
          <dd data-testid="mention-count">{number(p.mentionCount)}</dd>
          <dt>{t(m.lastSuccess)}</dt>
          <dd>{when(s.lastSuccessAt)}</dd>
          <dt>{t(m.lastPoll)}</dt>
          <dd>{when(s.lastPolledAt)}</dd>
          <dt>{t(m.nextPoll)}</dt>
          <dd>{s.paused ? t(m.paused) : s.polling ? <PollingNow /> : when(s.nextPollAt)}</dd>
          <dt>{t(m.pollInterval)}</dt>
          <dd>
            {s.webhooksLive
              ? t(m.intervalWebhooks, { seconds: number(s.pollIntervalSeconds), minutes: 30 })
              : t(m.intervalSeconds, { seconds: number(s.pollIntervalSeconds) })}
          </dd>
          {s.lastWebhookAt ? (
            <>
              <dt>{t(m.lastWebhook)}</dt>
              <dd data-testid="last-webhook">{when(s.lastWebhookAt)}</dd>
            </>
          ) : null}
          <dt>{t(m.failuresInARow)}</dt>
          <dd>{number(s.consecutiveFailures)}</dd>
          <dt>{t(m.lastError)}</dt>
          <dd data-testid="last-error">
            {s.lastError ? t(m.errorAt, { error: s.lastError, at: when(s.lastErrorAt) }) : t(m.noError)}
          </dd>
          <dt>{t(m.credentials)}</dt>
          <dd>
            {s.hasCredentials
              ? t(m.credentialsStored)
              : s.credentialsCleared
                ? t(m.credentialsRemoved)
                : t(m.noCredentials)}
          </dd>
          {s.token ? (
            <>
              <dt>{t(m.accessEnds)}</dt>
              <dd data-testid="token-expires">{s.token.expiresAt ? when(s.token.expiresAt) : t(m.never)}</dd>
              <dt>{t(m.permissions)}</dt>
              <dd>{s.token.scopes ? s.token.scopes.join(', ') : t(m.notReported)}</dd>
            </>
          ) : null}
        </dl>
        {p.canManage ? (
          <div class="row">
            {/* Nothing to verify where nothing was entered (RSS, Hacker News...). */}
            {s.hasCredentials ? action('verify', t(m.verify)) : null}
            {action('poll', t(m.pollNow))}
            {s.paused ? action('resume', t(m.resume), 'primary') : action('pause', t(m.pause))}
            <ConfirmAction
              action={`/settings/sources/${s.id}/delete`}
              label={t(m.deleteSource)}
              confirmLabel={t(m.deleteConfirm)}
              explain={t(m.deleteExplain, { name: s.name, count: p.mentionCount })}
              csrf={p.csrfToken}
              testId="source-delete"
            />
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
          <h2>{s.credentialsCleared ? t(m.enterCredentialsAgain) : t(m.replaceCredentials)}</h2>
          <p class="muted">{t(m.credentialsNote)}</p>
          {p.access ? <AccessGuide form={p.access} /> : null}
          <p class="muted small">
            {t(m.verifyOnSave, { platform: p.access ? sayFormText(t, p.access.label) : s.platform })}
          </p>
          <Csrf token={p.csrfToken} />
          {p.credentialFields.map((f) => (
            <Field field={f} />
          ))}
          <button type="submit">{t(m.saveCredentials)}</button>
        </form>
      ) : null}
      <section class="card stack">
        <h2>{t(m.backfill)}</h2>
        {b ? (
          <div data-testid="backfill">
            <progress max={100} value={b.percent} aria-label={t(m.backfillProgress)} />{' '}
            <span>
              {b.status === 'running'
                ? t(m.backfillRunning, { percent: percent(b.percent / 100), days: b.days })
                : b.status === 'done'
                  ? t(m.backfillDone, { days: b.days })
                  : t(m.backfillFailed)}{' '}
              · {t(m.backfillCounts, { pages: b.pages, fetched: b.fetched, inserted: number(b.inserted) })}
            </span>
          </div>
        ) : (
          <p class="muted">{t(m.backfillIntro)}</p>
        )}
        {p.canManage && b?.status !== 'running' ? (
          <form class="row" method="post" action={`/settings/sources/${s.id}/backfill`}>
            <Csrf token={p.csrfToken} />
            <label>
              {t(m.backfillDays)}
              <input name="days" type="number" min={1} max={30} value="7" required />
            </label>
            <button type="submit">{t(m.startBackfill)}</button>
          </form>
        ) : null}
      </section>
    </SettingsShell>
  );
}
