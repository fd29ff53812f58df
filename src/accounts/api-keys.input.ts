import { z } from '@hono/zod-openapi';
import { inputWords as w, said } from '../http/input-words';

/** One schema per action, shared by the JSON API (api-keys routes) and Settings > API keys. */
export const CreateApiKey = z
  .object({
    name: z.string().trim().min(1, said(w.required)).max(80),
    role: z.enum(['admin', 'agent', 'analyst']).default('agent'),
  })
  .openapi('CreateApiKey');
