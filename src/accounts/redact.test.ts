import { describe, expect, it } from 'vitest';
import { REDACTED, redactSecrets } from './redact';

describe('redactSecrets', () => {
  it.each([
    [
      'a verification link',
      'Confirm:\nhttps://acme.test/c/acme/verify?token=abcDEF_123-x\n\nThanks',
      `Confirm:\nhttps://acme.test/c/acme/verify?token=${REDACTED}\n\nThanks`,
    ],
    [
      'a reset link with more parameters',
      'https://a.test/reset?lang=en&token=s3cr3t&x=1',
      `https://a.test/reset?lang=en&token=${REDACTED}&x=1`,
    ],
    ['an upper-case parameter name', 'https://a.test/v?TOKEN=abc#top', `https://a.test/v?TOKEN=${REDACTED}#top`],
    ['text without links', 'Your idea is planned.', 'Your idea is planned.'],
  ])('hides the secret in %s', (_, text, expected) => {
    expect(redactSecrets(text)).toBe(expected);
  });

  it('hides a given secret wherever it appears, not only in a query parameter', () => {
    expect(redactSecrets('code: s3cr3t-value, again /s3cr3t-value/', ['s3cr3t-value'])).toBe(
      `code: ${REDACTED}, again /${REDACTED}/`,
    );
  });

  it('leaves a parameter that only ends in a secret word alone', () => {
    expect(redactSecrets('https://a.test/?mytoken=1&q=token')).toBe('https://a.test/?mytoken=1&q=token');
  });
});
