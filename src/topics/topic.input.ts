import { z } from '@hono/zod-openapi';
import { inputWords as w, said } from '../http/input-words';
import { TOPIC_KINDS } from './schema';

/** One schema per action, shared by the JSON API (topics routes) and the Settings > Topics form. */
export const TopicInput = z
  .object({
    name: z.string().trim().min(1, said(w.required)).max(80),
    kind: z.enum(TOPIC_KINDS),
    query: z.string().trim().min(1, said(w.required)).max(1000),
    active: z.boolean().optional(),
  })
  .openapi('TopicInput');

/** A change to a topic: any of its fields. The API's PATCH and the Settings > Topics edit form share it. */
export const TopicChange = TopicInput.partial().openapi('TopicChange');
