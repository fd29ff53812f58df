import { useT } from './i18n';
import { web } from './messages';

/**
 * A sentiment label as every page shows it, and the "Why negative?" disclosure under a post. Whether a label
 * is uncertain is mentions' rule (isUncertain), decided by the caller; these only say it the same way.
 */

export interface SentimentBadgeProps {
  /** The label it counts under (staff's correction first). */
  label: string | null;
  /** How sure the analyzer was (null: a correction, unscored, or not known). */
  confidence: number | null;
  /** Below the workspace's threshold: "negative? (uncertain, 0.42)", never turned neutral. */
  uncertain: boolean;
  corrected?: boolean;
  testid?: string;
}

/** The words of a label: "negative", "negative? (uncertain, 0.42)", "negative (corrected)". */
export function sentimentText(p: SentimentBadgeProps): string {
  if (!p.label) return '';
  const { t, number } = useT();
  const label = t(web.sentiment, { label: p.label });
  if (p.corrected) return t(web.sentimentCorrected, { label });
  if (p.uncertain && p.confidence !== null)
    return t(web.sentimentUncertain, { label, confidence: number(p.confidence, { maximumFractionDigits: 2 }) });
  return label;
}

export function SentimentBadge(p: SentimentBadgeProps) {
  if (!p.label) return null;
  const sure = !p.uncertain && !p.corrected && p.confidence !== null;
  return (
    <span
      class={`badge sentiment-${p.label}${p.uncertain ? ' sentiment-uncertain' : ''}`}
      data-testid={p.testid}
      data-uncertain={p.uncertain ? 'true' : undefined}
      title={
        sure
          ? useT().t(web.confidence, { confidence: useT().number(p.confidence!, { maximumFractionDigits: 2 }) })
          : undefined
      }
    >
      {sentimentText(p)}
    </span>
  );
}

/** Where a post's explanation loads from: a fragment for the disclosure, a page of its own without script. */
export const whyUrl = (mentionId: string) => `/inbox/mentions/${mentionId}/why`;

/**
 * "Why negative?": a disclosure that loads what decided the analyzer's label when opened (the browser script
 * fetches the fragment into the live region); without script its link opens the same as a page.
 * `label` is the analyzer's own label (a correction is explained as what the analyzer had said).
 */
export function WhyDisclosure(p: { mentionId: string; label: string | null; corrected?: boolean }) {
  if (!p.label || p.label === 'unscored') return null;
  const url = whyUrl(p.mentionId);
  const { t } = useT();
  const label = t(web.sentiment, { label: p.label });
  return (
    <details class="why" id={`why-${p.mentionId}`} data-why={url} data-testid="why">
      <summary class="small">{t(p.corrected ? web.whyModel : web.why, { label })}</summary>
      <div class="why-body" aria-live="polite" data-testid="why-body">
        <a href={url}>{t(web.whyShow)}</a>
      </div>
    </details>
  );
}
