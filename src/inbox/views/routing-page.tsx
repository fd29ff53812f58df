import { INTENTS } from '../../sentiment';
import { platformLabel } from '../../http/web/format';
import { Flash } from '../../http/web/layout';
import { Csrf, type PageBase, PostButton, SettingsShell } from '../../http/web/settings-shell';
import { type FormValues, RULE_PLATFORMS } from '../rule-form';
import type { RuleRow, TeamView } from '../rules.service';
import { PRIORITIES } from '../schema';
import { INTENT_LABELS } from './parts';

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

/** "X or Mastodon; intent complaint; 10,000+ followers" */
export function describeConditions(r: RuleRow, n: Names): string {
  const c = r.conditions;
  const parts: string[] = [];
  if (c.platforms?.length) parts.push(`on ${c.platforms.map(platformLabel).join(' or ')}`);
  if (c.topicIds?.length)
    parts.push(`about ${c.topicIds.map((id) => n.topics.get(id) ?? 'a deleted topic').join(' or ')}`);
  if (c.intents?.length) parts.push(`intent ${c.intents.map((i) => INTENT_LABELS[i] ?? i).join(' or ')}`);
  if (c.sentimentMin !== undefined || c.sentimentMax !== undefined)
    parts.push(`sentiment ${c.sentimentMin ?? -1} to ${c.sentimentMax ?? 1}`);
  if (c.minFollowers !== undefined) parts.push(`${c.minFollowers.toLocaleString('en')}+ followers`);
  if (c.keywords?.length) parts.push(`says ${c.keywords.map((k) => `“${k}”`).join(' or ')}`);
  if (c.languages?.length) parts.push(`in ${c.languages.join(' or ')}`);
  return parts.length ? parts.join('; ') : 'every new conversation';
}

