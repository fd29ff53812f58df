import type { RuleActions, RuleConditions } from './schema';

/**
 * Routing rule matching, pure: a rule matches when every condition it sets holds (an unset
 * condition matches anything; a list matches when any of its values does).
 */
export interface ConversationFacts {
  platform: string;
  topicIds: string[];
  sentimentScore: number | null;
  intents: string[];
  followers: number | null;
  text: string;
  language: string | null;
}

export interface Rule {
  id: string;
  name: string;
  enabled: boolean;
  conditions: RuleConditions;
  actions: RuleActions;
  stopProcessing: boolean;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A keyword matches as a whole word or phrase, ignoring case: "refund" matches "Refund please", not "refunded". */
export const keywordMatches = (text: string, keyword: string) =>
  new RegExp(`(?:^|[^\\p{L}\\p{N}])${escapeRegExp(keyword.trim())}(?:$|[^\\p{L}\\p{N}])`, 'iu').test(text);

export function ruleMatches(c: RuleConditions, f: ConversationFacts): boolean {
  if (c.platforms?.length && !c.platforms.includes(f.platform)) return false;
  if (c.topicIds?.length && !c.topicIds.some((t) => f.topicIds.includes(t))) return false;
  if (c.sentimentMin !== undefined && (f.sentimentScore === null || f.sentimentScore < c.sentimentMin)) return false;
  if (c.sentimentMax !== undefined && (f.sentimentScore === null || f.sentimentScore > c.sentimentMax)) return false;
  if (c.intents?.length && !c.intents.some((i) => f.intents.includes(i))) return false;
  if (c.minFollowers !== undefined && (f.followers ?? 0) < c.minFollowers) return false;
  if (c.keywords?.length && !c.keywords.some((k) => keywordMatches(f.text, k))) return false;
  if (c.languages?.length && (!f.language || !c.languages.includes(f.language))) return false;
  return true;
}

/** The rules that apply, in order, up to the first matching one that stops processing. */
export function matchingRules(rules: Rule[], f: ConversationFacts): Rule[] {
  const out: Rule[] = [];
  for (const r of rules) {
    if (!r.enabled || !ruleMatches(r.conditions, f)) continue;
    out.push(r);
    if (r.stopProcessing) break;
  }
  return out;
}

export interface Agent {
  userId: string;
  open: number;
  lastAssignedAt: Date | null;
}

/**
 * Round-robin with a cap: the online agent with the fewest open conversations below the cap,
 * ties to whoever got one longest ago. Null when everyone is at the cap (the conversation stays
 * unassigned, visible in the Unassigned view).
 */
export function pickAgent(agents: Agent[], cap: number): Agent | null {
  const free = agents.filter((a) => a.open < cap);
  if (free.length === 0) return null;
  return free.sort(
    (a, b) =>
      a.open - b.open ||
      (a.lastAssignedAt?.getTime() ?? 0) - (b.lastAssignedAt?.getTime() ?? 0) ||
      (a.userId < b.userId ? -1 : 1),
  )[0]!;
}
