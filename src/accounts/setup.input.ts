import { z } from 'zod';
import { inputWords as w, said } from '../http/input-words';
import { PasswordSchema } from './invitations.input';

/** The first run's form (no JSON route: the owner is made once, from the link the server prints). */
export const SetupBody = z.object({
  token: z.string().min(1).max(200),
  workspaceName: z.string().trim().min(1, said(w.required)).max(80),
  name: z.string().trim().max(120).optional(),
  email: z.email().max(254),
  password: PasswordSchema,
});
