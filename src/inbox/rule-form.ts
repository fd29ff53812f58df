import { z } from 'zod';
import { PLATFORMS } from '../core/platforms';
import type { RuleRow } from './rules.service';
import { RuleActionsInput, RuleConditionsInput, RuleInput } from './rules.service';
import { inputWords as w, said } from '../http/input-words';

/**
 * The routing rule form, read into the API's RuleInput, and a rule back to field values. Its fields are
 * RuleInput's, flattened: checkbox groups, numbers, lists typed with commas, and one select that names a
 * user or a team to assign; a list left empty is no condition.
 */
export type FormValues = Record<string, string | string[]>;

const when = <T extends unknown[]>(list: T | undefined) => (list?.length ? list : undefined);
/** Only what was given: an action left out is no action (a rule needs one). */
const given = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
const cond = RuleConditionsInput.shape;
const act = RuleActionsInput.shape;

export const RuleForm = z
  .object({
    name: RuleInput.shape.name,
    enabled: z.boolean(),
    stopProcessing: z.boolean(),
    platforms: cond.platforms,
    topicIds: cond.topicIds,
    intents: cond.intents,
    sentimentMin: cond.sentimentMin,
    sentimentMax: cond.sentimentMax,
    minFollowers: cond.minFollowers,
    keywords: cond.keywords,
    languages: cond.languages,
    assign: z
      .string()
      .regex(/^(user|team):/, said(w.personOrTeam))
      .optional(),
    tags: act.tags,
    priority: act.priority,
    markSpam: z.boolean(),
  })
  .transform(
    (f): z.input<typeof RuleInput> => ({
      name: f.name,
      enabled: f.enabled,
      stopProcessing: f.stopProcessing,
      conditions: given({
        platforms: when(f.platforms),
        topicIds: when(f.topicIds),
        intents: when(f.intents),
        sentimentMin: f.sentimentMin,
        sentimentMax: f.sentimentMax,
        minFollowers: f.minFollowers,
        keywords: when(f.keywords),
        languages: when(f.languages?.map((l) => l.toLowerCase())),
      }),
      actions: given({
        assignUserId: f.assign?.startsWith('user:') ? f.assign.slice(5) : undefined,
        roundRobinTeamId: f.assign?.startsWith('team:') ? f.assign.slice(5) : undefined,
        tags: when(f.tags),
        priority: f.priority,
        markSpam: f.markSpam || undefined,
      }),
    }),
  )
  .pipe(RuleInput);
export const RULE_FORM = { lists: { keywords: ',', languages: ',', tags: ',' }, labels: { actions: 'Actions' } };

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
