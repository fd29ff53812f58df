import { compact, PlatformBadge, safeHttpUrl } from '../../http/web/format';
import { useT } from '../../http/web/i18n';
import { web } from '../../http/web/messages';
import type { publicContact, publicIdentity } from '../contacts.service';
import { contactMessages as m } from '../messages';
import { scoreReasonText } from '../reasons';
import { scoreParts } from '../score';

export type Contact = ReturnType<typeof publicContact>;
export type Identity = ReturnType<typeof publicIdentity>;

/**
 * The calendar day of a moment in the viewer's time zone, written YYYY-MM-DD (read the same in every language);
 * a dash for none.
 */
export const day = (iso: string | null | undefined) => {
  if (!iso) return '–';
  const parts = useT().intl.formatDateToParts(iso, { year: 'numeric', month: '2-digit', day: '2-digit' });
  const part = (type: string) => parts.find((x) => x.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
};

export const displayName = (c: Pick<Contact, 'name' | 'identities'>) =>
  c.name || c.identities.find((i) => i.handle)?.handle || useT().t(m.unnamed);

/** A lifecycle stage in the viewer's language: the default stages translated, a workspace's own as written. */
export const stageLabel = (stage: string) => {
  const { t } = useT();
  // "other" is a default stage, and also the catch-all of a select message: it has a message of its own.
  return stage === 'other' ? t(m.stageOther) : t(m.stageName, { stage });
};

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
      {more > 0 ? <span class="muted small">{useT().t(m.moreHandles, { count: useT().number(more) })}</span> : null}
    </span>
  );
}

export function IdentityTable(props: { identities: Identity[] }) {
  const { t } = useT();
  if (props.identities.length === 0) return <p class="muted">{t(m.noAccounts)}</p>;
  return (
    <table data-testid="identities">
      <thead>
        <tr>
          <th>{t(m.platform)}</th>
          <th>{t(m.account)}</th>
          <th>{t(m.followers)}</th>
          <th>{t(m.verified)}</th>
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
              <td>
                {i.verified ? (
                  <span class="badge verified">{t(m.verifiedBadge)}</span>
                ) : (
                  <span class="muted">{t(m.notVerified)}</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** One part of a score: its points (signed) and what it is for. */
function ScorePart(props: { reason: Contact['scoreReasons'][number] }) {
  const translator = useT();
  const r = props.reason;
  return (
    <li data-testid="score-part" data-points={r.points} data-code={r.code}>
      <span class={`points ${r.points < 0 ? 'minus' : 'plus'}`}>
        {translator.number(r.points, { signDisplay: 'exceptZero' })}
      </span>{' '}
      {scoreReasonText(translator, r)}
    </li>
  );
}

/**
 * Why a contact scores what it does: every part, adding up to the score (score.ts `scoreParts`), and the total.
 * `shown`: how many parts to list before the rest fold away (with their sum), as the author card does.
 */
export function ScoreReasons(props: { score: number; reasons: Contact['scoreReasons']; shown?: number }) {
  const { t, number } = useT();
  const parts = scoreParts(props.score, props.reasons);
  if (parts.length === 0) return <p class="muted small">{t(m.noScoreReasons)}</p>;
  const shown = props.shown && parts.length > props.shown + 1 ? props.shown : parts.length;
  const rest = parts.slice(shown);
  const restPoints = rest.reduce((sum, r) => sum + r.points, 0);
  return (
    <div class="score-parts">
      <ul class="reasons" data-testid="score-reasons">
        {parts.slice(0, shown).map((r) => (
          <ScorePart reason={r} />
        ))}
      </ul>
      {rest.length > 0 ? (
        <details class="more-parts">
          <summary data-testid="score-more">
            {t(m.moreScoreParts, { count: rest.length, points: number(restPoints, { signDisplay: 'exceptZero' }) })}
          </summary>
          <ul class="reasons">
            {rest.map((r) => (
              <ScorePart reason={r} />
            ))}
          </ul>
        </details>
      ) : null}
      <p class="score-total small" data-testid="score-total">
        {t(m.scoreTotal, { score: number(props.score) })}
      </p>
    </div>
  );
}

export const SentimentBadge = (props: { label: string | null }) =>
  props.label ? (
    <span class={`badge sentiment-${props.label}`}>{useT().t(web.sentiment, { label: props.label })}</span>
  ) : null;

/** A contact's mean sentiment as the same three words the filters use. */
export const sentimentWord = (s: number | null) =>
  s === null ? null : s > 0.05 ? 'positive' : s < -0.05 ? 'negative' : 'neutral';
