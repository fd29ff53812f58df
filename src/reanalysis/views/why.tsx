import { AppShell, type ShellProps } from '../../http/web/layout';
import { twoPlaces } from '../../http/web/sentiment';
import type { MentionAnalysis } from '../../mentions';

/** The analyzer's features of a text as a whole, in words (sentiment/features.ts names them). */
const RULE_WORDS: Record<string, string> = {
  'rules score': 'the lexicon’s score',
  'rules intensity': 'the lexicon’s intensity',
  'positive words': 'positive words',
  'negative words': 'negative words',
  'positive faces': 'positive faces',
  'negative faces': 'negative faces',
  exclamation: 'exclamation (!)',
  question: 'question (?)',
  'ALL CAPS': 'ALL CAPS',
  elongation: 'stretched words (sooo)',
  negation: 'negation',
  contrast: 'contrast (but)',
  'no opinion words': 'no opinion words',
  length: 'length',
  link: 'a link',
};

const KIND_WORDS: Record<string, string> = {
  emoji: 'emoji',
  emoticon: 'face',
  hashtag: 'hashtag',
  rule: 'rule',
  lexicon: 'your vocabulary',
};

/** +1.2 and −1.2 (a true minus sign, as a screen reader says "minus"). */
const signed = (w: number) => (w >= 0 ? `+${twoPlaces(w)}` : `−${twoPlaces(-w)}`);

type Explained = NonNullable<MentionAnalysis['explanation']>;

const byWhom = (e: Explained) => (e.by === 'model' ? `By the model ${e.about}` : `By the ${e.about}`);

/** What decided the label, as the disclosure under a post loads it (and the page without script shows it). */
export function WhyExplained({ a }: { a: MentionAnalysis }) {
  const e = a.explanation;
  if (!e) return <p class="muted small">The analyzer does not score this language, so no words decided a label.</p>;
  const today = e.label !== a.label || a.outdated;
  return (
    <div class="why-explained stack" data-testid="why-explained">
      <p class="small" data-testid="why-by">
        {byWhom(e)}.
      </p>
      {a.override ? (
        <p class="small">Staff corrected the label to {a.override}; what the analyzer went by follows.</p>
      ) : null}
      {a.outdated ? (
        <p class="small" data-testid="why-outdated">
          Stored by analyzer version {a.version ?? 'none'}; this is today’s analyzer (version {a.currentVersion}).
        </p>
      ) : null}
      {today ? (
        <p class="small">
          Today it says {e.label} (confidence {twoPlaces(e.confidence)}).
        </p>
      ) : null}
      {a.confidence !== null && !a.override ? (
        <p class="small" data-testid="why-confidence">
          {a.uncertain
            ? `Confidence ${twoPlaces(a.confidence)}, below the workspace’s threshold of ${twoPlaces(a.threshold)}: ` +
              'shown as uncertain and counted apart in reports.'
            : `Confidence ${twoPlaces(a.confidence)}.`}
        </p>
      ) : null}
      {e.probabilities ? (
        <p class="small" data-testid="why-probabilities">
          Probabilities: negative {twoPlaces(e.probabilities.negative)} · neutral {twoPlaces(e.probabilities.neutral)} ·
          positive {twoPlaces(e.probabilities.positive)}
        </p>
      ) : null}
      {e.contributions.length ? (
        <>
          <p class="muted small">What decided it, strongest first (+ towards positive, − towards negative):</p>
          <ul class="why-words">
            {e.contributions.map((c) => (
              <li data-testid="why-word">
                <span class="why-text">{c.kind === 'rule' ? (RULE_WORDS[c.text] ?? c.text) : c.text}</span>{' '}
                <span class={`points ${c.weight >= 0 ? 'plus' : 'minus'}`}>{signed(c.weight)}</span>
                {KIND_WORDS[c.kind] ? <span class="muted small"> ({KIND_WORDS[c.kind]})</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p class="muted small">No word stood out: the label comes from the text as a whole.</p>
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
  const label = p.a.label ?? 'unscored';
  return (
    <AppShell {...p} title={`Why ${label}?`} active="/inbox">
      <div class="page-head">
        <h1>Why {label}?</h1>
        <a href={p.back}>← Back</a>
      </div>
      <section class="card stack">
        <blockquote class="tl-text">{p.text}</blockquote>
        <WhyExplained a={p.a} />
      </section>
    </AppShell>
  );
}
