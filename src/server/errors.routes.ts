import { createRoute, z } from '@hono/zod-openapi';
import { ERROR_KINDS, LANGUAGES } from '../core/errors';
import { createApi, json } from '../http/openapi';
import { ERROR_CATALOGUE } from './error-catalogue';

const CatalogueSchema = z
  .object({
    languages: z.array(z.enum(LANGUAGES)),
    items: z.array(
      z.object({
        code: z.string().openapi({ example: 'REPLY_TOO_LONG' }),
        kind: z.enum(ERROR_KINDS),
        status: z.number().int().openapi({ example: 422 }),
        area: z.string().openapi({ example: 'inbox', description: 'The feature (or core) that declares it' }),
        params: z.array(z.string()).openapi({ example: ['length', 'platform', 'limit'] }),
        messages: z.record(z.enum(LANGUAGES), z.string()).openapi({
          example: { en: 'The reply is {length} characters as {platform} counts them; the limit is {limit}' },
        }),
      }),
    ),
  })
  .openapi('ErrorCatalogue');

/** The error catalogue, public like the OpenAPI document: which codes exist, their kind, status and message. */
export const errorsApi = createApi().openapi(
  createRoute({
    method: 'get',
    path: '/errors',
    tags: ['errors'],
    summary: 'Every error code the API answers with',
    description:
      'Each code names what went wrong; its kind decides the HTTP status, so a client may act on the kind and ' +
      'show the message. Messages are templates: `{name}` is filled in from the case at hand.',
    responses: { 200: json(CatalogueSchema, 'The codes, by area') },
  }),
  (c) => c.json({ languages: [...LANGUAGES], items: [...ERROR_CATALOGUE] }, 200),
);
