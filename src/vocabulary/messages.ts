import { defineMessages } from '@formatjs/intl';

/** The words of Settings > Vocabulary (English source; German in de.json). */
export const vocabularyMessages = defineMessages({
  title: { id: 'vocabulary.page.title', defaultMessage: 'Vocabulary' },
  intro: {
    id: 'vocabulary.page.intro',
    defaultMessage:
      'Words that mean something else in your world: "sick" is praise for a skate brand, a product name is ' +
      'neutral. A term here replaces what the analyzer made of its words, in new posts and, after a change, in ' +
      'past ones.',
  },
  pending: {
    id: 'vocabulary.page.pending',
    defaultMessage:
      '{count, plural, one {# mention is waiting to be re-scored with the vocabulary.} ' +
      'other {# mentions are waiting to be re-scored with the vocabulary.}}',
  },
  upToDate: {
    id: 'vocabulary.page.upToDate',
    defaultMessage: 'Every mention is scored with the vocabulary as it is.',
  },
  empty: { id: 'vocabulary.page.empty', defaultMessage: 'No terms yet.' },
  term: { id: 'vocabulary.page.term', defaultMessage: 'Term' },
  language: { id: 'vocabulary.page.language', defaultMessage: 'Language' },
  weight: { id: 'vocabulary.page.weight', defaultMessage: 'Weight' },
  actions: { id: 'vocabulary.page.actions', defaultMessage: 'Actions' },
  allLanguages: { id: 'vocabulary.page.allLanguages', defaultMessage: 'All languages' },
  languageName: {
    id: 'vocabulary.page.languageName',
    defaultMessage:
      '{code, select, en {English} de {German} es {Spanish} fr {French} it {Italian} nl {Dutch} ' +
      'pt {Portuguese} other {{code}}}',
  },
  remove: { id: 'vocabulary.page.remove', defaultMessage: 'Remove' },
  removeTerm: { id: 'vocabulary.page.removeTerm', defaultMessage: 'Remove {term}', description: 'aria-label' },

  addTerm: { id: 'vocabulary.form.addTerm', defaultMessage: 'Add a term' },
  termOrPhrase: { id: 'vocabulary.form.termOrPhrase', defaultMessage: 'Term or phrase' },
  weightRange: { id: 'vocabulary.form.weightRange', defaultMessage: 'Weight (−4 to +4)' },
  preview: { id: 'vocabulary.form.preview', defaultMessage: 'Preview' },
  submit: { id: 'vocabulary.form.submit', defaultMessage: 'Add term' },
  help: {
    id: 'vocabulary.form.help',
    defaultMessage:
      '−4 very negative … 0 neutral … +4 very positive, one decimal at most. Whole words, any case; a phrase ' +
      'matches its words in order. Preview shows what the term would change in your latest mentions before you ' +
      'add it.',
  },

  previewTitle: {
    id: 'vocabulary.preview.title',
    defaultMessage:
      '"{term}" would change {changed} of {examined, plural, one {# mention} other {# mentions}}' +
      '{capped, select, yes { (the latest examined)} other {}}',
  },
  previewChange: {
    id: 'vocabulary.preview.change',
    defaultMessage: '{count, plural, other {# from {from} to {to}}}',
    description: 'how many mentions would change from one sentiment label to another',
  },
  previewCorrected: {
    id: 'vocabulary.preview.corrected',
    defaultMessage:
      '{count, plural, one {# more would change, but staff corrected it: it keeps the correction.} ' +
      'other {# more would change, but staff corrected them: they keep the correction.}}',
  },
  previewExamples: { id: 'vocabulary.preview.examples', defaultMessage: 'Examples' },
  previewNothingSaved: {
    id: 'vocabulary.preview.nothingSaved',
    defaultMessage: 'Nothing is saved until you add the term.',
  },

  added: {
    id: 'vocabulary.notice.added',
    defaultMessage:
      '{marked, plural, =0 {Term added.} one {Term added. # mention with it is being re-scored.} ' +
      'other {Term added. # mentions with it are being re-scored.}}',
  },
  removed: {
    id: 'vocabulary.notice.removed',
    defaultMessage:
      '{marked, plural, =0 {Term removed.} one {Term removed. # mention with it is being re-scored.} ' +
      'other {Term removed. # mentions with it are being re-scored.}}',
  },
});
