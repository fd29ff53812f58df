/**
 * The Meta apps this installation uses (from META_* settings): Facebook Login for Pages and Instagram, the
 * Threads app, and the webhook handshake token. Without them sources still work with pasted tokens and
 * polling; webhooks need the app secret to check signatures, and are refused without it.
 */
export interface MetaApp {
  appId?: string | undefined;
  appSecret?: string | undefined;
  threadsAppId?: string | undefined;
  threadsAppSecret?: string | undefined;
  webhookVerifyToken?: string | undefined;
  /** Where Meta is: the defaults, or stand-ins (tests/fakes) and proxies named in the settings. */
  graphUrl?: string | undefined;
  dialogUrl?: string | undefined;
  threadsGraphUrl?: string | undefined;
  threadsAuthorizeUrl?: string | undefined;
}

declare module '../http/env' {
  interface AppDeps {
    meta: MetaApp;
  }
}
