import { generateKeyPairSync } from 'node:crypto';
import { decodeProtectedHeader, importSPKI, jwtVerify } from 'jose';

/**
 * How App Store Connect checks a request's token, for the App Store fake: a bearer JWT signed ES256 by the
 * uploaded key (its public half here), `kid` naming that key, `iss` the issuer id, `aud`
 * "appstoreconnect-v1", and no more than 20 minutes between `iat` and `exp`. Refusals use Apple's error
 * shape ({errors: [{status, code, title, detail}]}) with HTTP 401.
 */
export interface AppStoreApiKey {
  issuerId: string;
  keyId: string;
  /** The public half of the .p8 key, as SPKI PEM. */
  publicKey: string;
}

export const notAuthorized = (detail: string) => ({
  status: 401,
  json: {
    errors: [
      {
        id: crypto.randomUUID(),
        status: '401',
        code: 'NOT_AUTHORIZED',
        title: 'Authentication credentials are missing or invalid.',
        detail,
      },
    ],
  },
});

/** null when the token is one Apple would take; otherwise Apple's refusal. */
export async function checkAppStoreToken(authorization: string | undefined, keys: AppStoreApiKey[]) {
  const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
  if (!token) return notAuthorized('Provide a properly configured and signed bearer token.');
  let kid: string | undefined;
  try {
    const header = decodeProtectedHeader(token);
    if (header.alg !== 'ES256') return notAuthorized('The token must be signed with ES256.');
    kid = header.kid;
  } catch {
    return notAuthorized('Provide a properly configured and signed bearer token.');
  }
  const key = keys.find((k) => k.keyId === kid);
  if (!key) return notAuthorized('The key id (kid) is unknown.');
  try {
    const { payload } = await jwtVerify(token, await importSPKI(key.publicKey, 'ES256'), {
      issuer: key.issuerId,
      audience: 'appstoreconnect-v1',
      algorithms: ['ES256'],
    });
    if (typeof payload.exp !== 'number' || typeof payload.iat !== 'number' || payload.exp - payload.iat > 20 * 60)
      return notAuthorized('The token must expire within 20 minutes of being issued.');
  } catch {
    return notAuthorized('Provide a properly configured and signed bearer token.');
  }
  return null;
}

/**
 * A test API key as App Store Connect hands one out: `key` is what a source is given (issuer id, key id and
 * the .p8 text, PKCS #8 PEM of an EC P-256 key), `uploaded` what Apple keeps (the public half) to check tokens.
 */
export function makeAppStoreTestKey(
  keyId = 'ABC123DEFG',
  issuerId = '57246542-96fe-1a63-e053-0824d011072a',
): { key: { issuerId: string; keyId: string; privateKey: string }; uploaded: AppStoreApiKey } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    key: { issuerId, keyId, privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() },
    uploaded: { issuerId, keyId, publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() },
  };
}
