import { and, eq, isNull } from 'drizzle-orm';
import { isLocale, type Locale, pickTimeZone } from '../core/i18n/locales';
import type { Db } from '../db/types';
import { staffAccounts, users, workspaces } from './schema';

/** A teammate an email goes to, with the language and zone it is written in. */
export interface StaffReader {
  id: string;
  email: string;
  name: string;
  locale: Locale;
  timeZone: string;
}

/**
 * The workspace's active staff as readers of an email: each in their own language and zone, else the
 * workspace's (an email has no browser to ask). One statement.
 */
export async function staffReaders(db: Db, workspaceId: string): Promise<StaffReader[]> {
  const list = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      language: staffAccounts.language,
      timeZone: staffAccounts.timeZone,
      defaultLanguage: workspaces.defaultLanguage,
      workspaceZone: workspaces.timeZone,
    })
    .from(users)
    .innerJoin(staffAccounts, eq(staffAccounts.id, users.accountId))
    .innerJoin(workspaces, eq(workspaces.id, users.workspaceId))
    .where(and(eq(users.workspaceId, workspaceId), isNull(users.disabledAt)));
  return list.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    locale: readerLocale(r.language, r.defaultLanguage),
    timeZone: pickTimeZone(r.timeZone, r.workspaceZone),
  }));
}

/** The language an email to someone is written in: theirs, else the workspace's default, else English. */
export const readerLocale = (own: string | null | undefined, workspaceDefault: string | null | undefined): Locale =>
  isLocale(own) ? own : isLocale(workspaceDefault) ? workspaceDefault : 'en';
