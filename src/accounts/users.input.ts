import { z } from '@hono/zod-openapi';
import { ROLES } from '../core/roles';
import { PasswordSchema } from './invitations.input';

/** One schema per action, shared by the JSON API (users routes) and Settings > Users (the role select). */
export const UpdateUser = z
  .object({
    name: z.string().trim().max(120).optional(),
    role: z.enum(ROLES).optional(),
    password: PasswordSchema.optional(),
    disabled: z.boolean().optional(),
  })
  .openapi('UpdateUser');
