import type { GoogleApp, LinkedInApp } from '../connectors';

/**
 * The OAuth apps behind Connect Google and Connect LinkedIn (GOOGLE_* and LINKEDIN_* settings): null where
 * this installation has none, and then the forms still take pasted credentials.
 */
export interface ConnectApps {
  google: GoogleApp | null;
  linkedin: LinkedInApp | null;
}

declare module '../http/env' {
  interface AppDeps {
    connectApps: ConnectApps;
  }
}
