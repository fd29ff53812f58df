import type { ConversationStatus, Priority } from './schema';

/**
 * SLA targets and where a conversation stands against them. Pure: pages, the sweep and reports
 * read the same rules.
 *
 * - The first response is due a target after the first post (SLA_MINUTES.firstResponse).
 * - After that, whenever the author writes again and waits (waitingSince), the next reply is due the
 *   same target after their post: a reply two weeks ago does not cover today's question.
 * - Resolution is due a target after the SLA cycle began: the first post, or the post that reopened
 *   a closed conversation, so an old thread reopened today is not overdue the moment it returns.
 */
export const SLA_MINUTES: Record<Priority, { firstResponse: number; resolution: number }> = {
  urgent: { firstResponse: 60, resolution: 8 * 60 },
  high: { firstResponse: 4 * 60, resolution: 24 * 60 },
  normal: { firstResponse: 12 * 60, resolution: 72 * 60 },
  low: { firstResponse: 48 * 60, resolution: 7 * 24 * 60 },
};

const after = (t: Date, minutes: number) => new Date(t.getTime() + minutes * 60_000);

/** Due times of a cycle that started at `start` (first response counts from the first post). */
export function slaDue(priority: Priority, start: Date): { firstResponseDueAt: Date; resolutionDueAt: Date } {
  const t = SLA_MINUTES[priority];
  return { firstResponseDueAt: after(start, t.firstResponse), resolutionDueAt: after(start, t.resolution) };
}

export interface SlaInput {
  status: ConversationStatus;
  priority: Priority;
  waitingSince: Date | null;
  firstResponseAt: Date | null;
  firstResponseDueAt: Date | null;
  resolvedAt: Date | null;
  resolutionDueAt: Date | null;
}

export type SlaKind = 'first-response' | 'next-response' | 'resolution';

export interface Sla {
  /** What is past its due time, if anything (a reply before resolution). */
  overdue: SlaKind | null;
  /** The next due time still ahead, for "reply within 2h". */
  nextDue: { kind: SlaKind; at: Date } | null;
}

export function slaState(c: SlaInput, now: Date): Sla {
  if (c.status !== 'open' && c.status !== 'pending') return { overdue: null, nextDue: null };
  const reply: { kind: SlaKind; at: Date } | null = !c.waitingSince
    ? null
    : c.firstResponseAt
      ? { kind: 'next-response', at: after(c.waitingSince, SLA_MINUTES[c.priority].firstResponse) }
      : {
          kind: 'first-response',
          at: c.firstResponseDueAt ?? after(c.waitingSince, SLA_MINUTES[c.priority].firstResponse),
        };
  const resolution: { kind: SlaKind; at: Date } | null =
    !c.resolvedAt && c.resolutionDueAt ? { kind: 'resolution', at: c.resolutionDueAt } : null;
  if (reply && reply.at <= now) return { overdue: reply.kind, nextDue: null };
  if (resolution && resolution.at <= now) return { overdue: 'resolution', nextDue: null };
  return { overdue: null, nextDue: reply ?? resolution };
}
