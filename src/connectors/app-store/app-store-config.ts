import { z } from 'zod';
import type { OutboundHttp } from '../../http/outbound';
import { APP_STORE_BASE_URL, type AppStoreClient, appStoreClient } from './app-store-client';

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
    .regex(/^\d{1,20}$/, "The app's Apple ID: digits, as App Store Connect shows under App Information"),
  baseUrl: z.url().default(APP_STORE_BASE_URL),
  timeoutMs: z.number().int().min(100).max(120_000).default(15_000),
});
export type AppStoreConfig = z.infer<typeof appStoreConfigSchema>;

export const appStoreCredentialsSchema = z.object({
  // Apple's issuer ids have the form of a UUID without its version and variant bits (57246542-96fe-1a63-e053-…).
  issuerId: z.guid('The issuer id shown above the keys in App Store Connect (a UUID)'),
  keyId: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{10}$/, 'The key id: 10 letters and digits, as App Store Connect lists it'),
  privateKey: z
    .string()
    .trim()
    .max(10_000)
    .refine((s) => s.includes('-----BEGIN PRIVATE KEY-----'), 'The text of the .p8 file (-----BEGIN PRIVATE KEY-----)'),
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
