import type { Child } from 'hono/jsx';
import type { MessageDescriptor, MessageValues } from '../../core/i18n/translator';
import { LOCALE_NAMES, LOCALES } from '../../core/i18n/locales';
import type { MemberInfo } from '../../http/env';
import { useT } from '../../http/web/i18n';
import { Document, Flash } from '../../http/web/layout';
import { board } from '../board.messages';
import { initials } from '../members.service';

export interface PublicBase {
  slug: string;
  communityName: string;
  member: MemberInfo | null;
  /** Unread notifications of the signed-in member. */
  unread?: number;
}

const NAV = [
  ['', board.ideas],
  ['/roadmap', board.roadmap],
  ['/changelog', board.changelog],
  ['/reviews', board.reviews],
] as const;

/** The public board's frame: readable without script, fine on a phone. Member text is escaped by JSX. */
export function CommunityShell(
  p: PublicBase & {
    title: string;
    active: string;
    ok?: string | undefined;
    error?: string | undefined;
    children: Child;
  },
) {
  const base = `/c/${p.slug}`;
  const { t, locale } = useT();
  return (
    <Document title={`${p.title} · ${p.communityName}`} csrfToken={p.member?.csrfToken} script>
      <header class="community-head">
        <a class="community-name" href={base}>
          {t(board.communityName, { name: p.communityName })}
        </a>
        <nav aria-label={t(board.nav)}>
          {NAV.map(([path, label]) => (
            <a href={`${base}${path}`} aria-current={p.active === path ? 'page' : undefined}>
              {t(label)}
            </a>
          ))}
        </nav>
        <div class="community-member">
          {p.member ? (
            <>
              <a href={`${base}/notifications`} data-testid="member-notifications">
                {t(board.notifications)}
                {p.unread ? <span class="badge count">{p.unread}</span> : null}
              </a>
              <a href={`${base}/profile`} class="avatar" title={p.member.displayName} data-testid="member-avatar">
                {initials(p.member.displayName)}
              </a>
              <form method="post" action={`${base}/logout`} class="inline">
                <input type="hidden" name="_csrf" value={p.member.csrfToken} />
                <button type="submit" class="secondary">
                  {t(board.logOut)}
                </button>
              </form>
            </>
          ) : (
            <>
              <a href={`${base}/login`}>{t(board.logIn)}</a>
              <a class="button" href={`${base}/signup`}>
                {t(board.signUp)}
              </a>
            </>
          )}
        </div>
        <nav class="language-switch small" aria-label={t(board.language)}>
          {LOCALES.map((l) => (
            <a
              href={`/language?set=${l}&next=${encodeURIComponent(base + p.active)}`}
              lang={l}
              hreflang={l}
              aria-current={locale === l ? 'true' : undefined}
            >
              {LOCALE_NAMES[l]}
            </a>
          ))}
        </nav>
      </header>
      <main class="community-main">
        {p.member && !p.member.verified ? (
          <div class="flash ok" role="status">
            {t(board.confirmEmail)}
          </div>
        ) : null}
        <Flash kind="ok" message={p.ok} />
        <Flash kind="error" message={p.error} />
        {p.children}
      </main>
    </Document>
  );
}

/** The hidden field a signed-in member's forms carry. */
export const MemberCsrf = (props: { member: MemberInfo | null }) =>
  props.member ? <input type="hidden" name="_csrf" value={props.member.csrfToken} /> : null;

const LINK = '\u0000';

/**
 * A sentence with a link inside ("Log in to comment."): the message places the link as `{link}`, so each
 * language puts it where its grammar wants it; the link's own words are the `link` message.
 */
export function WithLink(p: { message: MessageDescriptor; values?: MessageValues; href: string; link: string }) {
  const [before = '', after = ''] = useT()
    .t(p.message, { ...p.values, link: LINK })
    .split(LINK);
  return (
    <>
      {before}
      <a href={p.href}>{p.link}</a>
      {after}
    </>
  );
}
