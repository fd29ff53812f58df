import { ACCOUNT_ERRORS } from '../accounts';
import { COMMUNITY_ERRORS } from '../community';
import { CONTACT_ERRORS } from '../contacts';
import {
  CORE_ERRORS,
  type ErrorKind,
  type ErrorSpec,
  KIND_STATUS,
  type Language,
  LANGUAGES,
  templateParams,
} from '../core/errors';
import { IMPORT_ERRORS } from '../imports';
import { INBOX_ERRORS } from '../inbox';
import { MENTION_ERRORS } from '../mentions';
import { REANALYSIS_ERRORS } from '../reanalysis';
import { REPORT_ERRORS } from '../reports';
import { SENTIMENT_ERRORS } from '../sentiment';
import { SOURCE_ERRORS } from '../sources';
import { TOPIC_ERRORS } from '../topics';
import { VOCABULARY_ERRORS } from '../vocabulary';
import { SERVER_ERRORS } from './errors';

/**
 * Every error code the app answers with, gathered from the shared layers and each feature's errors.ts:
 * what integrators read (GET /api/v1/errors) and what a translation translates, one column a language.
 */
export const ERROR_TABLES: Readonly<Record<string, Readonly<Record<string, ErrorSpec>>>> = {
  core: CORE_ERRORS,
  server: SERVER_ERRORS,
  accounts: ACCOUNT_ERRORS,
  topics: TOPIC_ERRORS,
  sources: SOURCE_ERRORS,
  mentions: MENTION_ERRORS,
  sentiment: SENTIMENT_ERRORS,
  contacts: CONTACT_ERRORS,
  inbox: INBOX_ERRORS,
  reports: REPORT_ERRORS,
  reanalysis: REANALYSIS_ERRORS,
  vocabulary: VOCABULARY_ERRORS,
  imports: IMPORT_ERRORS,
  community: COMMUNITY_ERRORS,
};

/** One code as the catalogue lists it. */
export interface CatalogueEntry {
  code: string;
  kind: ErrorKind;
  /** The HTTP status of its kind. */
  status: number;
  /** Where it is declared: a feature, or core and server for the shared codes. */
  area: string;
  /** The names its messages fill in, as `{name}`. */
  params: string[];
  /** Its message template in each language. */
  messages: Record<Language, string>;
}

export const ERROR_CATALOGUE: readonly CatalogueEntry[] = Object.entries(ERROR_TABLES).flatMap(([area, specs]) =>
  Object.entries(specs).map(([code, spec]) => ({
    code,
    kind: spec.kind,
    status: KIND_STATUS[spec.kind],
    area,
    params: templateParams(spec.en),
    messages: Object.fromEntries(LANGUAGES.map((l) => [l, spec[l]])) as Record<Language, string>,
  })),
);
