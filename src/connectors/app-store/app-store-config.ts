import { z } from 'zod';
import type { OutboundHttp } from '../../http/outbound';
import { APP_STORE_BASE_URL, type AppStoreClient, appStoreClient } from './app-store-client';
import { said } from '../../http/input-words';
import { connectorWords as w } from '../messages';

/**
 * What an App Store source needs: which app (its Apple ID, the digits App Store Connect shows under App
 * Information), and a team API key from App Store Connect (Users and Access, Integrations): the issuer id,
 * the key id and the downloaded .p8 file's text. The key's role must allow customer reviews (Admin, App
 * Manager or Customer Support).
 */
export const appStoreConfigSchema = z.object({
  appId: z
    .string()
    .trim()
    .regex(/^\d{1,20}$/, said(w.appStoreAppId)),
  baseUrl: z.url().default(APP_STORE_BASE_URL),
  timeoutMs: z.number().int().min(100).max(120_000).default(15_000),
});
export type AppStoreConfig = z.infer<typeof appStoreConfigSchema>;

const P8_BEGIN = '-----BEGIN PRIVATE KEY-----';

export const appStoreCredentialsSchema = z.object({
  // Apple's issuer ids have the form of a UUID without its version and variant bits (57246542-96fe-1a63-e053-…).
  issuerId: z.guid(said(w.appStoreIssuerId)),
  keyId: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{10}$/, said(w.appStoreKeyId)),
  privateKey: z
    .string()
    .trim()
    .max(10_000)
    .refine((s) => s.includes(P8_BEGIN), said(w.appStorePrivateKey, { begin: P8_BEGIN })),
});
export type AppStoreCredentials = z.infer<typeof appStoreCredentialsSchema>;

/** What every call needs: the source's config and key, the guard, the caller's abort. */
export interface AppStoreCallContext {
  config: AppStoreConfig;
  credentials: AppStoreCredentials;
  http: OutboundHttp;
  signal?: AbortSignal | undefined;
}

export const clientFor = (ctx: AppStoreCallContext): AppStoreClient =>
  appStoreClient({
    http: ctx.http,
    baseUrl: ctx.config.baseUrl,
    key: ctx.credentials,
    timeoutMs: ctx.config.timeoutMs,
    signal: ctx.signal,
  });

/** An id Apple made, safe as one path segment. */
export const segment = (id: string) => encodeURIComponent(id);
