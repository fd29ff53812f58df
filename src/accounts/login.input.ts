import { z } from '@hono/zod-openapi';

/** One schema per action, shared by the JSON API (auth routes) and the login and workspace-switch forms. */
export const LoginBody = z
  .object({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(1024) })
  .openapi('LoginRequest');

export const SwitchBody = z.object({ workspaceId: z.uuid() }).openapi('SwitchWorkspace');
