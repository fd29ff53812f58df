import { describe, expect, it } from 'vitest';
import { createCredentialBox, CredentialsError } from './credentials';

const box = createCredentialBox('a-test-secret-that-is-long-enough-000');

describe('credential box', () => {
  it('round-trips credentials and never stores them in the clear', async () => {
    const sealed = await box.seal('source-1', { bearerToken: 'AAAA-secret-token' });
    expect(sealed).not.toContain('AAAA-secret-token');
    expect(sealed).toMatch(/^v1\./);
    expect(await box.open('source-1', sealed)).toEqual({ bearerToken: 'AAAA-secret-token' });
  });

  it('uses a fresh IV each time', async () => {
    expect(await box.seal('s', { a: 1 })).not.toBe(await box.seal('s', { a: 1 }));
  });

  it('refuses a ciphertext moved to another source', async () => {
    const sealed = await box.seal('source-1', { k: 'v' });
    await expect(box.open('source-2', sealed)).rejects.toThrow(CredentialsError);
  });

  it('refuses to decrypt under another APP_SECRET', async () => {
    const sealed = await box.seal('s', { k: 'v' });
    await expect(createCredentialBox('another-secret-that-is-long-enough-1').open('s', sealed)).rejects.toThrow(
      /APP_SECRET/,
    );
  });
});
