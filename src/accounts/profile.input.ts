import { z } from '@hono/zod-openapi';
import { isTimeZone, LOCALES } from '../core/i18n/locales';
import { said } from '../http/input-words';
import { PasswordSchema } from './invitations.input';
import { accountInput } from './messages';

/** An IANA zone name this server knows ("Europe/Berlin"); offsets and made-up names are refused (422). */
export const TimeZoneSchema = z
  .string()
  .max(64)
  .refine(isTimeZone, said(accountInput.timeZone))
  .openapi({ example: 'Europe/Berlin' });

/** What opens after a conversation leaves a person's list: the next one, or the list again. */
export const AFTER_TRIAGE = ['next', 'list'] as const;

/** One schema for PATCH /me and the profile page's form: what a person sets for themselves. */
export const ProfileBody = z
  .object({
    name: z.string().trim().max(120).optional(),
    language: z
      .enum(LOCALES)
      .nullable()
      .optional()
      .openapi({ description: 'The language of pages and emails; null follows the browser, then the workspace' }),
    timeZone: TimeZoneSchema.nullable()
      .optional()
      .openapi({ description: 'Times are shown in this zone; null follows the workspace' }),
    keyboardShortcuts: z.boolean().optional().openapi({
      description: 'Single-key shortcuts (j, k, e, a …); false turns them off (modified keys still work)',
    }),
    afterTriage: z.enum(AFTER_TRIAGE).optional().openapi({
      description: 'After closing, assigning away or snoozing a conversation: open the next one, or the list',
    }),
  })
  .openapi('ProfileUpdate');
export type ProfileInput = z.infer<typeof ProfileBody>;

/** The profile page's password form: the current one proves it is the person, not an open laptop. */
export const PasswordChangeBody = z
  .object({ currentPassword: z.string().min(1).max(1024), newPassword: PasswordSchema })
  .openapi('PasswordChange');
