import { defineMessages } from '@formatjs/intl';
import type { MessageDescriptor, MessageValues } from '../core/i18n/translator';
import { currentTranslator } from './i18n.middleware';

/**
 * A schema's own words for a problem, from the catalogue: `.min(1, said(inputWords.required))`. Zod makes the
 * message while it checks, so it is said in the language of whoever's input it is (a form's viewer, an API
 * client by Accept-Language; English outside a request). A plain string there would be English for everyone;
 * scripts/i18n/literals.ts finds one.
 */
export const said = (message: MessageDescriptor, values?: MessageValues) => ({
  error: () => currentTranslator().t(message, values),
});

/** The problems many forms share (English source; German in de.json). */
export const inputWords = defineMessages({
  required: { id: 'http.input.required', defaultMessage: 'required' },
  atMost: { id: 'http.input.atMost', defaultMessage: 'at most {max, number}', description: 'how many of a list' },
  atMostCharactersEach: {
    id: 'http.input.atMostCharactersEach',
    defaultMessage: 'at most {max, number} characters each',
  },
  email: { id: 'http.input.email', defaultMessage: 'not a valid email address' },
  writeSomething: { id: 'http.input.writeSomething', defaultMessage: 'write something first' },
  oneLine: { id: 'http.input.oneLine', defaultMessage: 'must be one line without control characters' },
  wellFormed: { id: 'http.input.wellFormed', defaultMessage: 'contains a lone surrogate (not valid Unicode)' },
  languageCode: { id: 'http.input.languageCode', defaultMessage: 'a two-letter language code such as en' },
  oneDecimal: { id: 'http.input.oneDecimal', defaultMessage: 'at most one decimal' },
  customFields: { id: 'http.input.customFields', defaultMessage: 'At most {max, number} custom fields' },
  places: { id: 'http.input.places', defaultMessage: 'at most {max, number} places' },
  numericId: { id: 'http.input.numericId', defaultMessage: 'a numeric id' },
  selectConversation: { id: 'http.input.selectConversation', defaultMessage: 'select at least one conversation first' },
  personOrTeam: { id: 'http.input.personOrTeam', defaultMessage: 'choose a person or a team' },
  ruleNeedsAction: { id: 'http.input.ruleNeedsAction', defaultMessage: 'A rule needs at least one action' },
  assignOrRoundRobin: {
    id: 'http.input.assignOrRoundRobin',
    defaultMessage: 'Assign to a user or round-robin, not both',
  },
});
