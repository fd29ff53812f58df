import { z } from 'zod';
import type { OutboundHttp } from '../../http/outbound';
import type { OAuthClientApp } from '../oauth/code-flow';
import { LINKEDIN_TOKEN_URL, LinkedInClient } from './linkedin-client';
import { ADMIN_PERMISSION, READ_PERMISSION, WRITE_PERMISSION } from './linkedin-sweep';

/**
 * Connect LinkedIn: the member signs in on LinkedIn's consent page (the one code flow, code-flow.ts) granting
 * what the Page connector needs, then picks among the Pages they administer (organizationAcls). Tokens live
 * 60 days; apps LinkedIn approved for it also get a refresh token (a year), and the hourly token round renews
 * with it (Connector.refreshToken).
 */
export const LINKEDIN_AUTHORIZE_URL = 'https://www.linkedin.com/oauth/v2/authorization';
export const LINKEDIN_SCOPES = [READ_PERMISSION, WRITE_PERMISSION, ADMIN_PERMISSION] as const;

export interface LinkedInApp {
  clientId: string;
  clientSecret: string;
  authorizeUrl?: string | undefined;
  tokenUrl?: string | undefined;
  apiUrl?: string | undefined;
}

export const linkedinOAuthClient = (app: LinkedInApp): OAuthClientApp => ({
  label: 'LinkedIn',
  platform: 'linkedin',
  clientId: app.clientId,
  clientSecret: app.clientSecret,
  authorizeUrl: app.authorizeUrl ?? LINKEDIN_AUTHORIZE_URL,
  tokenUrl: app.tokenUrl ?? LINKEDIN_TOKEN_URL,
  scopes: LINKEDIN_SCOPES,
});

const ACL = z.object({ organization: z.string().regex(/^urn:li:organization:\d+$/), state: z.string().optional() });
const ORG = z.object({ localizedName: z.string().optional() });
const MAX_PAGES = 100;

/** The Pages the member administers, with their names (a Page whose name cannot be read keeps its URN). */
export async function administeredPages(
  http: OutboundHttp,
  apiUrl: string,
  accessToken: string,
): Promise<{ urn: string; name: string }[]> {
  const api = new LinkedInClient({ baseUrl: apiUrl, accessToken, http, timeoutMs: 15_000 });
  const opts = { permission: ADMIN_PERMISSION };
  const urns: string[] = [];
  for (let start: number | undefined = 0; start !== undefined && urns.length < MAX_PAGES; ) {
    const page = await api.page(
      '/rest/organizationAcls',
      { q: 'roleAssignee', role: 'ADMINISTRATOR' },
      start,
      50,
      opts,
    );
    for (const item of page.items) {
      const acl = ACL.safeParse(item);
      if (acl.success && (acl.data.state ?? 'APPROVED') === 'APPROVED') urns.push(acl.data.organization);
    }
    start = page.next;
  }
  const pages: { urn: string; name: string }[] = [];
  for (const urn of [...new Set(urns)]) {
    const org = ORG.safeParse(
      await api.get(`/rest/organizations/${urn.split(':').at(-1)}`, {}, { ...opts, notFound: true }),
    );
    pages.push({ urn, name: (org.success && org.data.localizedName) || urn });
  }
  return pages;
}
