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

/** The owner acting outside a request (setup, the CLI, the demo, benchmarks, tests); `userId` null for an operator. */
export const ownerActor = (
  ws: { id: string; slug: string },
  userId: string | null,
  ip: string | null = null,
): Actor => ({
  workspaceId: ws.id,
  workspaceSlug: ws.slug,
  userId,
  apiKeyId: null,
  role: 'owner',
  ip,
});
