import { INTENTS } from '../../sentiment';
import { platformLabel } from '../../http/web/format';
import { useT } from '../../http/web/i18n';
import { Flash } from '../../http/web/layout';
import { ConfirmAction, Csrf, type PageBase, PostButton, SettingsShell } from '../../http/web/settings-shell';
import { ONLINE_WINDOW_MS } from '../routing';
import { routingMessages as m } from '../routing.messages';
import { type FormValues, RULE_PLATFORMS } from '../rule-form';
import type { RuleRow, TeamView } from '../rules.service';
import { PRIORITIES } from '../schema';

export interface RoutingPageProps extends PageBase {
  rules: RuleRow[];
  teams: TeamView[];
  people: { id: string; name: string }[];
  topics: { id: string; name: string }[];
  canManage: boolean;
  ok?: string | undefined;
  error?: string | undefined;
  /** The new-rule form as posted, when it comes back with a problem. */
  ruleValues: FormValues;
  teamValues?: Record<string, string> | undefined;
}

interface Names {
  people: Map<string, string>;
  teams: Map<string, string>;
  topics: Map<string, string>;
}

/** "A or B or C" in the viewer's language (each "or" a message, so three choices read as they did). */
const anyOf = (items: string[]) => {
  const { t } = useT();
  return items.reduce((a, b) => t(m.or, { a, b }));
};

/** "on X or Mastodon; intent complaint; 10,000+ followers" */
export function describeConditions(r: RuleRow, n: Names): string {
  const { t, number } = useT();
  const c = r.conditions;
  const parts: string[] = [];
  if (c.platforms?.length) parts.push(t(m.onPlatforms, { platforms: anyOf(c.platforms.map(platformLabel)) }));
  if (c.topicIds?.length)
    parts.push(t(m.aboutTopics, { topics: anyOf(c.topicIds.map((id) => n.topics.get(id) ?? t(m.deletedTopic))) }));
  if (c.intents?.length)
    parts.push(t(m.withIntents, { intents: anyOf(c.intents.map((intent) => t(m.intent, { intent }))) }));
  if (c.sentimentMin !== undefined || c.sentimentMax !== undefined) {
    const score = (x: number) => number(x, { maximumFractionDigits: 2 });
    parts.push(t(m.sentimentRange, { min: score(c.sentimentMin ?? -1), max: score(c.sentimentMax ?? 1) }));
  }
  if (c.minFollowers !== undefined) parts.push(t(m.minFollowers, { followers: number(c.minFollowers) }));
  if (c.keywords?.length)
    parts.push(t(m.saysKeywords, { keywords: anyOf(c.keywords.map((text) => t(m.quoted, { text }))) }));
  if (c.languages?.length) parts.push(t(m.inLanguages, { languages: anyOf(c.languages) }));
  return parts.length ? parts.join('; ') : t(m.everyConversation);
}

export function describeActions(r: RuleRow, n: Names): string {
  const { t } = useT();
  const a = r.actions;
  const parts: string[] = [];
  if (a.assignUserId) parts.push(t(m.assignTo, { name: n.people.get(a.assignUserId) ?? t(m.formerTeammate) }));
  if (a.roundRobinTeamId) parts.push(t(m.roundRobinIn, { team: n.teams.get(a.roundRobinTeamId) ?? t(m.deletedTeam) }));
  if (a.tags?.length) parts.push(t(m.tagWith, { tags: a.tags.join(', ') }));
  if (a.priority) parts.push(t(m.setPriority, { priority: t(m.priority, { priority: a.priority }) }));
  if (a.markSpam) parts.push(t(m.markSpam));
  return parts.join('; ');
}

const has = (v: string | string[] | undefined, x: string) => (Array.isArray(v) ? v.includes(x) : v === x);
const val = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));

