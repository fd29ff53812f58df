import { createHmac } from 'node:crypto';

/**
 * The demo logins' password: derived from the data directory's app secret (src/server/app-secret.ts), so it
 * stays the same across restarts of the same data (nobody is signed out, the printed password keeps
 * working) and differs between installations. Nothing predictable is in the code, and it is never stored.
 */
export function demoPassword(appSecret: string): string {
  const mac = createHmac('sha256', appSecret).update('social-crm demo password v1').digest('hex');
  // Four groups of five: easy to copy from the terminal, 80 bits of the secret's MAC.
  return (mac.slice(0, 20).match(/.{5}/g) ?? []).join('-');
}
