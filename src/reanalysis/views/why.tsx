import type { MessageDescriptor, Translator } from '../../core/i18n/translator';
import { useT } from '../../http/web/i18n';
import { AppShell, type ShellProps } from '../../http/web/layout';
import { web } from '../../http/web/messages';
import type { MentionAnalysis } from '../../mentions';
import { m, ruleWords } from '../messages';

/** The analyzer's features of a text as a whole, in words (sentiment/features.ts names them). */
const RULE_WORDS: Record<string, MessageDescriptor> = ruleWords;

/** The kinds of deciding text that are named after it ("(emoji)"); a plain word is not. */
const NAMED_KINDS = new Set(['emoji', 'emoticon', 'hashtag', 'rule', 'lexicon']);

type Explained = NonNullable<MentionAnalysis['explanation']>;

/** Who decided, in the reader's language: the data sets a model learnt from, or the rules' language by name. */
function analyzerWords(tr: Translator, e: Explained) {
  const language = e.rulesLanguage
    ? (new Intl.DisplayNames([tr.locale], { type: 'language' }).of(e.rulesLanguage) ?? e.rulesLanguage)
    : '';
  // An explanation from before these fields says it in its English `about`.
  const data = e.trainedOn?.length ? tr.intl.formatList(e.trainedOn, { type: 'conjunction' }) : e.about;
  return { by: e.by, data, faces: e.rulesLanguage ? 'no' : 'yes', language };
}

/** What decided the label, as the disclosure under a post loads it (and the page without script shows it). */
export function WhyExplained({ a }: { a: MentionAnalysis }) {
  const translator = useT();
  const { t, number } = translator;
  const e = a.explanation;
  if (!e) return <p class="muted small">{t(m.notScored)}</p>;
  const today = e.label !== a.label || a.outdated;
  /** 0.9, 0.42: a confidence or probability to two places at most, in the viewer's locale. */
  const two = (x: number) => number(x, { maximumFractionDigits: 2 });
  /** +1.2 and −1.2 (a true minus sign, as a screen reader says "minus"). */
  const signed = (w: number) => (w >= 0 ? `+${two(w)}` : `−${two(-w)}`);
  const label = (l: string) => t(web.sentiment, { label: l });
  const words = (c: Explained['contributions'][number]) => {
    const rule = c.kind === 'rule' ? RULE_WORDS[c.text] : undefined;
    return rule ? t(rule) : c.text;
  };
  return (
    <div class="why-explained stack" data-testid="why-explained">
      <p class="small" data-testid="why-by">
        {t(m.by, analyzerWords(translator, e))}
      </p>
      {a.override ? <p class="small">{t(m.corrected, { label: label(a.override) })}</p> : null}
      {a.outdated ? (
        <p class="small" data-testid="why-outdated">
          {t(m.outdated, {
            version: a.version === null ? t(m.noVersion) : String(a.version),
            current: String(a.currentVersion),
          })}
        </p>
      ) : null}
      {today ? <p class="small">{t(m.today, { label: label(e.label), confidence: two(e.confidence) })}</p> : null}
      {a.confidence !== null && !a.override ? (
        <p class="small" data-testid="why-confidence">
          {a.uncertain
            ? t(m.confidenceUncertain, { confidence: two(a.confidence), threshold: two(a.threshold) })
            : t(m.confidence, { confidence: two(a.confidence) })}
        </p>
      ) : null}
      {e.probabilities ? (
        <p class="small" data-testid="why-probabilities">
          {t(m.probabilities, {
            negative: two(e.probabilities.negative),
            neutral: two(e.probabilities.neutral),
            positive: two(e.probabilities.positive),
          })}
        </p>
      ) : null}
      {e.contributions.length ? (
        <>
          <p class="muted small">{t(m.decidedBy)}</p>
          <ul class="why-words">
            {e.contributions.map((c) => (
              <li data-testid="why-word">
                <span class="why-text">{words(c)}</span>{' '}
                <span class={`points ${c.weight >= 0 ? 'plus' : 'minus'}`}>{signed(c.weight)}</span>
                {NAMED_KINDS.has(c.kind) ? <span class="muted small"> ({t(m.kind, { kind: c.kind })})</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p class="muted small">{t(m.nothingStoodOut)}</p>
      )}
    </div>
  );
}

/** The same as a page of its own, for a browser without the script. */
export function WhyPage(
  p: Omit<ShellProps, 'title' | 'active' | 'children'> & {
    a: MentionAnalysis;
    text: string;
    back: string;
  },
) {
  const { t } = useT();
  const title = t(web.why, { label: t(web.sentiment, { label: p.a.label ?? 'unscored' }) });
  return (
    <AppShell {...p} title={title} active="/inbox">
      <div class="page-head">
        <h1>{title}</h1>
        <a href={p.back}>← {t(m.back)}</a>
      </div>
      <section class="card stack">
        <blockquote class="tl-text" dir="auto">
          {p.text}
        </blockquote>
        <WhyExplained a={p.a} />
      </section>
    </AppShell>
  );
}
