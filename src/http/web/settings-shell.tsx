import type { Child } from 'hono/jsx';
import { AppShell, type ShellProps } from './layout';

export type PageBase = Omit<ShellProps, 'title' | 'active' | 'children'>;

const TABS = [
  { href: '/settings/sources', label: 'Sources' },
  { href: '/settings/topics', label: 'Topics' },
  { href: '/settings/vocabulary', label: 'Vocabulary' },
  { href: '/settings/analysis', label: 'Analysis' },
  { href: '/settings/imports', label: 'Imports' },
  { href: '/settings/routing', label: 'Routing' },
  { href: '/settings/saved-replies', label: 'Saved replies' },
  { href: '/settings/users', label: 'Users' },
  { href: '/settings/api-keys', label: 'API keys' },
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
  return (
    <AppShell {...props} title={props.title} active="/settings">
      <h1>Settings</h1>
      <nav class="tabs" aria-label="Settings">
        {TABS.map((t) => (
          <a href={t.href} aria-current={t.href === props.tab ? 'page' : undefined}>
            {t.label}
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

export const when = (iso: string | Date | null | undefined) =>
  iso ? new Date(iso).toISOString().slice(0, 16).replace('T', ' ') : '–';

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
