import { Hono } from 'hono';
import { can } from '../core/roles';
import { listUsers } from '../accounts';
import type { AppContext, AppEnv } from '../http/env';
import { assertCan, formProblem, parseForm, pathId, requireStaffPage, shellProps } from '../http/pages';
import type { MessageDescriptor } from '../core/i18n/translator';
import { listTopics } from '../topics';
import { routingMessages as m } from './routing.messages';
import { type FormValues, NEW_RULE, RULE_FORM, RuleForm, ruleToForm } from './rule-form';
import {
  createRule,
  createTeam,
  deleteRule,
  deleteTeam,
  getRule,
  listRules,
  listTeams,
  moveRule,
  TeamInput,
  updateRule,
  updateTeam,
} from './rules.service';
import { EditPage, RoutingPage, RuleFields, TeamFields } from './views/routing-page';

const OK_MESSAGES: Record<string, MessageDescriptor> = {
  'rule-saved': m.okRuleSaved,
  'rule-deleted': m.okRuleDeleted,
  'team-saved': m.okTeamSaved,
  'team-deleted': m.okTeamDeleted,
  moved: m.okMoved,
};

/** The rule form's options, its labels in the viewer's language. */
const ruleForm = (c: AppContext) => ({ ...RULE_FORM, labels: { actions: c.var.i18n.t(m.fieldActions) } });

async function lookups(c: AppContext, workspaceId: string) {
  const db = c.var.deps.db;
  const [users, teams, topics] = await Promise.all([
    listUsers(db, workspaceId),
    listTeams(db, workspaceId),
    listTopics(db, workspaceId),
  ]);
  return {
    people: users.filter((u) => !u.disabledAt).map((u) => ({ id: u.id, name: u.name || u.email })),
    teams,
    topics: topics.map((t) => ({ id: t.id, name: t.name })),
  };
}

async function render(
  c: AppContext,
  extra: { status?: number; error?: string; ruleValues?: FormValues; teamValues?: Record<string, string> } = {},
) {
  const actor = assertCan(c, 'inbox:read');
  const [rules, l] = await Promise.all([listRules(c.var.deps.db, actor.workspaceId), lookups(c, actor.workspaceId)]);
  const ok = OK_MESSAGES[c.req.query('ok') ?? ''];
  return c.html(
    <RoutingPage
      {...shellProps(c)}
      rules={rules}
      {...l}
      canManage={can(actor.role, 'settings:manage')}
      ok={ok && c.var.i18n.t(ok)}
      error={extra.error}
      ruleValues={extra.ruleValues ?? NEW_RULE}
      teamValues={extra.teamValues}
    />,
    (extra.status ?? 200) as 200,
  );
}

