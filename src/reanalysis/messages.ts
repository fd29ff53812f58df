import { defineMessages } from '@formatjs/intl';

/** The words of Settings > Analysis and of "Why negative?" (English source; German in de.json). */
export const m = defineMessages({
  settingsTitle: { id: 'reanalysis.settings.title', defaultMessage: 'Analysis' },
  thresholdHeading: { id: 'reanalysis.settings.thresholdHeading', defaultMessage: 'Confidence threshold' },
  thresholdIntro: {
    id: 'reanalysis.settings.thresholdIntro',
    defaultMessage:
      'The analyzer says how sure it is of each label (0 to 1). A label less sure than this is shown as uncertain, ' +
      'for example “{example}”, is counted apart in the reports and does not raise a conversation’s priority. ' +
      'It is never turned neutral. A label staff corrected is never uncertain.',
    description: 'example is an uncertain label as the pages show it: "negative? (uncertain, 0.42)"',
  },
  threshold: { id: 'reanalysis.settings.threshold', defaultMessage: 'Threshold', description: 'field label' },
  save: { id: 'reanalysis.settings.save', defaultMessage: 'Save' },
  thresholdHelp: {
    id: 'reanalysis.settings.thresholdHelp',
    defaultMessage: '0 to 1, e.g. {example}. Reports and open conversations follow at once.',
    description: 'example is a number (0.5)',
  },
  thresholdShown: { id: 'reanalysis.settings.thresholdShown', defaultMessage: 'Threshold: {threshold}' },
  saved: { id: 'reanalysis.settings.saved', defaultMessage: 'Saved: reports and open conversations follow.' },

  back: { id: 'reanalysis.why.back', defaultMessage: 'Back' },
  notScored: {
    id: 'reanalysis.why.notScored',
    defaultMessage: 'The analyzer does not score this language, so no words decided a label.',
  },
  by: {
    id: 'reanalysis.why.by',
    defaultMessage:
      '{by, select, model {By the model trained on {data}.} other {{faces, select, yes {By the rules for faces ' +
      'and emoji.} other {By the lexicon rules for {language}.}}}}',
    description: 'data: the data sets’ names (a list); language: the rules’ language by name (German)',
  },
  corrected: {
    id: 'reanalysis.why.corrected',
    defaultMessage: 'Staff corrected the label to {label}; what the analyzer went by follows.',
  },
  outdated: {
    id: 'reanalysis.why.outdated',
    defaultMessage: 'Stored by analyzer version {version}; this is today’s analyzer (version {current}).',
  },
  noVersion: { id: 'reanalysis.why.noVersion', defaultMessage: 'none', description: 'no analyzer version stored' },
  today: { id: 'reanalysis.why.today', defaultMessage: 'Today it says {label} (confidence {confidence}).' },
  confidenceUncertain: {
    id: 'reanalysis.why.confidenceUncertain',
    defaultMessage:
      'Confidence {confidence}, below the workspace’s threshold of {threshold}: ' +
      'shown as uncertain and counted apart in reports.',
  },
  confidence: { id: 'reanalysis.why.confidence', defaultMessage: 'Confidence {confidence}.' },
  probabilities: {
    id: 'reanalysis.why.probabilities',
    defaultMessage: 'Probabilities: negative {negative} · neutral {neutral} · positive {positive}',
  },
  decidedBy: {
    id: 'reanalysis.why.decidedBy',
    defaultMessage: 'What decided it, strongest first (+ towards positive, − towards negative):',
  },
  kind: {
    id: 'reanalysis.why.kind',
    defaultMessage:
      '{kind, select, emoji {emoji} emoticon {face} hashtag {hashtag} rule {rule} lexicon {your vocabulary} ' +
      'other {{kind}}}',
    description: 'what a deciding part of the text is (a plain word is not said)',
  },
  nothingStoodOut: {
    id: 'reanalysis.why.nothingStoodOut',
    defaultMessage: 'No word stood out: the label comes from the text as a whole.',
  },
});

/** The analyzer's features of a text as a whole, in words (sentiment/features.ts names them). */
export const ruleWords = defineMessages({
  'rules score': { id: 'reanalysis.why.rule.score', defaultMessage: 'the lexicon’s score' },
  'rules intensity': { id: 'reanalysis.why.rule.intensity', defaultMessage: 'the lexicon’s intensity' },
  'positive words': { id: 'reanalysis.why.rule.positiveWords', defaultMessage: 'positive words' },
  'negative words': { id: 'reanalysis.why.rule.negativeWords', defaultMessage: 'negative words' },
  'positive faces': { id: 'reanalysis.why.rule.positiveFaces', defaultMessage: 'positive faces' },
  'negative faces': { id: 'reanalysis.why.rule.negativeFaces', defaultMessage: 'negative faces' },
  exclamation: { id: 'reanalysis.why.rule.exclamation', defaultMessage: 'exclamation (!)' },
  question: { id: 'reanalysis.why.rule.question', defaultMessage: 'question (?)' },
  'ALL CAPS': { id: 'reanalysis.why.rule.allCaps', defaultMessage: 'ALL CAPS' },
  elongation: { id: 'reanalysis.why.rule.elongation', defaultMessage: 'stretched words (sooo)' },
  negation: { id: 'reanalysis.why.rule.negation', defaultMessage: 'negation' },
  contrast: { id: 'reanalysis.why.rule.contrast', defaultMessage: 'contrast (but)' },
  'no opinion words': { id: 'reanalysis.why.rule.noOpinionWords', defaultMessage: 'no opinion words' },
  length: { id: 'reanalysis.why.rule.length', defaultMessage: 'length' },
  link: { id: 'reanalysis.why.rule.link', defaultMessage: 'a link' },
});
