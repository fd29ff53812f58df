import { PLATFORMS } from '../core/platforms';
import type { RuleRow } from './rules.service';
import { RuleInput } from './rules.service';

/**
 * The routing rule form: posted fields to the API's RuleInput, and a rule back to field values.
 * Checkbox groups arrive as repeated fields; lists typed by hand are comma separated.
 */
export type FormValues = Record<string, string | string[]>;

const list = (v: string | string[] | undefined) =>
  (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean);
const text = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
const commas = (v: string | string[] | undefined) =>
  text(v)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const num = (v: string | string[] | undefined) => (text(v) === '' ? undefined : Number(text(v)));

export function ruleFromForm(form: FormValues): { ok: true; input: RuleInput } | { ok: false; message: string } {
  const conditions: Record<string, unknown> = {};
  const platforms = list(form.platforms);
  if (platforms.length) conditions.platforms = platforms;
  const topicIds = list(form.topicIds);
  if (topicIds.length) conditions.topicIds = topicIds;
  const intents = list(form.intents);
  if (intents.length) conditions.intents = intents;
  for (const key of ['sentimentMin', 'sentimentMax', 'minFollowers'] as const) {
    const n = num(form[key]);
    if (n !== undefined) conditions[key] = n;
  }
  const keywords = commas(form.keywords);
  if (keywords.length) conditions.keywords = keywords;
  const languages = commas(form.languages).map((l) => l.toLowerCase());
  if (languages.length) conditions.languages = languages;

  const actions: Record<string, unknown> = {};
  const assign = text(form.assign);
  if (assign.startsWith('user:')) actions.assignUserId = assign.slice(5);
  if (assign.startsWith('team:')) actions.roundRobinTeamId = assign.slice(5);
  const tags = commas(form.tags);
  if (tags.length) actions.tags = tags;
  if (text(form.priority)) actions.priority = text(form.priority);
  if (text(form.markSpam) === '1') actions.markSpam = true;

  const parsed = RuleInput.safeParse({
    name: text(form.name),
    enabled: text(form.enabled) === '1',
    stopProcessing: text(form.stopProcessing) === '1',
    conditions,
    actions,
  });
  if (parsed.success) return { ok: true, input: parsed.data };
  const issue = parsed.error.issues[0]!;
  const where = issue.path.filter((p) => p !== 'conditions' && p !== 'actions').join('.');
  return { ok: false, message: where ? `${where}: ${issue.message}` : issue.message };
}

/** A saved rule as the form's values, for the edit page. */
export function ruleToForm(r: RuleRow): FormValues {
  const c = r.conditions;
  const a = r.actions;
  return {
    name: r.name,
    enabled: r.enabled ? '1' : '',
    stopProcessing: r.stopProcessing ? '1' : '',
    platforms: c.platforms ?? [],
    topicIds: c.topicIds ?? [],
    intents: c.intents ?? [],
    sentimentMin: c.sentimentMin === undefined ? '' : String(c.sentimentMin),
    sentimentMax: c.sentimentMax === undefined ? '' : String(c.sentimentMax),
    minFollowers: c.minFollowers === undefined ? '' : String(c.minFollowers),
    keywords: (c.keywords ?? []).join(', '),
    languages: (c.languages ?? []).join(', '),
    assign: a.assignUserId ? `user:${a.assignUserId}` : a.roundRobinTeamId ? `team:${a.roundRobinTeamId}` : '',
    tags: (a.tags ?? []).join(', '),
    priority: a.priority ?? '',
    markSpam: a.markSpam ? '1' : '',
  };
}

export const NEW_RULE: FormValues = { enabled: '1', platforms: [], topicIds: [], intents: [] };
export const RULE_PLATFORMS = PLATFORMS.filter((p) => p !== 'import');
