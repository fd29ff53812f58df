import pino from 'pino';

export type Logger = pino.Logger;

/** Structured JSON logs; every request logs through a child carrying its request id. */
export const createLogger = (level: string = 'info') =>
  pino({ level, base: { service: 'social-crm' }, timestamp: pino.stdTimeFunctions.isoTime });
