import type { EventBus } from '../core/events';
import type { Context } from 'hono';
import type { Translator } from '../core/i18n/translator';
import type { AccessWatch } from '../core/access-watch';
import type { Actor } from '../core/actor';
import type { Clock } from '../core/clock';
import type { Db, DbKind } from '../db/types';
import type { OutboundHttp } from './outbound';
import type { CredentialBox } from '../core/credentials';
import type { Logger } from './logger';
import type { Metrics } from './metrics';

/**
 * Everything the app needs from outside, handed in by the Node or Worker entry (and by tests). A feature
 * that brings a service of its own adds it here from its own files (`declare module '../http/env'`):
 * connectors (the platform clients), live (the inbox stream), passwordParams (accounts).
 */
export interface AppDeps {
  /** Who a credential stands for: accounts and community answer, the auth middleware asks. */
  auth: Authenticator;
  db: Db;
  dbKind: DbKind;
  /** Access taken away in this process (logout, revoked keys, disabled users): live streams recheck. */
  access: AccessWatch;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  settings: AppSettings;
  /** Seals and opens source credentials and queued emails' links (key from APP_SECRET). */
  credentials: CredentialBox;
  /** Every request to the outside (connectors, feeds, webhooks) goes through this guard. */
  outbound: OutboundHttp;
  /** The client address of a request (the runtime knows how to find it). */
  clientIp: (c: Context) => string | null;
  /** Jobs served at /api/inngest when an Inngest server drives them. */
  inngestHandler?: (c: Context) => Promise<Response>;
  mailer: Mailer;
  /** Events emitted in a transaction reach their listeners here after commit (core/events.ts). */
  events: EventBus;
  /** This instance's stable name (INSTANCE_ID), kept with the leases it takes. */
  instanceId?: string;
}

export interface AppSettings {
  sessionTtlMs: number;
  /** Set Secure on cookies even when the request itself arrived over http (behind TLS offload). */
  secureCookies: boolean;
  trustProxy: boolean;
  /** How often a live stream sends a keep-alive and checks its credential again (25 s). */
  liveHeartbeatMs: number;
  /** A live client with more than this many bytes of events unsent is dropped (1 MiB). */
  liveMaxBufferBytes?: number;
  /** A live client whose oldest unsent event is older than this is dropped (30 s). */
  liveMaxLagMs?: number;
  metricsToken?: string;
  /** No METRICS_TOKEN needed: loopback HOST, no proxy in front (config.metricsOpenWithoutToken). */
  metricsOpen: boolean;
  publicUrl?: string;
  /** A request still waiting this long has the database checked, and answers 503 if it is away. */
  dbGuardMs?: number;
  /** How long /health waits for the database before it answers 503. */
  healthTimeoutMs?: number;
}

/** An email ready to go; the mailer either sends it (SMTP_URL) or says it did not. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** False when no SMTP server is configured: mail is logged and shown to staff instead. */
  readonly configured: boolean;
  send(message: MailMessage): Promise<void>;
  /** Closes pooled connections (shutdown, a test's end). */
  close?(): Promise<void>;
}

/** A staff credential as the actor it stands for, with the person and session behind it (none for an API key). */
export interface StaffIdentity {
  actor: Actor;
  user: StaffUser | null;
  session: SessionInfo | null;
  /** The workspace's language, time zone and week start: what a viewer who chose nothing sees. */
  workspace: WorkspaceLocale;
}

/** A workspace's defaults for the people who read it (Settings > Workspace). */
export interface WorkspaceLocale {
  language: string;
  timeZone: string;
  /** 1 Monday … 7 Sunday. */
  weekStart: number;
}

/** A staff token as sent: by the Authorization header (an API key or a session token) or the session cookie. */
export interface Credential {
  token: string;
  fromHeader: boolean;
}

/** A workspace as the shell's switcher names it. */
export interface WorkspaceRef {
  id: string;
  slug: string;
  name: string;
}

export interface Authenticator {
  /** A bearer token may be an API key or a session token; a cookie only a session token. */
  staff(credential: Credential, ip: string | null, now: Date): Promise<StaffIdentity | null>;
  /** A community member's session cookie. */
  member(token: string, now: Date): Promise<MemberInfo | null>;
  /** Every workspace this person's login belongs to (the shell's switcher). */
  workspacesOf(userId: string): Promise<WorkspaceRef[]>;
}

export interface SessionInfo {
  token: string;
  csrfToken: string;
  via: 'cookie' | 'bearer';
}

export interface MemberInfo {
  id: string;
  workspaceId: string;
  email: string;
  displayName: string;
  verified: boolean;
  csrfToken: string;
}

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  /** The language and IANA time zone the person chose on their profile (null: not chosen). */
  language: string | null;
  timeZone: string | null;
  /** Single-key shortcuts on (the default) or off (WCAG 2.1.4); what opens after closing, assigning away or
   * snoozing: the next conversation or the list. Left out where unknown (both then take their default). */
  keyboardShortcuts?: boolean;
  afterTriage?: 'next' | 'list';
  /** Every workspace this person's login belongs to (loaded for pages, for the switcher). */
  workspaces?: WorkspaceRef[];
}

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    log: Logger;
    requestId: string;
    actor: Actor | null;
    user: StaffUser | null;
    session: SessionInfo | null;
    /** A community member signed in on the public board (never a staff actor). */
    member: MemberInfo | null;
    /** The signed-in workspace's defaults (null when nobody from a workspace is signed in). */
    workspaceLocale: WorkspaceLocale | null;
    /** This viewer's language, time zone and formats (http/i18n.middleware.ts). */
    i18n: Translator;
  };
};

export type AppContext = Context<AppEnv>;
