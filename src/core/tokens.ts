import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, randomBytes } from '@noble/hashes/utils.js';

/** A random secret for cookies, API keys and setup links: 32 bytes, URL-safe. */
export const newSecret = (bytes = 32) => Buffer.from(randomBytes(bytes)).toString('base64url');

/** Secrets are stored only as their SHA-256; high-entropy tokens need no slow hash. */
export const hashToken = (token: string) => bytesToHex(sha256(new TextEncoder().encode(token)));
