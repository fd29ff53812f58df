/**
 * The languages the product speaks and how a viewer's is chosen: their own choice, else what their
 * browser asks for (Accept-Language), else the workspace's default, else English.
 */

export const LOCALES = ['en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Each language named in itself, for the pickers. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', de: 'Deutsch' };

export const isLocale = (value: unknown): value is Locale => (LOCALES as readonly unknown[]).includes(value);

/**
 * The supported language an Accept-Language header prefers most (by q, then order), or null when it asks
 * for none we speak. "de-AT" and "de-CH" are German; "*" and q=0 count for nothing.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  let best: { locale: Locale; q: number; at: number } | null = null;
  header
    .slice(0, 500)
    .split(',')
    .forEach((part, at) => {
      const [tag, ...params] = part.trim().split(';');
      const language = tag?.trim().toLowerCase().split('-')[0];
      if (!isLocale(language)) return;
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const q = qParam ? Number(qParam.slice(2)) : 1;
      if (!(q > 0)) return;
      if (!best || q > best.q) best = { locale: language, q, at };
    });
  return (best as { locale: Locale } | null)?.locale ?? null;
}

export interface LocaleChoice {
  /** The person's own choice (their profile), if any. */
  chosen?: string | null | undefined;
  acceptLanguage?: string | null | undefined;
  /** The workspace's default language. */
  workspace?: string | null | undefined;
}

/** The language a viewer reads: their choice, their browser's, the workspace's, English. */
export function pickLocale({ chosen, acceptLanguage, workspace }: LocaleChoice): Locale {
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage(acceptLanguage) ?? (isLocale(workspace) ? workspace : DEFAULT_LOCALE);
}

// An IANA name: "UTC", "Europe/Berlin", "America/Argentina/Buenos_Aires", "Etc/GMT+1". Offsets ("+01:00")
// and abbreviations ("CET" aside, which IANA lists) are not zone names people pick.
const ZONE_NAME = /^(?:UTC|[A-Za-z]+(?:\/[A-Za-z0-9_+-]+){1,2}|[A-Z]{3,5}[0-9]?(?:[A-Z]{3})?)$/;

/** An IANA time zone this runtime knows ("Europe/Berlin"), not an offset or a made-up name. */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 64 || !ZONE_NAME.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The zone a viewer's times are shown in: their choice, else the workspace's, else UTC. */
export const pickTimeZone = (chosen: string | null | undefined, workspace: string | null | undefined) =>
  isTimeZone(chosen) ? chosen : isTimeZone(workspace) ? workspace : 'UTC';

/** The time zones offered in pickers (this runtime's IANA list). */
export const timeZones = (): string[] =>
  typeof Intl.supportedValuesOf === 'function' ? ['UTC', ...Intl.supportedValuesOf('timeZone')] : ['UTC'];
