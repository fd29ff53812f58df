import { z } from '@hono/zod-openapi';
import { inputWords as w, said } from '../../http/input-words';

/** One schema per action, shared by the JSON API (replies routes) and the composer and saved-replies forms. */

export const ReplyInput = z.object({ text: z.string().max(20_000), inReplyTo: z.uuid().optional() });

/** The API takes it as the Idempotency-Key header; the composer posts it as a hidden field. */
export const IdempotencyKey = z.string().trim().min(1).max(200);

export const SavedReplyInput = z.object({
  name: z.string().trim().min(1, said(w.required)).max(80),
  body: z
    .string()
    .trim()
    .min(1, said(w.required))
    .max(5000)
    .openapi({ example: 'Hi {{first_name}}, sorry about that! DM us your order number. {{agent_first_name}}' }),
});

export const NewSavedReply = SavedReplyInput.extend({ shared: z.boolean().default(false) });
