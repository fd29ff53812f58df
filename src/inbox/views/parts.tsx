import type { MessageDescriptor } from '../../core/i18n/translator';
import { useT } from '../../http/web/i18n';
import { priorityReasonText } from '../priority-reason';
import type { Sla, SlaKind } from '../sla';
import { common as m } from './messages';

const OVERDUE: Record<SlaKind, MessageDescriptor> = {
  'first-response': m.overdueFirstResponse,
  'next-response': m.overdueNextResponse,
  resolution: m.overdueResolution,
};

/** Small pieces shared by the inbox list and the conversation page. */

/** An intent in the viewer's language ("feature request"); an unknown one as it is stored. */
export const intentLabel = (intent: string) => useT().t(m.intent, { intent });

/** A conversation status in the viewer's language ("Snoozed"). */
export const statusLabel = (status: string) => useT().t(m.status, { status });

/** A priority in the viewer's language ("urgent"). */
export const priorityLabel = (priority: string) => useT().t(m.priority, { priority });

/** "5m", "3h", "2d": how long ago, or how long someone has waited. */
export function duration(ms: number): string {
  const { t, number } = useT();
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return t(m.duration, { unit: 'minute', n: number(minutes) });
  const h = Math.floor(minutes / 60);
  if (h < 48) return t(m.duration, { unit: 'hour', n: number(h) });
  return t(m.duration, { unit: 'day', n: number(Math.floor(h / 24)) });
}

export function SlaBadge(props: { sla: Sla; now: Date }) {
  const { sla, now } = props;
  const { t } = useT();
  if (sla.overdue)
    return (
      <span class="badge sla-overdue" data-testid="sla-overdue">
        {t(OVERDUE[sla.overdue])}
      </span>
    );
  if (sla.nextDue) {
    const within = sla.nextDue.kind === 'resolution' ? m.resolveWithin : m.replyWithin;
    return (
      <span class="badge sla-due">{t(within, { duration: duration(sla.nextDue.at.getTime() - now.getTime()) })}</span>
    );
  }
  return null;
}

// The reason is stored as the priority rule wrote it (English), so it shows as stored.
export const PriorityBadge = (props: { priority: string; reason: string }) => (
  <span
    class={`badge priority-${props.priority}`}
    title={priorityReasonText(useT(), props.reason)}
    data-testid="priority"
  >
    {priorityLabel(props.priority)}
  </span>
);

export const StatusBadge = (props: { status: string }) => (
  <span class={`badge status-${props.status}`}>{statusLabel(props.status)}</span>
);

export const IntentBadges = (props: { intents: string[] }) => (
  <>
    {props.intents.map((i) => (
      <span class="badge intent">{intentLabel(i)}</span>
    ))}
  </>
);

/** The keys (or the message saying them) and what they do. */
export const SHORTCUTS: [string | MessageDescriptor, MessageDescriptor][] = [
  ['j / k', m.shortcutNext],
  [m.keyOpen, m.shortcutOpen],
  ['x', m.shortcutSelect],
  ['a', m.shortcutAssign],
  ['e', m.shortcutClose],
  ['r', m.shortcutReply],
  ['/', m.shortcutSearch],
  ['u', m.shortcutBack],
  ['z', m.shortcutUndo],
  ['Esc', m.shortcutClosePane],
  ['?', m.shortcutHelp],
];

/** The keyboard help, opened with "?" by the inbox script (a plain <dialog>, closed with Esc). */
export function KeyboardHelp() {
  const { t } = useT();
  return (
    <dialog id="keyboard-help" aria-labelledby="keyboard-help-title" data-testid="keyboard-help">
      <h2 id="keyboard-help-title">{t(m.keyboardShortcuts)}</h2>
      <dl class="facts">
        {SHORTCUTS.map(([k, what]) => (
          <>
            <dt>
              <kbd>{typeof k === 'string' ? k : t(k)}</kbd>
            </dt>
            <dd>{t(what)}</dd>
          </>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit" class="secondary">
          {t(m.close)}
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
