import { describe, expect, it } from 'vitest';
import { invitationMailText } from '../../src/accounts/invitations.mail';
import { invitationMail } from '../../src/accounts/invitations.messages';
import { translatorFor } from '../../src/core/i18n/translator';
import { web } from '../../src/http/web/messages';
import { board } from '../../src/community/board.messages';
import { BOARD_ERROR_MESSAGES, boardTranslator } from '../../src/community/board-translator';
import { COMMUNITY_ERRORS } from '../../src/community/errors';
import {
  type Mail,
  notificationText,
  resetMailText,
  signUpExistingMailText,
  statusMailText,
  verifyMailText,
} from '../../src/community/mail';
import {
  notificationMessages,
  resetMail,
  signUpExistingMail,
  statusMail,
  verifyMail,
} from '../../src/community/mail.messages';
import { type Digest, digestText } from '../../src/reports/digest';
import { digestMail } from '../../src/reports/digest.messages';
import { reports } from '../../src/reports/messages';
import { englishIn, englishRuns } from '../helpers/english-runs';

const DIGEST: Digest = {
  range: { from: '2026-11-30', to: '2026-12-06' },
  period: 'last',
  now: { positive: 2, neutral: 0, negative: 1, uncertain: 0, unscored: 0, total: 3, net: 1 },
  before: { positive: 1, neutral: 0, negative: 0, uncertain: 0, unscored: 0, total: 1, net: 1 },
  terms: [
    { term: 'battery', total: 3, positive: 1, neutral: 0, negative: 2 },
    { term: 'screen', total: 2, positive: 2, neutral: 0, negative: 0 },
  ],
  hashtags: [{ term: 'acmelove', total: 2, positive: 2, neutral: 0, negative: 0 }],
  biggest: [
    {
      id: 'm1',
      platform: 'bluesky',
      text: 'acme battery died, terrible',
      url: null,
      authorName: null,
      authorHandle: null,
      followers: 90_000,
      sentiment: 'negative',
    },
  ],
  open: { open: 4, unassigned: 4, overdue: 1 },
  alerts: 2,
};
const change = { community: 'Acme', title: 'Night theme', note: 'In spring', link: 'https://x.test/i/1' };

/** Each email kind, written by a translator, with the messages it is made of. */
const KINDS: [string, (t: ReturnType<typeof boardTranslator>) => Mail, Record<string, { id?: string }>[]][] = [
  [
    'invitation',
    (t) =>
      invitationMailText(t, {
        workspace: 'Acme',
        role: 'agent',
        link: 'https://x.test/a',
        days: 7,
        expiresAt: new Date('2026-12-08T09:00:00Z'),
      }),
    [invitationMail],
  ],
  ['verification', (t) => verifyMailText(t, { community: 'Acme', link: 'https://x.test/v' }), [verifyMail]],
  [
    'sign-up with a taken email',
    (t) => signUpExistingMailText(t, { community: 'Acme', login: 'https://x.test/l', forgot: 'https://x.test/f' }),
    [signUpExistingMail],
  ],
  ['password reset', (t) => resetMailText(t, { community: 'Acme', link: 'https://x.test/r' }), [resetMail]],
  ['status change', (t) => statusMailText(t, { ...change, status: 'planned' }), [statusMail]],
  [
    'in-app status notification',
    (t) => ({
      subject: notificationText(t, { text: null, status: 'planned', note: null, title: 'Night theme' }),
      text: notificationText(t, { text: null, status: 'shipped', note: 'In spring', title: 'Night theme' }),
    }),
    [notificationMessages],
  ],
  [
    'weekly digest',
    (t) => ({ subject: t.t(digestMail.subject, { workspace: 'Acme' }), text: digestText(t, 'Acme', DIGEST, 'l') }),
    [
      digestMail,
      {
        change: reports.digestChange,
        followers: reports.digestFollowers,
        sentiment: reports.digestSentiment,
        someone: reports.digestSomeone,
      },
    ],
  ],
];

describe('emails in German', () => {
  it.each(KINDS)('writes the %s with none of its English sentences', (_, write, parts) => {
    const english = parts.flatMap((p) => englishRuns(p as never));
    const en = write(boardTranslator('en', 'UTC', 'sie'));
    const all = `${en.subject}\n${en.text}`;
    // The check bites: the English email has its sentences (a select's other branches aside).
    expect(englishIn(all, english).length).toBeGreaterThanOrEqual(Math.min(3, english.length));
    for (const form of ['sie', 'du'] as const) {
      const de = write(boardTranslator('de', 'Europe/Berlin', form));
      expect(englishIn(`${de.subject}\n${de.text}`, english)).toEqual([]);
    }
  });

  it('says Sie or du on the board as the workspace chose, in pages and emails', () => {
    const sie = boardTranslator('de', 'UTC', 'sie');
    const du = boardTranslator('de', 'UTC', 'du');
    expect(sie.t(board.join, { name: 'Acme' })).toBe('Werden Sie Teil der Community von Acme');
    expect(du.t(board.join, { name: 'Acme' })).toBe('Werde Teil der Community von Acme');
    const link = { community: 'Acme', link: 'https://x.test/v' };
    expect(verifyMailText(sie, link).subject).toBe('Bestätigen Sie Ihre E-Mail-Adresse für Acme');
    expect(verifyMailText(du, link).subject).toBe('Bestätige deine E-Mail-Adresse für Acme');
    expect(resetMailText(du, link).text).not.toMatch(/\b(Sie|Ihr|Ihre)\b/);
    expect(du.error('MEMBER_NOT_VERIFIED', COMMUNITY_ERRORS.MEMBER_NOT_VERIFIED.en, {})).toMatch(/^Bitte bestätige/);
    // English has one form.
    expect(boardTranslator('en', 'UTC', 'du').t(board.join, { name: 'Acme' })).toBe('Join the Acme community');
  });

  it('words the board’s own refusals in the same English as the error codes', () => {
    for (const [code, message] of Object.entries(BOARD_ERROR_MESSAGES))
      expect(message.defaultMessage).toBe(COMMUNITY_ERRORS[code as keyof typeof COMMUNITY_ERRORS].en);
  });

  it('dates a digest by calendar days, an invitation in the workspace zone, numbers as German writes them', () => {
    const t = translatorFor('de', 'America/Los_Angeles');
    const text = digestText(t, 'Acme', { ...DIGEST, now: { ...DIGEST.now, total: 1234 } }, 'l');
    expect(text).toContain('die Woche vom 30.11.2026 bis 06.12.2026');
    expect(text).toMatch(/Erwähnungen: 1\.234 \(\+123\.300\s% gegenüber der Woche davor\)/u);
    expect(text).toContain('90.000 Follower');
    const invite = invitationMailText(translatorFor('de', 'Europe/Berlin'), {
      workspace: 'Acme',
      role: 'agent',
      link: 'l',
      days: 7,
      expiresAt: new Date('2026-12-08T09:00:00Z'),
    });
    expect(invite.text).toContain('bis 08.12.2026, 10:00');
    expect(invite.text).toContain(`als ${translatorFor('de').t(web.role, { role: 'agent' })}`);
  });
});
