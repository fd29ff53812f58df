import { z } from '@hono/zod-openapi';
import { LOCALES } from '../core/i18n/locales';
import { TimeZoneSchema } from './profile.input';
import { BOARD_ADDRESSES } from './schema';

const BoardAddress = z.enum(BOARD_ADDRESSES).openapi({
  description: 'How the public board and its emails address members in German: "sie" (formal) or "du"',
});

/** One schema for PATCH /workspace and Settings > Workspace: the defaults of the workspace's readers. */
export const WorkspaceSettingsBody = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    defaultLanguage: z.enum(LOCALES).optional(),
    timeZone: TimeZoneSchema.optional().openapi({ description: 'Reports count days and weeks in this zone' }),
    weekStart: z.number().int().min(1).max(7).optional().openapi({ description: '1 Monday … 7 Sunday (ISO)' }),
    boardAddress: BoardAddress.optional(),
  })
  .openapi('WorkspaceSettingsUpdate');
export type WorkspaceSettingsInput = z.infer<typeof WorkspaceSettingsBody>;

export const WorkspaceSettings = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    defaultLanguage: z.enum(LOCALES),
    timeZone: z.string(),
    weekStart: z.number().int(),
    boardAddress: BoardAddress,
  })
  .openapi('WorkspaceSettings');
