import { generateKeyPairSync } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { checkAppStoreToken } from '../../../tests/fakes/app-store-auth';
import { ConnectorError } from '../types';
import { AppStoreTokens, signAppStoreToken, TOKEN_LIFETIME_S } from './app-store-token';

/** A key pair as App Store Connect hands it out: the private half as a .p8 (PKCS #8 PEM). */
function apiKey(keyId = 'ABC123DEFG') {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    key: {
      issuerId: '57246542-96fe-1a63-e053-0824d011072a',
      keyId,
      privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    },
    uploaded: {
      issuerId: '57246542-96fe-1a63-e053-0824d011072a',
      keyId,
      publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    },
  };
}

describe('App Store Connect tokens', () => {
  it('signs ES256 with kid, iss, aud appstoreconnect-v1 and exp at most 20 minutes on: the fake takes it', async () => {
    const { key, uploaded } = apiKey();
    const now = Math.floor(Date.now() / 1000);
    const token = await signAppStoreToken(key, now);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES256', kid: 'ABC123DEFG', typ: 'JWT' });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ iss: key.issuerId, aud: 'appstoreconnect-v1', iat: now });
    expect(claims.exp! - claims.iat!).toBe(TOKEN_LIFETIME_S);
    expect(TOKEN_LIFETIME_S).toBeLessThanOrEqual(20 * 60);
    expect(await checkAppStoreToken(`Bearer ${token}`, [uploaded])).toBeNull();
  });

  it('is refused by the fake when signed by another key or named for another key id', async () => {
    const { uploaded } = apiKey();
    const other = apiKey();
    const now = Math.floor(Date.now() / 1000);
    const forged = await signAppStoreToken(other.key, now);
    expect(await checkAppStoreToken(`Bearer ${forged}`, [uploaded])).toMatchObject({
      status: 401,
      json: { errors: [{ code: 'NOT_AUTHORIZED' }] },
    });
    const unknownKid = await signAppStoreToken({ ...other.key, keyId: 'ZZZ999ZZZZ' }, now);
    expect(await checkAppStoreToken(`Bearer ${unknownKid}`, [uploaded])).toMatchObject({ status: 401 });
  });

  it('reuses a token until a minute before it ends, and never across keys', async () => {
    const tokens = new AppStoreTokens();
    const a = apiKey();
    const b = apiKey('XYZ987WVUT');
    const t0 = 1_800_000_000;
    const first = await tokens.token(a.key, t0);
    expect(await tokens.token(a.key, t0 + TOKEN_LIFETIME_S - 61)).toBe(first);
    expect(await tokens.token(a.key, t0 + TOKEN_LIFETIME_S - 59)).not.toBe(first);
    const other = await tokens.token(b.key, t0);
    expect(decodeProtectedHeader(other).kid).toBe('XYZ987WVUT');
  });

  it('says a broken .p8 is not a key, without echoing it', async () => {
    const secret = '-----BEGIN PRIVATE KEY-----\nnot-a-key-but-secret\n-----END PRIVATE KEY-----';
    const err = await signAppStoreToken({ issuerId: 'i', keyId: 'k', privateKey: secret }, 0).catch((e) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err).toMatchObject({ kind: 'auth' });
    expect((err as Error).message).not.toContain('not-a-key-but-secret');
  });
});
