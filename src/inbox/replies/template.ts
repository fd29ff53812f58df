/**
 * Saved-reply variables: `{{first_name}}` and friends, filled from the conversation's author and the
 * agent writing. Pure. Unknown variables are refused when a saved reply is written, so a typo is
 * caught by its author, not by a customer.
 */
export const TEMPLATE_VARIABLES = [
  'first_name',
  'last_name',
  'name',
  'handle',
  'company',
  'agent_first_name',
  'agent_name',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

const VAR_RE = /\{\{\s*([a-z_]+)\s*\}\}/g;

export function unknownVariables(body: string): string[] {
  return [
    ...new Set(
      [...body.matchAll(VAR_RE)]
        .map((m) => m[1]!)
        .filter((v) => !(TEMPLATE_VARIABLES as readonly string[]).includes(v)),
    ),
  ];
}

export interface TemplateContext {
  authorName: string | null;
  authorHandle: string | null;
  company: string | null;
  agentName: string | null;
}

const words = (s: string | null) => (s ?? '').trim().split(/\s+/).filter(Boolean);

export function renderTemplate(body: string, ctx: TemplateContext): string {
  const name = words(ctx.authorName);
  const agent = words(ctx.agentName);
  const values: Record<TemplateVariable, string> = {
    // No name on the profile: the handle is how the author is known there.
    first_name: name[0] ?? (ctx.authorHandle ? `@${ctx.authorHandle}` : 'there'),
    last_name: name.length > 1 ? name.at(-1)! : '',
    name: name.join(' ') || (ctx.authorHandle ? `@${ctx.authorHandle}` : ''),
    handle: ctx.authorHandle ? `@${ctx.authorHandle}` : '',
    company: ctx.company ?? '',
    agent_first_name: agent[0] ?? '',
    agent_name: agent.join(' '),
  };
  return body
    .replace(VAR_RE, (whole, v: string) => (v in values ? values[v as TemplateVariable] : whole))
    .replace(/ {2,}/g, ' ');
}
