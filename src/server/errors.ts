import { defineErrors, makeErrors } from '../core/errors';

/** The server's own codes: what the app answers before any feature is reached. */
export const SERVER_ERRORS = defineErrors({
  METRICS_TOKEN_WRONG: { kind: 'unauthenticated', en: 'Send the metrics token as a bearer token' },
  METRICS_TOKEN_UNSET: {
    kind: 'unauthenticated',
    en: 'Metrics need METRICS_TOKEN (HOST is not loopback, or TRUST_PROXY is on): set it, send it as a bearer token',
  },
});

export const serverError = makeErrors(SERVER_ERRORS);