/** Settings > Routing: rules in order and the teams round-robin draws from (admins change them). */
export const routingPages = new Hono<AppEnv>()
  .use('/settings/routing', requireStaffPage)
  .use('/settings/routing/*', requireStaffPage)
  .get('/settings/routing', (c) => render(c))
  .post('/settings/routing/rules', async (c) => {
    const actor = assertCan(c, 'settings:manage');
    const rule = await parseForm(c, RuleForm, ruleForm(c));
    if (!rule.ok) return render(c, { status: 422, error: rule.message, ruleValues: rule.all });
    try {
      await createRule(c.var.deps.db, actor, rule.data);
    } catch (err) {
      const e = formProblem(err);
      return render(c, { status: e.status, error: e.message, ruleValues: rule.all });
    }
    return c.redirect('/settings/routing?ok=rule-saved', 303);
  })
  .get('/settings/routing/rules/:id', async (c) => {
    const actor = assertCan(c, 'settings:manage');
    const id = pathId(c, 'rule');
    const [rule, l] = await Promise.all([getRule(c.var.deps.db, actor.workspaceId, id), lookups(c, actor.workspaceId)]);
    return c.html(
      <EditPage
        {...shellProps(c)}
        title={c.var.i18n.t(m.ruleTitle, { name: rule.name })}
        action={`/settings/routing/rules/${id}`}
      >
        <RuleFields values={ruleToForm(rule)} {...l} />
      </EditPage>,
    );
  })
  .post('/settings/routing/rules/:id', async (c) => {
    const actor = assertCan(c, 'settings:manage');
    const id = pathId(c, 'rule');
    const rule = await parseForm(c, RuleForm, ruleForm(c));
    let error = rule.ok ? undefined : rule.message;
    if (rule.ok) {
      try {
        await updateRule(c.var.deps.db, actor, id, rule.data, c.var.deps.clock());
      } catch (err) {
        error = formProblem(err).message;
      }
    }
    if (!error) return c.redirect('/settings/routing?ok=rule-saved', 303);
    const [current, l] = await Promise.all([
      getRule(c.var.deps.db, actor.workspaceId, id),
      lookups(c, actor.workspaceId),
    ]);
    return c.html(
      <EditPage
        {...shellProps(c)}
        title={c.var.i18n.t(m.ruleTitle, { name: current.name })}
        action={`/settings/routing/rules/${id}`}
        error={error}
      >
        <RuleFields values={rule.all} {...l} />
      </EditPage>,
      422,
    );
  })
  .post('/settings/routing/rules/:id/up', async (c) => {
    await moveRule(c.var.deps.db, assertCan(c, 'settings:manage'), pathId(c, 'rule'), -1);
    return c.redirect('/settings/routing?ok=moved', 303);
  })
  .post('/settings/routing/rules/:id/down', async (c) => {
    await moveRule(c.var.deps.db, assertCan(c, 'settings:manage'), pathId(c, 'rule'), 1);
    return c.redirect('/settings/routing?ok=moved', 303);
  })
  .post('/settings/routing/rules/:id/toggle', async (c) => {
    const actor = assertCan(c, 'settings:manage');
    const id = pathId(c, 'rule');
    const rule = await getRule(c.var.deps.db, actor.workspaceId, id);
    await updateRule(c.var.deps.db, actor, id, { enabled: !rule.enabled }, c.var.deps.clock());
    return c.redirect('/settings/routing?ok=rule-saved', 303);
  })
  .post('/settings/routing/rules/:id/delete', async (c) => {
    await deleteRule(c.var.deps.db, assertCan(c, 'settings:manage'), pathId(c, 'rule'));
    return c.redirect('/settings/routing?ok=rule-deleted', 303);
  })
  .post('/settings/routing/teams', async (c) => {
    const actor = assertCan(c, 'settings:manage');
    const team = await parseForm(c, TeamInput);
    const { name = '', maxOpenPerAgent = '' } = team.values;
    const values = { name, maxOpenPerAgent };
    if (!team.ok) return render(c, { status: 422, error: team.message, teamValues: values });
    try {
      await createTeam(c.var.deps.db, actor, team.data);
    } catch (err) {
      const e = formProblem(err);
      return render(c, { status: e.status, error: e.message, teamValues: values });
    }
    return c.redirect('/settings/routing?ok=team-saved', 303);
  })
  .get('/settings/routing/teams/:id', async (c) => {
    const actor = assertCan(c, 'settings:manage');
    const id = pathId(c, 'team');
    const l = await lookups(c, actor.workspaceId);
    const [team] = await listTeams(c.var.deps.db, actor.workspaceId, id);
    return c.html(
      <EditPage
        {...shellProps(c)}
        title={c.var.i18n.t(m.teamTitle, { name: team!.name })}
        action={`/settings/routing/teams/${id}`}
      >
        <TeamFields
          values={{ name: team!.name, maxOpenPerAgent: String(team!.maxOpenPerAgent) }}
          memberIds={team!.memberIds}
          people={l.people}
        />
      </EditPage>,
    );
  })
  .post('/settings/routing/teams/:id', async (c) => {
    const actor = assertCan(c, 'settings:manage');
    const id = pathId(c, 'team');
    const team = await parseForm(c, TeamInput);
    let error = team.ok ? undefined : team.message;
    if (team.ok) {
      try {
        await updateTeam(c.var.deps.db, actor, id, team.data);
      } catch (err) {
        error = formProblem(err).message;
      }
    }
    if (!error) return c.redirect('/settings/routing?ok=team-saved', 303);
    const l = await lookups(c, actor.workspaceId);
    const [current] = await listTeams(c.var.deps.db, actor.workspaceId, id);
    return c.html(
      <EditPage
        {...shellProps(c)}
        title={c.var.i18n.t(m.teamTitle, { name: current!.name })}
        action={`/settings/routing/teams/${id}`}
        error={error}
      >
        <TeamFields
          values={{ name: team.values.name ?? '', maxOpenPerAgent: team.values.maxOpenPerAgent ?? '' }}
          memberIds={team.all.memberIds ?? []}
          people={l.people}
        />
      </EditPage>,
      422,
    );
  })
  .post('/settings/routing/teams/:id/delete', async (c) => {
    await deleteTeam(c.var.deps.db, assertCan(c, 'settings:manage'), pathId(c, 'team'));
    return c.redirect('/settings/routing?ok=team-deleted', 303);
  });