export function describeActions(r: RuleRow, n: Names): string {
  const a = r.actions;
  const parts: string[] = [];
  if (a.assignUserId) parts.push(`assign to ${n.people.get(a.assignUserId) ?? 'a former teammate'}`);
  if (a.roundRobinTeamId) parts.push(`round-robin in ${n.teams.get(a.roundRobinTeamId) ?? 'a deleted team'}`);
  if (a.tags?.length) parts.push(`tag ${a.tags.join(', ')}`);
  if (a.priority) parts.push(`priority ${a.priority}`);
  if (a.markSpam) parts.push('mark spam');
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
  const v = p.values;
  return (
    <>
      <label>
        Name
        <input name="name" required maxlength={80} value={val(v.name)} placeholder="VIP complaints" />
      </label>
      <fieldset class="choices">
        <legend>When a new conversation is on</legend>
        {RULE_PLATFORMS.map((pl) => (
          <label class="check">
            <input type="checkbox" name="platforms" value={pl} checked={has(v.platforms, pl)} /> {platformLabel(pl)}
          </label>
        ))}
      </fieldset>
      {p.topics.length ? (
        <fieldset class="choices">
          <legend>About a topic</legend>
          {p.topics.map((t) => (
            <label class="check">
              <input type="checkbox" name="topicIds" value={t.id} checked={has(v.topicIds, t.id)} /> {t.name}
            </label>
          ))}
        </fieldset>
      ) : null}
      <fieldset class="choices">
        <legend>With an intent</legend>
        {INTENTS.map((i) => (
          <label class="check">
            <input type="checkbox" name="intents" value={i} checked={has(v.intents, i)} /> {INTENT_LABELS[i]}
          </label>
        ))}
      </fieldset>
      <div class="row">
        <label>
          Sentiment from
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
          to
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
          Followers at least
          <input type="number" name="minFollowers" min="0" step="1" value={val(v.minFollowers)} />
        </label>
        <label class="grow">
          Keywords (any, comma separated)
          <input name="keywords" value={val(v.keywords)} placeholder="refund, cancel my account" />
        </label>
        <label>
          Languages
          <input name="languages" value={val(v.languages)} placeholder="en, de" size={8} />
        </label>
      </div>
      <div class="row">
        <label>
          Then assign
          <select name="assign">
            <option value="">Nobody</option>
            {p.people.map((u) => (
              <option value={`user:${u.id}`} selected={val(v.assign) === `user:${u.id}`}>
                {u.name}
              </option>
            ))}
            {p.teams.map((t) => (
              <option value={`team:${t.id}`} selected={val(v.assign) === `team:${t.id}`}>
                {`Round-robin: ${t.name}`}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tags
          <input name="tags" value={val(v.tags)} placeholder="vip, billing" />
        </label>
        <label>
          Priority
          <select name="priority">
            <option value="">Computed</option>
            {PRIORITIES.map((pr) => (
              <option value={pr} selected={val(v.priority) === pr}>
                {pr}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="row">
        <label class="check">
          <input type="checkbox" name="markSpam" value="1" checked={val(v.markSpam) === '1'} /> Mark as spam
        </label>
        <label class="check">
          <input type="checkbox" name="stopProcessing" value="1" checked={val(v.stopProcessing) === '1'} /> Stop here:
          later rules are not tried
        </label>
        <label class="check">
          <input type="checkbox" name="enabled" value="1" checked={val(v.enabled) === '1'} /> Enabled
        </label>
      </div>
    </>
  );
}

/** Settings > Routing: the rules new conversations pass through, in order, and the teams they use. */
export function RoutingPage(p: RoutingPageProps) {
  const names: Names = {
    people: new Map(p.people.map((u) => [u.id, u.name])),
    teams: new Map(p.teams.map((t) => [t.id, t.name])),
    topics: new Map(p.topics.map((t) => [t.id, t.name])),
  };
  return (
    <SettingsShell {...p} title="Routing" tab="/settings/routing">
      <Flash kind="ok" message={p.ok} />
      <Flash kind="error" message={p.error} />
      <section class="card">
        <h2>Rules</h2>
        <p class="muted small">
          Every new conversation goes through the enabled rules from the top; each match is written in the
          conversation's history.
        </p>
        {p.rules.length === 0 ? (
          <p class="empty">No rules yet: new conversations stay unassigned with their computed priority.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>#</th>
                <th>Rule</th>
                <th>When</th>
                <th>Then</th>
                {p.canManage ? <th></th> : null}
              </tr>
            </thead>
            <tbody>
              {p.rules.map((r, i) => (
                <tr data-testid="rule-row">
                  <td>{i + 1}</td>
                  <td>
                    {p.canManage ? <a href={`/settings/routing/rules/${r.id}`}>{r.name}</a> : r.name}
                    {r.enabled ? null : <span class="badge">disabled</span>}
                    {r.stopProcessing ? <span class="badge">stops</span> : null}
                  </td>
                  <td class="small">{describeConditions(r, names)}</td>
                  <td class="small">{describeActions(r, names)}</td>
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
                          label={r.enabled ? 'Disable' : 'Enable'}
                          csrf={p.csrfToken}
                        />
                        <PostButton
                          action={`/settings/routing/rules/${r.id}/delete`}
                          label="Delete"
                          kind="danger"
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
          <h2>Add a rule</h2>
          <form method="post" action="/settings/routing/rules" class="stack" data-testid="rule-form">
            <Csrf token={p.csrfToken} />
            <RuleFields values={p.ruleValues} people={p.people} teams={p.teams} topics={p.topics} />
            <div>
              <button type="submit">Add rule</button>
            </div>
          </form>
        </section>
      ) : null}
      <section class="card">
        <h2>Teams</h2>
        <p class="muted small">
          Round-robin gives a new conversation to the team's agent who is online (signed in within 15 minutes) with the
          fewest open conversations, skipping anyone at the cap.
        </p>
        {p.teams.length === 0 ? (
          <p class="muted">No teams yet.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Team</th>
                <th>Open cap per agent</th>
                <th>Members</th>
                {p.canManage ? <th></th> : null}
              </tr>
            </thead>
            <tbody>
              {p.teams.map((t) => (
                <tr data-testid="team-row">
                  <td>{p.canManage ? <a href={`/settings/routing/teams/${t.id}`}>{t.name}</a> : t.name}</td>
                  <td>{t.maxOpenPerAgent}</td>
                  <td class="small">
                    {t.memberIds.map((id) => names.people.get(id) ?? 'a former teammate').join(', ') || '–'}
                  </td>
                  {p.canManage ? (
                    <td>
                      <PostButton
                        action={`/settings/routing/teams/${t.id}/delete`}
                        label="Delete"
                        kind="danger"
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
          <h2>Add a team</h2>
          <form method="post" action="/settings/routing/teams" class="stack" data-testid="team-form">
            <Csrf token={p.csrfToken} />
            <TeamFields values={p.teamValues ?? {}} memberIds={[]} people={p.people} />
            <div>
              <button type="submit">Add team</button>
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
  return (
    <>
      <div class="row">
        <label>
          Name
          <input name="name" required maxlength={80} value={p.values.name ?? ''} />
        </label>
        <label>
          Open conversations per agent at most
          <input type="number" name="maxOpenPerAgent" min="1" max="1000" value={p.values.maxOpenPerAgent ?? '25'} />
        </label>
      </div>
      <fieldset class="choices">
        <legend>Members</legend>
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
  return (
    <SettingsShell {...p} title={p.title} tab="/settings/routing">
      <p class="small">
        <a href="/settings/routing">← Routing</a>
      </p>
      <Flash kind="error" message={p.error} />
      <section class="card">
        <h2>{p.title}</h2>
        <form method="post" action={p.action} class="stack">
          <Csrf token={p.csrfToken} />
          {p.children as never}
          <div>
            <button type="submit">Save</button>
          </div>
        </form>
      </section>
    </SettingsShell>
  );
}
