import { describe, expect, it } from 'vitest';
import { hashParams, hashPassword, OWASP_ARGON2_PARAMS, verifyPassword } from './password';

describe('password hashing', () => {
  it('uses argon2id at the OWASP parameters by default (19 MiB, t=2, p=1)', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(hashParams(hash)).toEqual(OWASP_ARGON2_PARAMS);
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', hash)).toBe(false);
  });

  it('salts: the same password hashes differently twice', async () => {
    const p = { m: 64, t: 1, p: 1 };
    expect(await hashPassword('same', p)).not.toBe(await hashPassword('same', p));
  });

  it('rejects a stored value that is not an argon2id PHC string', async () => {
    expect(await verifyPassword('x', 'plaintext')).toBe(false);
    expect(await verifyPassword('x', '$2b$10$abcdefghijklmnopqrstuv')).toBe(false);
  });
});
