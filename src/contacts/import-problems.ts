import { defineMessages } from '@formatjs/intl';
import { ENGLISH, type Translator } from '../core/i18n/translator';
import type { RowError } from '../db/import-job';

/**
 * Why a row of a contact import was not imported: a code and its values, kept with the row's English (what the
 * API says) and said in the reader's language when read. A row stored before the codes keeps its English.
 */
const m = defineMessages({
  too_long: { id: 'contacts.importProblem.tooLong', defaultMessage: 'longer than {max} characters' },
  not_email: { id: 'contacts.importProblem.notEmail', defaultMessage: 'not an email address' },
  too_many_emails: { id: 'contacts.importProblem.tooManyEmails', defaultMessage: 'more than {max} emails' },
  phone_too_short: { id: 'contacts.importProblem.phoneTooShort', defaultMessage: 'too short for a phone number' },
  phone_too_long: { id: 'contacts.importProblem.phoneTooLong', defaultMessage: 'too long for a phone number' },
  not_phone: { id: 'contacts.importProblem.notPhone', defaultMessage: 'not a phone number' },
  too_many_phones: { id: 'contacts.importProblem.tooManyPhones', defaultMessage: 'more than {max} phones' },
  too_many_tags: { id: 'contacts.importProblem.tooManyTags', defaultMessage: 'more than {max} tags' },
  too_many_custom_fields: {
    id: 'contacts.importProblem.tooManyCustomFields',
    defaultMessage: 'more than {max} custom fields',
  },
  no_name_or_email: { id: 'contacts.importProblem.noNameOrEmail', defaultMessage: 'no name and no email' },
  not_valid: { id: 'contacts.importProblem.notValid', defaultMessage: 'not valid' },
  unknown_stage: {
    id: 'contacts.importProblem.unknownStage',
    defaultMessage: 'unknown lifecycle stage {value} (column {column}); known: {known}',
    description: 'value is the cell as written, in quotes; column the file’s column; known the workspace’s stages',
  },
  unknown_owner: {
    id: 'contacts.importProblem.unknownOwner',
    defaultMessage: 'no active teammate has the email {value} (column {column})',
    description: 'value is the cell as written, in quotes; column is the file’s column name',
  },
});

const around = defineMessages({
  valued: {
    id: 'contacts.importProblem.valued',
    defaultMessage: '{value}: {problem}',
    description: 'value is the cell as written, in quotes; problem is what is wrong with it',
  },
  inColumn: {
    id: 'contacts.importProblem.inColumn',
    defaultMessage: '{problem} (column {column})',
    description: 'column is the file’s column name',
  },
});

export type ContactRowProblem = keyof typeof m;

/** A problem with its values: `value` (quoted) and `column` say where, the rest fill the message. */
export interface ContactProblem {
  code: ContactRowProblem;
  values: Record<string, string | number>;
}

// Problems whose message places the cell's value and column itself.
const PLACED: ReadonlySet<ContactRowProblem> = new Set(['unknown_stage', 'unknown_owner']);

/** The cell's value before the problem, the column after it (unless the message places them). */
function sayProblem(t: Translator, code: ContactRowProblem, values: Record<string, string | number>): string {
  const said = t.t(m[code], values);
  if (PLACED.has(code)) return said;
  const { value, column } = values;
  const valued = value === undefined ? said : t.t(around.valued, { value, problem: said });
  return column === undefined ? valued : t.t(around.inColumn, { problem: valued, column });
}

/** The problem in English (what the API and the log say). */
export const contactProblemEnglish = (p: ContactProblem): string => sayProblem(ENGLISH, p.code, p.values);

/** A stored row's problem in the reader's language (as stored when it has no code). */
export function contactRowProblemText(t: Translator, e: RowError): string {
  return e.code && Object.hasOwn(m, e.code) ? sayProblem(t, e.code as ContactRowProblem, e.values ?? {}) : e.message;
}

/** The contact import's input words (the API's mapping). */
export const importWords = defineMessages({
  mappingField: {
    id: 'contacts.importProblem.mappingField',
    defaultMessage: 'Use one of {fields} or {custom}',
    description: 'fields lists the field names; custom is custom:<key>, as typed',
  },
});
