import type { Role } from './roles';

/** Who is acting: a staff user (session) or an API key, always inside one workspace. */
export interface Actor {
  workspaceId: string;
  workspaceSlug: string;
  userId: string | null;
  apiKeyId: string | null;
  role: Role;
  ip: string | null;
}
