import { defineErrors, makeErrors } from '../core/errors';

/** The codes of reports: the date range asked for, and the alert settings. */
export const REPORT_ERRORS = defineErrors({
  RANGE_DAY_INVALID: { kind: 'invalid', en: 'The date range is not valid: {field} must be a date as YYYY-MM-DD' },
  RANGE_END_TOO_LATE: { kind: 'invalid', en: 'The date range is not valid: to must not be after {latest}' },
  RANGE_START_TOO_EARLY: { kind: 'invalid', en: 'The date range is not valid: from must not be before {earliest}' },
  RANGE_BACKWARDS: { kind: 'invalid', en: 'The date range is not valid: from must not be after `to`' },
  RANGE_TOO_LONG: {
    kind: 'invalid',
    en: 'The date range is not valid: from must be at most {max} days before `to` (by {interval})',
  },
  ALERT_WEBHOOK_REFUSED: { kind: 'invalid', en: 'webhookUrl: {reason}' },
  ALERT_WEBHOOK_SECRET_MISSING: {
    kind: 'invalid',
    en: 'A webhook needs a secret to sign its calls with (webhookSecret, at least 16 characters)',
  },
});

export const reportError = makeErrors(REPORT_ERRORS);
