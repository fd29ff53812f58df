import type { Child } from 'hono/jsx';
import { useT } from './i18n';
import { AppShell, type ShellProps } from './layout';
import { web } from './messages';

export type PageBase = Omit<ShellProps, 'title' | 'active' | 'children'>;

const TABS = [
  { href: '/settings/sources', label: web.tabSources },
  { href: '/settings/topics', label: web.tabTopics },
  { href: '/settings/vocabulary', label: web.tabVocabulary },
  { href: '/settings/analysis', label: web.tabAnalysis },
  { href: '/settings/imports', label: web.tabImports },
  { href: '/settings/routing', label: web.tabRouting },
  { href: '/settings/saved-replies', label: web.tabSavedReplies },
  { href: '/settings/users', label: web.tabUsers },
  { href: '/settings/api-keys', label: web.tabApiKeys },
  { href: '/settings/workspace', label: web.tabWorkspace },
  { href: '/settings/profile', label: web.tabProfile },
] as const;

/** Settings pages share one heading and tab bar. */
export function SettingsShell(
  props: PageBase & {
    title: string;
    tab: (typeof TABS)[number]['href'];
    refreshSeconds?: number | undefined;
    children: Child;
  },
) {
  const { t } = useT();
  return (
    <AppShell {...props} title={props.title} active="/settings">
      <h1>{t(web.settings)}</h1>
      <nav class="tabs" aria-label={t(web.settings)}>
        {TABS.map((tab) => (
          <a href={tab.href} aria-current={tab.href === props.tab ? 'page' : undefined}>
            {t(tab.label)}
          </a>
        ))}
      </nav>
      {props.children}
    </AppShell>
  );
}

/** The hidden CSRF field every staff form carries. */
export const Csrf = (props: { token: string | undefined }) => (
  <input type="hidden" name="_csrf" value={props.token ?? ''} />
);

/** A moment in the viewer's language and time zone ("7 Dec 2026, 09:00"); a dash for none. */
export const when = (iso: string | Date | null | undefined) => (iso ? useT().dateTime(iso) : '–');

/**
 * A destructive action that asks first, without script: the first button opens the step, which says what
 * happens to the data, and only its second button posts. Pressing the first again closes it (cancel).
 */
export function ConfirmAction(props: {
  action: string;
  label: string;
  confirmLabel: string;
  /** What happens to the data, in the reader's words. */
  explain: Child;
  csrf: string | undefined;
  testId?: string;
}) {
  return (
    <details class="confirm" data-testid={props.testId}>
      <summary class="button danger">{props.label}</summary>
      <div class="confirm-step" role="group" aria-label={props.label}>
        <p>{props.explain}</p>
        <form class="inline" method="post" action={props.action}>
          <Csrf token={props.csrf} />
          <button class="danger-solid" type="submit">
            {props.confirmLabel}
          </button>
        </form>
      </div>
    </details>
  );
}

/** A one-button form posting to an action URL (delete, pause, revoke...), with its CSRF field. */
export function PostButton(props: {
  action: string;
  label: string;
  csrf: string | undefined;
  kind?: 'secondary' | 'danger' | 'primary';
  fields?: Record<string, string>;
}) {
  return (
    <form class="inline" method="post" action={props.action}>
      <Csrf token={props.csrf} />
      {Object.entries(props.fields ?? {}).map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
      <button class={props.kind === 'primary' ? undefined : (props.kind ?? 'secondary')} type="submit">
        {props.label}
      </button>
    </form>
  );
}
