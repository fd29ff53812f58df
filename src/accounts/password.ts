import { argon2idAsync } from '@noble/hashes/argon2.js';
import { randomBytes } from '@noble/hashes/utils.js';

/**
 * Argon2id in pure JS (@noble/hashes), so the same hashes verify in Node and in Workers, where
 * native addons and runtime-compiled WASM are not allowed. Stored as a PHC string, so the
 * parameters can be raised later without breaking old hashes.
 */
export interface Argon2Params {
  m: number; // memory in KiB
  t: number; // iterations
  p: number; // parallelism
}

/** OWASP Password Storage Cheat Sheet: argon2id, 19 MiB, 2 iterations, 1 lane. */
export const OWASP_ARGON2_PARAMS: Argon2Params = { m: 19456, t: 2, p: 1 };

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/=+$/, '');
const unb64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));

export async function hashPassword(password: string, params: Argon2Params = OWASP_ARGON2_PARAMS): Promise<string> {
  const salt = randomBytes(16);
  const hash = await argon2idAsync(password, salt, { ...params, dkLen: 32 });
  return `$argon2id$v=19$m=${params.m},t=${params.t},p=${params.p}$${b64(salt)}$${b64(hash)}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([^$]+)\$([^$]+)$/.exec(stored);
  if (!match) return false;
  const [, m, t, p, salt, hash] = match;
  const expected = unb64(hash!);
  const actual = await argon2idAsync(password, unb64(salt!), {
    m: Number(m),
    t: Number(t),
    p: Number(p),
    dkLen: expected.length,
  });
  return constantTimeEqual(actual, expected);
}

/** Reads the parameters a stored hash was made with (used to rehash when they are raised). */
export function hashParams(stored: string): Argon2Params | null {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(stored);
  return match ? { m: Number(match[1]), t: Number(match[2]), p: Number(match[3]) } : null;
}

function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

// Verifying against a throwaway hash when the email is unknown keeps the answer time the same,
// so response timing does not tell which emails have accounts.
let decoyHash: Promise<string> | null = null;

/** Spends a real verification's time and answers false: the branch for an unknown email. */
export async function verifyDecoy(password: string, params?: Argon2Params): Promise<false> {
  decoyHash ??= hashPassword('decoy-password-never-matches', params);
  await verifyPassword(password, await decoyHash);
  return false;
}

declare module '../http/env' {
  interface AppDeps {
    /** Password hashing cost (tests make it cheap). */
    passwordParams?: Argon2Params;
  }
}
