import { compact, PlatformBadge, safeHttpUrl } from '../../http/web/format';
import type { publicContact, publicIdentity } from '../contacts.service';

export type Contact = ReturnType<typeof publicContact>;
export type Identity = ReturnType<typeof publicIdentity>;

export const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '–');

export const displayName = (c: Pick<Contact, 'name' | 'identities'>) =>
  c.name || c.identities.find((i) => i.handle)?.handle || 'Unnamed contact';

/** "@ana on X" chips for a contact's accounts. */
export function Handles(props: { identities: Identity[]; max?: number }) {
  const shown = props.identities.slice(0, props.max ?? 4);
  const more = props.identities.length - shown.length;
  return (
    <span class="handles">
      {shown.map((i) => (
        <span class="handle">
          <PlatformBadge platform={i.platform} /> {i.handle ? `@${i.handle}` : (i.displayName ?? i.externalId)}
        </span>
      ))}
      {more > 0 ? <span class="muted small">+{more} more</span> : null}
    </span>
  );
}

export function IdentityTable(props: { identities: Identity[] }) {
  if (props.identities.length === 0) return <p class="muted">No platform accounts.</p>;
  return (
    <table data-testid="identities">
      <thead>
        <tr>
          <th>Platform</th>
          <th>Account</th>
          <th>Followers</th>
          <th>Verified</th>
        </tr>
      </thead>
      <tbody>
        {props.identities.map((i) => {
          const url = safeHttpUrl(i.url);
          const label = i.handle ? `@${i.handle}` : (i.displayName ?? i.externalId);
          return (
            <tr data-testid="identity-row">
              <td>
                <PlatformBadge platform={i.platform} />
              </td>
              <td>
                {url ? (
                  <a href={url} rel="noopener noreferrer nofollow" target="_blank">
                    {label}
                  </a>
                ) : (
                  label
                )}
                {i.displayName && i.handle ? <div class="muted small">{i.displayName}</div> : null}
              </td>
              <td>{i.followers === null ? '–' : compact(i.followers)}</td>
              <td>{i.verified ? <span class="badge verified">verified</span> : <span class="muted">no</span>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function ScoreReasons(props: { reasons: Contact['scoreReasons'] }) {
  if (props.reasons.length === 0) return <p class="muted small">Nothing has added to the score yet.</p>;
  return (
    <ul class="reasons" data-testid="score-reasons">
      {props.reasons.map((r) => (
        <li>
          <span class={`points ${r.points < 0 ? 'minus' : 'plus'}`}>
            {r.points > 0 ? `+${r.points}` : String(r.points)}
          </span>{' '}
          {r.reason}
        </li>
      ))}
    </ul>
  );
}

export const SentimentBadge = (props: { label: string | null }) =>
  props.label ? <span class={`badge sentiment-${props.label}`}>{props.label}</span> : null;

/** A contact's mean sentiment as the same three words the filters use. */
export const sentimentWord = (s: number | null) =>
  s === null ? null : s > 0.05 ? 'positive' : s < -0.05 ? 'negative' : 'neutral';
