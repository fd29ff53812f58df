import { z } from '@hono/zod-openapi';
import { inputWords as w, said } from '../http/input-words';
import { ContactFilter } from './filter';
import { CHOOSABLE_FIELDS } from './merge.service';

/** One schema per action, shared by the JSON API (contacts routes) and the contacts pages' forms. */

const text = (max: number) => z.string().trim().max(max);

export const ContactInput = z
  .object({
    name: text(300),
    emails: z.array(z.email(said(w.email)).max(320)).max(20, said(w.atMost, { max: 20 })),
    phones: z.array(text(40).min(3)).max(20),
    company: text(200).nullable(),
    title: text(200).nullable(),
    location: text(200).nullable(),
    lifecycleStage: text(40).min(1, said(w.required)),
    ownerId: z.uuid().nullable(),
    tags: z
      .array(
        z
          .string()
          .trim()
          .min(1)
          .max(60, said(w.atMostCharactersEach, { max: 60 })),
      )
      .max(50, said(w.atMost, { max: 50 })),
    customFields: z
      .record(text(60).min(1), text(2000))
      .refine((o) => Object.keys(o).length <= 50, said(w.customFields, { max: 50 })),
  })
  .partial()
  .openapi('ContactInput');

export const NoteInput = z.object({ body: z.string().trim().min(1, said(w.writeSomething)).max(10_000) });

export const SegmentInput = z.object({
  name: z.string().trim().min(1, said(w.required)).max(80),
  filter: ContactFilter,
});

export const MergeInput = z
  .object({
    into: z.uuid(),
    from: z.array(z.uuid()).min(1).max(20),
    fields: z.partialRecord(z.enum(CHOOSABLE_FIELDS), z.uuid()).optional(),
    customFields: z.record(z.string().max(60), z.uuid()).optional(),
  })
  .strict();
