import {
  createIntl,
  createIntlCache,
  type FormatNumberOptions,
  type IntlShape,
  type MessageDescriptor,
} from '@formatjs/intl';
import de from './de.json' with { type: 'json' };
import { renderMessage } from '../errors';
import { type Locale, LOCALES } from './locales';

/**
 * What a page, an email or an error message needs to speak to one person: their language (ICU messages
 * from the catalogue, English as the source in the code), their time zone, and Intl's formatting of
 * dates, relative times, numbers and percentages in their locale ("1.234,5" in German).
 */

export type { MessageDescriptor } from '@formatjs/intl';
/** What a message fills in: `{name}` with text or a number, `{n, plural, …}` with a number. */
export type MessageValues = Record<string, string | number | boolean | Date | null | undefined>;

// English messages are the defaultMessage in the code; German comes from the catalogue (src/core/i18n/de.json).
const CATALOGUES: Record<Locale, Record<string, string>> = { en: {}, de };
const cache = createIntlCache();

/** An ICU select or plural in a template. */
const ICU_CHOICE = /\{\s*\w+\s*,\s*(select|plural)\s*,/;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Its methods are bound: `const { t, dateTime } = useT()` works. */
export class Translator {
  readonly intl: IntlShape<string>;

  constructor(
    readonly locale: Locale,
    readonly timeZone: string,
  ) {
    this.intl = createIntl(
      {
        locale,
        timeZone,
        defaultLocale: 'en',
        messages: CATALOGUES[locale],
        // A message missing from a catalogue falls back to English; the catalogue check in `npm test` is where
        // a missing one fails, not a user's page.
        onError: () => {},
      },
      cache,
    );
  }

  /** A message in this person's language, its values filled in. */
  t = (message: MessageDescriptor, values?: MessageValues): string => this.intl.formatMessage(message, values);

  /**
   * An error code's message in this language: the catalogue's `error.CODE` template, else the English one,
   * filled with the values the error was made from.
   */
  error = (code: string, english: string, params: Readonly<Record<string, string | number>>): string => {
    const template = CATALOGUES[this.locale][`error.${code}`];
    if (!template) return english;
    try {
      // A template that chooses its words by a value (`{action, select, hide {…} …}`) is ICU; the rest are plain
      // `{name}`s (where an apostrophe is just an apostrophe).
      // (A descriptor in a variable: the extractor reads only messages written out, and this one is the catalogue's.)
      const descriptor: MessageDescriptor = { id: `error.${code}`, defaultMessage: english };
      if (ICU_CHOICE.test(template)) return this.intl.formatMessage(descriptor, params);
      return renderMessage(template, params);
    } catch {
      return english;
    }
  };

  /** "7 Dec 2026, 09:00" / "07.12.2026, 09:00" in this person's zone. */
  dateTime = (at: Date | string | number): string =>
    this.intl.formatDate(at, { dateStyle: 'medium', timeStyle: 'short' });

  /** "7 Dec 2026" / "07.12.2026". */
  date = (at: Date | string | number): string => this.intl.formatDate(at, { dateStyle: 'medium' });

  /** "09:00". */
  time = (at: Date | string | number): string => this.intl.formatTime(at, { timeStyle: 'short' });

  /** "5 minutes ago", "tomorrow" / "vor 5 Minuten", "morgen": from `now`, in the largest unit that fits. */
  relative = (at: Date | string | number, now: Date): string => {
    const ms = new Date(at).getTime() - now.getTime();
    const abs = Math.abs(ms);
    if (abs < MINUTE) return this.intl.formatRelativeTime(Math.round(ms / SECOND), 'second', { numeric: 'auto' });
    if (abs < HOUR) return this.intl.formatRelativeTime(Math.round(ms / MINUTE), 'minute');
    if (abs < DAY) return this.intl.formatRelativeTime(Math.round(ms / HOUR), 'hour');
    return this.intl.formatRelativeTime(Math.round(ms / DAY), 'day', { numeric: 'auto' });
  };

  /** 1 → "Monday" / "Montag" … 7 → "Sunday" (ISO numbering). */
  // 1 January 2024 was a Monday; FormatJS keeps the formatter (a new Intl object a call would be slow).
  weekday = (isoDay: number): string =>
    this.intl.formatDate(Date.UTC(2024, 0, isoDay), { weekday: 'long', timeZone: 'UTC' });

  /** 1234.5 → "1,234.5" / "1.234,5". */
  number = (n: number, options?: FormatNumberOptions): string => this.intl.formatNumber(n, options);

  /** 0.425 → "42.5%" / "42,5 %". */
  percent = (fraction: number, digits = 0): string =>
    this.intl.formatNumber(fraction, { style: 'percent', maximumFractionDigits: digits });

  /** 12300 → "12.3K" / "12.300": audiences at a glance. */
  compact = (n: number): string => this.intl.formatNumber(n, { notation: 'compact', maximumFractionDigits: 1 });
}

const translators = new Map<string, Translator>();

/** The translator for a language and zone (one of each pair per process: building one parses nothing twice). */
export function translatorFor(locale: Locale, timeZone = 'UTC'): Translator {
  const key = `${locale} ${timeZone}`;
  let found = translators.get(key);
  if (!found) {
    found = new Translator(LOCALES.includes(locale) ? locale : 'en', timeZone);
    if (translators.size > 1000) translators.clear();
    translators.set(key, found);
  }
  return found;
}

/** English in UTC: what code outside a request (jobs, the CLI) and the API's OpenAPI texts use. */
export const ENGLISH = translatorFor('en', 'UTC');