/** The fields of a routing rule, for adding and for editing one. */
export function RuleFields(p: {
  values: FormValues;
  people: { id: string; name: string }[];
  teams: TeamView[];
  topics: { id: string; name: string }[];
}) {
  const { t } = useT();
  const v = p.values;
  return (
    <>
      <label>
        {t(m.name)}
        <input name="name" required maxlength={80} value={val(v.name)} placeholder={t(m.namePlaceholder)} />
      </label>
      <fieldset class="choices">
        <legend>{t(m.platformsLegend)}</legend>
        {RULE_PLATFORMS.map((pl) => (
          <label class="check">
            <input type="checkbox" name="platforms" value={pl} checked={has(v.platforms, pl)} /> {platformLabel(pl)}
          </label>
        ))}
      </fieldset>
      {p.topics.length ? (
        <fieldset class="choices">
          <legend>{t(m.topicsLegend)}</legend>
          {p.topics.map((topic) => (
            <label class="check">
              <input type="checkbox" name="topicIds" value={topic.id} checked={has(v.topicIds, topic.id)} />{' '}
              {topic.name}
            </label>
          ))}
        </fieldset>
      ) : null}
      <fieldset class="choices">
        <legend>{t(m.intentsLegend)}</legend>
        {INTENTS.map((i) => (
          <label class="check">
            <input type="checkbox" name="intents" value={i} checked={has(v.intents, i)} /> {t(m.intent, { intent: i })}
          </label>
        ))}
      </fieldset>
      <div class="row">
        <label>
          {t(m.sentimentFrom)}
          <input
            type="number"
            name="sentimentMin"
            min="-1"
            max="1"
            step="0.05"
            value={val(v.sentimentMin)}
            placeholder="-1"
          />
        </label>
        <label>
          {t(m.sentimentTo)}
          <input
            type="number"
            name="sentimentMax"
            min="-1"
            max="1"
            step="0.05"
            value={val(v.sentimentMax)}
            placeholder="1"
          />
        </label>
        <label>
          {t(m.followersAtLeast)}
          <input type="number" name="minFollowers" min="0" step="1" value={val(v.minFollowers)} />
        </label>
        <label class="grow">
          {t(m.keywords)}
          <input name="keywords" value={val(v.keywords)} placeholder={t(m.keywordsPlaceholder)} />
        </label>
        <label>
          {t(m.languages)}
          <input name="languages" value={val(v.languages)} placeholder={t(m.languagesPlaceholder)} size={8} />
        </label>
      </div>
      <div class="row">
        <label>
          {t(m.thenAssign)}
          <select name="assign">
            <option value="">{t(m.nobody)}</option>
            {p.people.map((u) => (
              <option value={`user:${u.id}`} selected={val(v.assign) === `user:${u.id}`}>
                {u.name}
              </option>
            ))}
            {p.teams.map((team) => (
              <option value={`team:${team.id}`} selected={val(v.assign) === `team:${team.id}`}>
                {t(m.roundRobinOption, { team: team.name })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t(m.tags)}
          <input name="tags" value={val(v.tags)} placeholder={t(m.tagsPlaceholder)} />
        </label>
        <label>
          {t(m.priorityLabel)}
          <select name="priority">
            <option value="">{t(m.priorityComputed)}</option>
            {PRIORITIES.map((pr) => (
              <option value={pr} selected={val(v.priority) === pr}>
                {t(m.priority, { priority: pr })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="row">
        <label class="check">
          <input type="checkbox" name="markSpam" value="1" checked={val(v.markSpam) === '1'} /> {t(m.markAsSpam)}
        </label>
        <label class="check">
          <input type="checkbox" name="stopProcessing" value="1" checked={val(v.stopProcessing) === '1'} />{' '}
          {t(m.stopProcessing)}
        </label>
        <label class="check">
          <input type="checkbox" name="enabled" value="1" checked={val(v.enabled) === '1'} /> {t(m.enabled)}
        </label>
      </div>
    </>
  );
}

/** Settings > Routing: the rules new conversations pass through, in order, and the teams they use. */
export function RoutingPage(p: RoutingPageProps) {
  const { t, number } = useT();
  const names: Names = {
    people: new Map(p.people.map((u) => [u.id, u.name])),
    teams: new Map(p.teams.map((team) => [team.id, team.name])),
    topics: new Map(p.topics.map((topic) => [topic.id, topic.name])),
  };
  return (
    <SettingsShell {...p} title={t(m.title)} tab="/settings/routing">
      <Flash kind="ok" message={p.ok} />
      <Flash kind="error" message={p.error} />
      <section class="card">
        <h2>{t(m.rules)}</h2>
        <p class="muted small">{t(m.rulesHelp)}</p>
        {p.rules.length === 0 ? (
          <p class="empty">{t(m.rulesEmpty)}</p>
        ) : (
          <table class="cards">
            <thead>
              <tr>
                <th>#</th>
                <th>{t(m.columnRule)}</th>
                <th>{t(m.columnWhen)}</th>
                <th>{t(m.columnThen)}</th>
                {p.canManage ? <th></th> : null}
              </tr>
            </thead>
            <tbody>
              {p.rules.map((r, i) => (
                <tr data-testid="rule-row">
                  <td>{i + 1}</td>
                  <td data-label={t(m.columnRule)}>
                    {p.canManage ? <a href={`/settings/routing/rules/${r.id}`}>{r.name}</a> : r.name}
                    {r.enabled ? null : <span class="badge">{t(m.badgeDisabled)}</span>}
                    {r.stopProcessing ? <span class="badge">{t(m.badgeStops)}</span> : null}
                  </td>
                  <td class="small" data-label={t(m.columnWhen)}>
                    {describeConditions(r, names)}
                  </td>
                  <td class="small" data-label={t(m.columnThen)}>
                    {describeActions(r, names)}
                  </td>
                  {p.canManage ? (
                    <td>
                      <div class="row">
                        {i > 0 ? (
                          <PostButton action={`/settings/routing/rules/${r.id}/up`} label="↑" csrf={p.csrfToken} />
                        ) : null}
                        {i < p.rules.length - 1 ? (
                          <PostButton action={`/settings/routing/rules/${r.id}/down`} label="↓" csrf={p.csrfToken} />
                        ) : null}
                        <PostButton
                          action={`/settings/routing/rules/${r.id}/toggle`}
                          label={t(r.enabled ? m.disable : m.enable)}
                          csrf={p.csrfToken}
                        />
                        <ConfirmAction
                          action={`/settings/routing/rules/${r.id}/delete`}
                          label={t(m.delete)}
                          confirmLabel={t(m.deleteRuleConfirm)}
                          explain={t(m.deleteRuleExplain, { name: r.name })}
                          csrf={p.csrfToken}
                        />
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {p.canManage ? (
        <section class="card">
          <h2>{t(m.addRuleHeading)}</h2>
          <form method="post" action="/settings/routing/rules" class="stack" data-testid="rule-form">
            <Csrf token={p.csrfToken} />
            <RuleFields values={p.ruleValues} people={p.people} teams={p.teams} topics={p.topics} />
            <div>
              <button type="submit">{t(m.addRule)}</button>
            </div>
          </form>
        </section>
      ) : null}
      <section class="card">
        <h2>{t(m.teams)}</h2>
        <p class="muted small">{t(m.teamsHelp, { minutes: ONLINE_WINDOW_MS / 60_000 })}</p>
        {p.teams.length === 0 ? (
          <p class="muted">{t(m.teamsEmpty)}</p>
        ) : (
          <table class="cards">
            <thead>
              <tr>
                <th>{t(m.columnTeam)}</th>
                <th>{t(m.columnCap)}</th>
                <th>{t(m.columnMembers)}</th>
                {p.canManage ? <th></th> : null}
              </tr>
            </thead>
            <tbody>
              {p.teams.map((team) => (
                <tr data-testid="team-row">
                  <td data-label={t(m.columnTeam)}>
                    {p.canManage ? <a href={`/settings/routing/teams/${team.id}`}>{team.name}</a> : team.name}
                  </td>
                  <td data-label={t(m.columnCap)}>{number(team.maxOpenPerAgent)}</td>
                  <td class="small" data-label={t(m.columnMembers)}>
                    {team.memberIds.map((id) => names.people.get(id) ?? t(m.formerTeammate)).join(', ') || '–'}
                  </td>
                  {p.canManage ? (
                    <td>
                      <ConfirmAction
                        action={`/settings/routing/teams/${team.id}/delete`}
                        label={t(m.delete)}
                        confirmLabel={t(m.deleteTeamConfirm)}
                        explain={t(m.deleteTeamExplain, { name: team.name })}
                        csrf={p.csrfToken}
                      />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {p.canManage ? (
        <section class="card">
          <h2>{t(m.addTeamHeading)}</h2>
          <form method="post" action="/settings/routing/teams" class="stack" data-testid="team-form">
            <Csrf token={p.csrfToken} />
            <TeamFields values={p.teamValues ?? {}} memberIds={[]} people={p.people} />
            <div>
              <button type="submit">{t(m.addTeam)}</button>
            </div>
          </form>
        </section>
      ) : null}
    </SettingsShell>
  );
}

export function TeamFields(p: {
  values: Record<string, string>;
  memberIds: string[];
  people: { id: string; name: string }[];
}) {
  const { t } = useT();
  return (
    <>
      <div class="row">
        <label>
          {t(m.teamName)}
          <input name="name" required maxlength={80} value={p.values.name ?? ''} />
        </label>
        <label>
          {t(m.teamCap)}
          <input type="number" name="maxOpenPerAgent" min="1" max="1000" value={p.values.maxOpenPerAgent ?? '25'} />
        </label>
      </div>
      <fieldset class="choices">
        <legend>{t(m.teamMembers)}</legend>
        {p.people.map((u) => (
          <label class="check">
            <input type="checkbox" name="memberIds" value={u.id} checked={p.memberIds.includes(u.id)} /> {u.name}
          </label>
        ))}
      </fieldset>
    </>
  );
}

/** One rule or one team on a page of its own, to edit. */
export function EditPage(
  p: PageBase & { title: string; action: string; error?: string | undefined; children: unknown },
) {
  const { t } = useT();
  return (
    <SettingsShell {...p} title={p.title} tab="/settings/routing">
      <p class="small">
        <a href="/settings/routing">{t(m.back)}</a>
      </p>
      <Flash kind="error" message={p.error} />
      <section class="card">
        <h2>{p.title}</h2>
        <form method="post" action={p.action} class="stack">
          <Csrf token={p.csrfToken} />
          {p.children as never}
          <div>
            <button type="submit">{t(m.save)}</button>
          </div>
        </form>
      </section>
    </SettingsShell>
  );
}
