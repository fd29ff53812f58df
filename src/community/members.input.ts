import { z } from 'zod';
import { LOCALES } from '../core/i18n/locales';
import { ENGLISH } from '../core/i18n/translator';
import { board } from './board.messages';

/**
 * The board's account forms, one schema each (members have no JSON API). Messages are whole sentences:
 * the board shows them alone. Their English is the catalogue's (board.messages.ts), written once; the board
 * shows them in the reader's language by field and rule (account.pages.tsx, formIssue).
 */

export const Password = z.string().min(10, ENGLISH.t(board.issuePassword)).max(200);

const DisplayName = z.string().trim().min(1, ENGLISH.t(board.issueNameMissing)).max(60, ENGLISH.t(board.issueNameLong));

export const SignUp = z.object({
  displayName: DisplayName,
  email: z.email(ENGLISH.t(board.issueEmail)).max(254),
  password: Password,
});

/** Wrong or missing credentials are the service's to say (one answer for both, and the throttle counts it). */
export const MemberLogin = z.object({ email: z.string().max(254), password: z.string().max(1024) });

export const ForgotPassword = z.object({ email: z.string().trim().pipe(z.email().max(254)) });

export const ResetPassword = z.object({ token: z.string().max(200), password: Password });

/** The name shown with their posts, and the language their emails come in. */
export const Profile = z.object({ displayName: DisplayName, language: z.enum(LOCALES).optional() });
