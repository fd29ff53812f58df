/**
 * Source credentials are encrypted at rest with AES-256-GCM (WebCrypto: the same code in Node and
 * Workers). The key is derived from APP_SECRET with HKDF; the source id is bound in as associated
 * data, so a ciphertext copied onto another source's row does not decrypt.
 */
const enc = new TextEncoder();
const dec = new TextDecoder();
const b64 = (bytes: ArrayBuffer | Uint8Array) =>
  Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString('base64url');
const unb64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64url'));

export interface CredentialBox {
  seal(sourceId: string, credentials: Record<string, unknown>): Promise<string>;
  open(sourceId: string, sealed: string): Promise<Record<string, unknown>>;
}

export class CredentialsError extends Error {
  override name = 'CredentialsError';
}

export function createCredentialBox(appSecret: string): CredentialBox {
  const key = (async () => {
    const material = await crypto.subtle.importKey('raw', enc.encode(appSecret), 'HKDF', false, ['deriveKey']);
    return crypto.subtle.deriveKey(
      { name: 'HKDF', hash: 'SHA-256', salt: enc.encode('social-crm/source-credentials'), info: enc.encode('v1') },
      material,
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt', 'decrypt'],
    );
  })();

  return {
    async seal(sourceId, credentials) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const data = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: enc.encode(sourceId) },
        await key,
        enc.encode(JSON.stringify(credentials)),
      );
      return `v1.${b64(iv)}.${b64(data)}`;
    },
    async open(sourceId, sealed) {
      const [version, iv, data] = sealed.split('.');
      if (version !== 'v1' || !iv || !data) throw new CredentialsError('Stored credentials are in an unknown format');
      try {
        const plain = await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: unb64(iv), additionalData: enc.encode(sourceId) },
          await key,
          unb64(data),
        );
        return JSON.parse(dec.decode(plain)) as Record<string, unknown>;
      } catch {
        throw new CredentialsError('Stored credentials cannot be decrypted: was APP_SECRET changed?');
      }
    },
  };
}
