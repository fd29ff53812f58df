import { importPKCS8, SignJWT } from 'jose';
import { ConnectorError } from '../types';

/**
 * App Store Connect API tokens, as Apple requires them: a JWT signed ES256 with the team's API key (the .p8
 * private key), header `kid` = key id, claims `iss` = issuer id, `aud` = "appstoreconnect-v1", `iat`, and
 * `exp` at most 20 minutes later (Apple refuses longer-lived tokens for most requests). A token is reused
 * until a minute before it ends; a new key (credentials replaced) never reuses an old token.
 */
export const APP_STORE_AUDIENCE = 'appstoreconnect-v1';
/** Apple's limit is 20 minutes; a little under it, so clock skew never makes a token "too long". */
export const TOKEN_LIFETIME_S = 19 * 60;
const RENEW_BEFORE_S = 60;

export interface AppStoreKey {
  issuerId: string;
  keyId: string;
  /** The .p8 file's text: "-----BEGIN PRIVATE KEY-----" ... (PKCS #8, EC P-256). */
  privateKey: string;
}

export class AppStoreTokens {
  #cached: { fingerprint: string; token: string; expiresAt: number } | null = null;

  /** A token valid for at least another minute at `now` (Unix seconds). */
  async token(key: AppStoreKey, now = Math.floor(Date.now() / 1000)): Promise<string> {
    const fingerprint = `${key.issuerId}\u0000${key.keyId}\u0000${key.privateKey}`;
    const c = this.#cached;
    if (c && c.fingerprint === fingerprint && c.expiresAt - RENEW_BEFORE_S > now) return c.token;
    const token = await signAppStoreToken(key, now);
    this.#cached = { fingerprint, token, expiresAt: now + TOKEN_LIFETIME_S };
    return token;
  }
}

/** One signed token, issued at `now` (Unix seconds). */
export async function signAppStoreToken(key: AppStoreKey, now: number): Promise<string> {
  let signingKey: CryptoKey;
  try {
    signingKey = await importPKCS8(key.privateKey.trim(), 'ES256');
  } catch {
    // The key's text never goes into a message or a log.
    throw new ConnectorError(
      'auth',
      'The App Store Connect private key is not a valid .p8 key (PKCS #8, EC P-256): upload the file again.',
    );
  }
  return new SignJWT({})
    .setProtectedHeader({ alg: 'ES256', kid: key.keyId, typ: 'JWT' })
    .setIssuer(key.issuerId)
    .setAudience(APP_STORE_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + TOKEN_LIFETIME_S)
    .sign(signingKey);
}
