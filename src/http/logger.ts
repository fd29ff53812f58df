import pino from 'pino';
import { redactError } from '../core/redact-error';

export type Logger = pino.Logger;

/**
 * Structured JSON logs; every request logs through a child carrying its request id. Errors are
 * written redacted: a failed statement's SQL and code, never its parameters (src/core/redact-error.ts).
 * `destination` lets a test read what would be written.
 */
export const createLogger = (level: string = 'info', destination?: pino.DestinationStream) =>
  pino(
    {
      level,
      base: { service: 'social-crm' },
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { err: redactError, error: redactError },
    },
    ...(destination ? [destination] : []),
  );
