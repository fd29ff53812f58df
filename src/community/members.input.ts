import { z } from 'zod';

/**
 * The board's account forms, one schema each (members have no JSON API). Messages are whole sentences:
 * the board shows them alone.
 */

export const Password = z.string().min(10, 'The password needs at least 10 characters').max(200);

const DisplayName = z
  .string()
  .trim()
  .min(1, 'Give a name to show with your posts')
  .max(60, 'A name is at most 60 characters');

export const SignUp = z.object({
  displayName: DisplayName,
  email: z.email('Enter a valid email address').max(254),
  password: Password,
});

/** Wrong or missing credentials are the service's to say (one answer for both, and the throttle counts it). */
export const MemberLogin = z.object({ email: z.string().max(254), password: z.string().max(1024) });

export const ForgotPassword = z.object({ email: z.string().trim().pipe(z.email().max(254)) });

export const ResetPassword = z.object({ token: z.string().max(200), password: Password });

export const Profile = z.object({ displayName: DisplayName });
