import type { Child } from 'hono/jsx';
import type { MemberInfo } from '../../http/env';
import { Document, Flash } from '../../http/web/layout';
import { initials } from '../members.service';

export interface PublicBase {
  slug: string;
  communityName: string;
  member: MemberInfo | null;
  /** Unread notifications of the signed-in member. */
  unread?: number;
}

const NAV = [
  ['', 'Ideas'],
  ['/roadmap', 'Roadmap'],
  ['/changelog', 'Changelog'],
  ['/reviews', 'Reviews'],
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
  return (
    <Document title={`${p.title} · ${p.communityName}`} csrfToken={p.member?.csrfToken} script>
      <header class="community-head">
        <a class="community-name" href={base}>
          {p.communityName} community
        </a>
        <nav aria-label="Community">
          {NAV.map(([path, label]) => (
            <a href={`${base}${path}`} aria-current={p.active === path ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
        <div class="community-member">
          {p.member ? (
            <>
              <a href={`${base}/notifications`} data-testid="member-notifications">
                Notifications{p.unread ? <span class="badge count">{p.unread}</span> : null}
              </a>
              <a href={`${base}/profile`} class="avatar" title={p.member.displayName} data-testid="member-avatar">
                {initials(p.member.displayName)}
              </a>
              <form method="post" action={`${base}/logout`} class="inline">
                <input type="hidden" name="_csrf" value={p.member.csrfToken} />
                <button type="submit" class="secondary">
                  Log out
                </button>
              </form>
            </>
          ) : (
            <>
              <a href={`${base}/login`}>Log in</a>
              <a class="button" href={`${base}/signup`}>
                Sign up
              </a>
            </>
          )}
        </div>
      </header>
      <main class="community-main">
        {p.member && !p.member.verified ? (
          <div class="flash ok" role="status">
            Confirm your email to post, vote and comment: the link is in your inbox.
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
