import { z } from 'zod';
import {
  DEFAULT_DEADLINE_MS,
  DEFAULT_FEED_MAX_BYTES,
  DEFAULT_MAX_BYTES,
  parseAllowlist,
} from '../http/outbound/policy';

/**
 * Every setting the app reads, validated once at start. A bad value stops the app with one line
 * naming the variable, so nobody has to debug a half-started server.
 */
const optionalString = z
  .string()
  .transform((v) => v.trim())
  .pipe(z.string())
  .optional()
  .transform((v) => (v ? v : undefined));

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

/** A byte cap for outbound answers: 1 KiB to 1 GiB. */
const byteCap = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a number of bytes' })
    .int('must be a whole number of bytes')
    .min(1024, 'must be at least 1024 bytes')
    .max(1024 ** 3, 'must be at most 1 GiB')
    .default(fallback);

export const configSchema = z
  .object({
    PORT: z.coerce
      .number({ error: 'must be a whole number from 1 to 65535' })
      .int('must be a whole number from 1 to 65535')
      .min(1, 'must be a whole number from 1 to 65535')
      .max(65535, 'must be a whole number from 1 to 65535')
      .default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
        .optional(),
    ),
    PUBLIC_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    ADMIN_EMAIL: optionalString.pipe(z.email().optional()),
    ADMIN_PASSWORD: optionalString.pipe(z.string().min(12, 'must be at least 12 characters').optional()),
    APP_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    WORKSPACE_NAME: z.string().min(1).max(80).default('My workspace'),
    SESSION_TTL_HOURS: z.coerce
      .number({ error: 'must be a number of hours' })
      .int('must be a whole number of hours')
      .min(1, 'must be at least 1 hour')
      .max(24 * 90, 'must be at most 2160 hours (90 days)')
      .default(24 * 14),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TRUST_PROXY: bool,
    METRICS_TOKEN: optionalString,
    INNGEST_EVENT_KEY: optionalString,
    INNGEST_SIGNING_KEY: optionalString,
    INNGEST_DEV: optionalString,
    INNGEST_BASE_URL: optionalString.pipe(z.url().optional()),
    SMTP_URL: optionalString.pipe(
      z
        .string()
        .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps:// (smtp://user:pass@host:587)')
        .optional(),
    ),
    MAIL_FROM: z.string().min(3).max(200).default('Social CRM <no-reply@localhost>'),
    // The Meta app (Facebook Login, Pages, Instagram) and the Threads app: connect flow and webhook signatures.
    META_APP_ID: optionalString,
    META_APP_SECRET: optionalString,
    META_THREADS_APP_ID: optionalString,
    META_THREADS_APP_SECRET: optionalString,
    // What Meta sends back in the webhook subscription handshake (hub.verify_token).
    META_WEBHOOK_VERIFY_TOKEN: optionalString,
    // Where Meta's Graph APIs and sign-in dialogs are (defaults: Meta's own; a stand-in or proxy otherwise).
    META_GRAPH_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    META_DIALOG_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    META_THREADS_GRAPH_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    META_THREADS_AUTHORIZE_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    // Connect Google (YouTube, Business Profile reviews) and Connect LinkedIn: the OAuth apps, and where
    // their consent pages, token endpoints and APIs are (defaults: the platforms'; stand-ins or proxies else).
    GOOGLE_CLIENT_ID: optionalString,
    GOOGLE_CLIENT_SECRET: optionalString,
    GOOGLE_AUTHORIZE_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    GOOGLE_TOKEN_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    GOOGLE_YOUTUBE_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    GOOGLE_BUSINESS_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    LINKEDIN_CLIENT_ID: optionalString,
    LINKEDIN_CLIENT_SECRET: optionalString,
    LINKEDIN_AUTHORIZE_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    LINKEDIN_TOKEN_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    LINKEDIN_API_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    // Internal hosts outbound calls may reach (self-hosted instances, local fakes); all others must be public.
    OUTBOUND_ALLOWLIST: optionalString.transform((v, ctx) => {
      try {
        return parseAllowlist(v);
      } catch (err) {
        ctx.addIssue({
          code: 'custom',
          message: `${(err as Error).message} (comma-separated hosts, host:port or CIDR ranges)`,
        });
        return z.NEVER;
      }
    }),
    // A name for this instance that survives restarts (see core/instance.ts); derived when not set.
    INSTANCE_ID: optionalString.pipe(z.string().max(200).optional()),
    // The largest answer an outbound call may read: platform APIs and webhooks, then RSS/Atom feeds.
    OUTBOUND_MAX_BYTES: byteCap(DEFAULT_MAX_BYTES),
    OUTBOUND_FEED_MAX_BYTES: byteCap(DEFAULT_FEED_MAX_BYTES),
    // The longest one outbound request may take, its whole answer included (a trickling server too).
    OUTBOUND_DEADLINE_MS: z.coerce
      .number({ error: 'must be a number of milliseconds' })
      .int('must be a whole number of milliseconds')
      .min(100, 'must be at least 100 ms')
      .max(600_000, 'must be at most 10 minutes')
      .default(DEFAULT_DEADLINE_MS),
  })
  .superRefine((c, ctx) => {
    if (c.DATABASE_URL && !c.APP_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['APP_SECRET'],
        message: 'is required with DATABASE_URL (every instance must share it; e.g. openssl rand -base64 48)',
      });
    }
    if (Boolean(c.ADMIN_EMAIL) !== Boolean(c.ADMIN_PASSWORD)) {
      ctx.addIssue({
        code: 'custom',
        path: [c.ADMIN_EMAIL ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'],
        message: 'ADMIN_EMAIL and ADMIN_PASSWORD must be set together',
      });
    }
  });

export type Config = z.output<typeof configSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment; throws ConfigError whose message is the one line to print. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const relevant = Object.fromEntries(
    Object.keys(configSchema.shape ?? {}).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const parsed = configSchema.safeParse(relevant);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const name = String(issue.path[0] ?? 'config');
  const got = env[name];
  const shown = /PASSWORD|KEY|TOKEN|SECRET/.test(name) ? '(hidden)' : JSON.stringify(got);
  throw new ConfigError(`Invalid setting ${name}: ${issue.message}${got === undefined ? '' : ` (got ${shown})`}`);
}

/** True when an Inngest server takes over scheduling; otherwise the in-process runner does it. */
export const usesInngestServer = (c: Config) => Boolean(c.INNGEST_SIGNING_KEY || c.INNGEST_DEV);

/** True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost). */
export const isLoopbackHost = (host: string) => {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
};

/**
 * /metrics may answer without METRICS_TOKEN only where nobody else can reach it: a loopback HOST
 * with no proxy in front (TRUST_PROXY means something public forwards to us).
 */
export const metricsOpenWithoutToken = (c: Pick<Config, 'HOST' | 'TRUST_PROXY'>) =>
  isLoopbackHost(c.HOST) && !c.TRUST_PROXY;
