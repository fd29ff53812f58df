/**
 * Mail as staff and logs may see it: a link that signs someone in, confirms an email or sets a
 * password is a key to the member's account, so its secret never leaves the message that goes to
 * the member. Pure; the mail outbox applies it to what it stores and to what it lists.
 */

export const REDACTED = '[redacted]';

// Query parameters that carry a one-time secret in our links (and in anyone else's we may quote).
const SECRET_PARAM = /([?&](?:token|code|key|secret|signature|sig)=)[^&#\s]+/gi;

/** The text with every secret link parameter and every given secret replaced by a marker. */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const s of secrets) if (s) out = out.split(s).join(REDACTED);
  return out.replace(SECRET_PARAM, (_, name: string) => `${name}${REDACTED}`);
}
