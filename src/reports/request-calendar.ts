import { requireActor } from '../http/auth.middleware';
import type { AppContext } from '../http/env';
import { type ReportCalendar, workspaceCalendar } from './calendar';

/** The signed-in workspace's calendar (its time zone and week start), as authentication read its row. */
export const requestCalendar = async (c: AppContext): Promise<ReportCalendar> =>
  c.var.workspaceLocale ?? workspaceCalendar(c.var.deps.db, requireActor(c).workspaceId);
