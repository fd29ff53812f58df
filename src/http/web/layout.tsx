import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { Actor } from '../../core/actor';
import type { StaffUser } from '../env';
import { ClientMessages } from './client-messages';
import { useT } from './i18n';
import { web } from './messages';
import { SCRIPT_URL, STYLESHEET_URL } from './static';

/**
 * The HTML document around every page: one stylesheet, no inline script (the CSP forbids it); with the
 * script, the words it shows in the viewer's language (a JSON block, client-messages.tsx).
 */
export function Document(props: {
  title: string;
  children: Child;
  csrfToken?: string | undefined;
  userId?: string | undefined;
  refreshSeconds?: number | undefined;
  script?: boolean;
  /** The viewer's inbox habits, read by the script: single-key shortcuts on or off, what opens after triage. */
  preferences?: { keyboardShortcuts: boolean; afterTriage: 'next' | 'list' } | undefined;
}) {
  // The doctype keeps browsers in standards mode (without it a form gets a bottom margin, boxes size otherwise).
  return (
    <>
      {raw('<!doctype html>')}
      <html lang={useT().locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          {props.csrfToken ? <meta name="csrf-token" content={props.csrfToken} /> : null}
          {props.userId ? <meta name="user-id" content={props.userId} /> : null}
          {props.preferences ? (
            <meta name="keyboard-shortcuts" content={props.preferences.keyboardShortcuts ? 'on' : 'off'} />
          ) : null}
          {props.preferences ? <meta name="after-triage" content={props.preferences.afterTriage} /> : null}
          {props.refreshSeconds ? <meta http-equiv="refresh" content={String(props.refreshSeconds)} /> : null}
          <title>{`${props.title} · Social CRM`}</title>
          <link rel="stylesheet" href={STYLESHEET_URL} />
          <link rel="icon" href="data:," />
          {props.script ? <ClientMessages /> : null}
          {props.script ? <script src={SCRIPT_URL} defer /> : null}
        </head>
        <body>{props.children}</body>
      </html>
    </>
  );
}

export const NAV = [
  { href: '/inbox', label: web.navInbox },
  { href: '/contacts', label: web.navContacts },
  { href: '/community', label: web.navCommunity },
  { href: '/reports', label: web.navReports },
  { href: '/settings', label: web.navSettings },
] as const;

export interface ShellProps {
  title: string;
  active: (typeof NAV)[number]['href'];
  actor: Actor;
  user: StaffUser | null;
  csrfToken: string | undefined;
  /** Reload the page every so many seconds (progress of long work, without script). */
  refreshSeconds?: number | undefined;
  /** Main takes the whole width (the inbox's split view) instead of a reading column. */
  wide?: boolean;
  children: Child;
}

/**
 * The staff app: navigation on the left (on top at phone width), the page in main; a skip link first, so a
 * keyboard reaches the page without tabbing through the navigation.
 */
export function AppShell(props: ShellProps) {
  const { t } = useT();
  return (
    <Document
      title={props.title}
      csrfToken={props.csrfToken}
      userId={props.user?.id}
      refreshSeconds={props.refreshSeconds}
      preferences={
        props.user
          ? {
              keyboardShortcuts: props.user.keyboardShortcuts ?? true,
              afterTriage: props.user.afterTriage ?? 'next',
            }
          : undefined
      }
      script
    >
      <a class="skip-link" href="#main" data-testid="skip-link">
        {t(web.skipToContent)}
      </a>
      <div class="shell">
        <aside class="sidebar">
          <div class="brand">Social CRM</div>
          <nav aria-label={t(web.navMain)}>
            {NAV.map((item) => (
              <a href={item.href} aria-current={item.href === props.active ? 'page' : undefined}>
                {t(item.label)}
              </a>
            ))}
          </nav>
          <a class="notif-link" href="/notifications" data-testid="notifications-link">
            {t(web.notifications)} <span class="badge count" id="unread-count" hidden />
          </a>
          <div class="who">
            <div data-testid="current-user">{props.user?.email ?? t(web.apiKey)}</div>
            <div class="muted">
              {props.actor.workspaceSlug} · {t(web.role, { role: props.actor.role })}
            </div>
            {props.user ? (
              <a href="/settings/profile" data-testid="profile-link">
                {t(web.profile)}
              </a>
            ) : null}
            <WorkspaceSwitcher {...props} />
            <form method="post" action="/logout">
              <input type="hidden" name="_csrf" value={props.csrfToken ?? ''} />
              <button type="submit">{t(web.logOut)}</button>
            </form>
          </div>
        </aside>
        <main id="main" tabindex={-1} class={props.wide ? 'wide' : undefined}>
          {props.children}
        </main>
      </div>
    </Document>
  );
}

/** Shown only to a person whose login belongs to more than one workspace. */
function WorkspaceSwitcher(props: ShellProps) {
  const choices = props.user?.workspaces ?? [];
  if (choices.length < 2) return null;
  const { t } = useT();
  return (
    <form method="post" action="/switch-workspace" data-testid="workspace-switcher">
      <input type="hidden" name="_csrf" value={props.csrfToken ?? ''} />
      <select name="workspaceId" aria-label={t(web.workspace)}>
        {choices.map((w) => (
          <option value={w.id} selected={w.id === props.actor.workspaceId}>
            {w.name}
          </option>
        ))}
      </select>
      <button type="submit">{t(web.switchWorkspace)}</button>
    </form>
  );
}

export function Flash(props: { kind: 'ok' | 'error'; message: string | undefined }) {
  return props.message ? (
    <div class={`flash ${props.kind}`} role={props.kind === 'error' ? 'alert' : 'status'}>
      {props.message}
    </div>
  ) : null;
}
