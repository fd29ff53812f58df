import { z } from '@hono/zod-openapi';
import { LOCALES } from '../core/i18n/locales';
import { ROLES } from '../core/roles';
import { said } from '../http/input-words';
import { accountInput } from './messages';

/** One schema per action, shared by the JSON API and the page forms. */
const PASSWORD_MIN = 12;
export const PasswordSchema = z
  .string()
  .min(PASSWORD_MIN, said(accountInput.atLeastCharacters, { min: PASSWORD_MIN }))
  .max(1024);

export const InviteBody = z
  .object({
    email: z.email().max(254),
    name: z.string().trim().max(120).optional(),
    role: z.enum(ROLES),
    language: z
      .enum(LOCALES)
      .optional()
      .openapi({ description: "The invitation email's language and the new login's first (default: the workspace's)" }),
  })
  .openapi('InviteUser');

export const AcceptInvitationBody = z
  .object({
    token: z.string().min(1).max(200),
    name: z.string().trim().max(120).optional(),
    password: PasswordSchema.openapi({
      description: 'A new password (at least 12 characters), or the current one when the email already signs in here',
    }),
  })
  .openapi('AcceptInvitation');
