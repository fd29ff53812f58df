import { OpenAPIHono, z } from '@hono/zod-openapi';
import { coreError, ERROR_KINDS } from '../core/errors';
import type { AppEnv } from './env';

/**
 * Every JSON route is declared with its zod schemas through @hono/zod-openapi, so validation and
 * the published document (/api/v1/openapi.json) can never disagree.
 */
export const createApi = () =>
  new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      // A malformed id names no object: answer as for an unknown one, not with a schema lecture.
      if (result.target === 'param') throw coreError('NOT_FOUND');
      throw coreError('VALIDATION_FAILED', result.error.issues);
    },
  });

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'CONVERSATION_NOT_FOUND', description: 'See GET /api/v1/errors' }),
      kind: z.enum(ERROR_KINDS).openapi({ example: 'not_found', description: 'Decides the status' }),
      message: z.string(),
      details: z.unknown().nullable(),
    }),
  })
  .openapi('Error');

const ERROR_DESCRIPTIONS = {
  400: 'Malformed request',
  401: 'Not signed in',
  403: 'Not allowed for this role',
  404: 'Not found in this workspace',
  409: 'Conflicts with the current state',
  413: 'Too large',
  422: 'Fails validation',
  429: 'Too many requests (see Retry-After)',
} as const;

type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

/** The error answers a route can give, all in the one error shape. */
export const errors = (...statuses: ErrorStatus[]) =>
  Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: ERROR_DESCRIPTIONS[s], content: { 'application/json': { schema: ErrorSchema } } },
    ]),
  ) as Record<ErrorStatus, { description: string; content: { 'application/json': { schema: typeof ErrorSchema } } }>;

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const AUTHENTICATED: Record<string, string[]>[] = [{ bearerAuth: [] }, { cookieAuth: [] }];
