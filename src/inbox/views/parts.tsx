import type { Sla, SlaKind } from '../sla';

const OVERDUE: Record<SlaKind, string> = {
  'first-response': 'First response overdue',
  'next-response': 'Reply overdue',
  resolution: 'Resolution overdue',
};

/** Small pieces shared by the inbox list and the conversation page. */

export const INTENT_LABELS: Record<string, string> = {
  question: 'question',
  complaint: 'complaint',
  praise: 'praise',
  feature_request: 'feature request',
  purchase_intent: 'purchase intent',
  churn_risk: 'churn risk',
};

export const STATUS_LABELS: Record<string, string> = {
  open: 'Open',
  pending: 'Pending',
  snoozed: 'Snoozed',
  closed: 'Closed',
  spam: 'Spam',
};

/** "5m", "3h", "2d": how long ago, or how long someone has waited. */
export function duration(ms: number): string {
  const m = Math.max(0, Math.round(ms / 60_000));
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h`;
  return `${Math.floor(h / 24)}d`;
}

export function SlaBadge(props: { sla: Sla; now: Date }) {
  const { sla, now } = props;
  if (sla.overdue)
    return (
      <span class="badge sla-overdue" data-testid="sla-overdue">
        {OVERDUE[sla.overdue]}
      </span>
    );
  if (sla.nextDue) {
    const verb = sla.nextDue.kind === 'resolution' ? 'Resolve' : 'Reply';
    return <span class="badge sla-due">{`${verb} within ${duration(sla.nextDue.at.getTime() - now.getTime())}`}</span>;
  }
  return null;
}

export const PriorityBadge = (props: { priority: string; reason: string }) => (
  <span class={`badge priority-${props.priority}`} title={props.reason} data-testid="priority">
    {props.priority}
  </span>
);

export const StatusBadge = (props: { status: string }) => (
  <span class={`badge status-${props.status}`}>{STATUS_LABELS[props.status] ?? props.status}</span>
);

export const IntentBadges = (props: { intents: string[] }) => (
  <>
    {props.intents.map((i) => (
      <span class="badge intent">{INTENT_LABELS[i] ?? i}</span>
    ))}
  </>
);

export const SHORTCUTS: [string, string][] = [
  ['j / k', 'next / previous conversation'],
  ['o or Enter', 'open the selected conversation'],
  ['x', 'select it for a bulk action'],
  ['a', 'assign to me (in a conversation: choose the assignee)'],
  ['e', 'close'],
  ['r', 'reply'],
  ['/', 'search'],
  ['u', 'back to the inbox (in a conversation)'],
  ['?', 'this help'],
];

/** The keyboard help, opened with "?" by the inbox script (a plain <dialog>, closed with Esc). */
export function KeyboardHelp() {
  return (
    <dialog id="keyboard-help" aria-labelledby="keyboard-help-title" data-testid="keyboard-help">
      <h2 id="keyboard-help-title">Keyboard shortcuts</h2>
      <dl class="facts">
        {SHORTCUTS.map(([k, what]) => (
          <>
            <dt>
              <kbd>{k}</kbd>
            </dt>
            <dd>{what}</dd>
          </>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit" class="secondary">
          Close
        </button>
      </form>
    </dialog>
  );
}

/** The workspace's tags for inputs with list="workspace-tags". */
export const TagList = (props: { tags: string[] }) => (
  <datalist id="workspace-tags">
    {props.tags.map((t) => (
      <option value={t} />
    ))}
  </datalist>
);
