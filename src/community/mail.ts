import type { Translator } from '../core/i18n/translator';
import { board } from './board.messages';
import { notificationMessages, resetMail, signUpExistingMail, statusMail, verifyMail } from './mail.messages';
import type { IdeaStatus } from './schema';

/**
 * The board's emails and notifications, worded by a translator: the member's language and the board's
 * du/Sie (a BoardTranslator fills in `form`). Pure, so each can be checked in every language.
 */
export interface Mail {
  subject: string;
  text: string;
}

const VERIFY_DAYS = 3;
const RESET_HOURS = 1;
/** How long the links last; the services make the tokens with these. */
export const VERIFY_TTL_MS = VERIFY_DAYS * 86_400_000;
export const RESET_TTL_MS = RESET_HOURS * 3_600_000;

export const verifyMailText = (t: Translator, v: { community: string; link: string }): Mail => ({
  subject: t.t(verifyMail.subject, { community: v.community }),
  text: [
    `${t.t(verifyMail.welcome, { community: v.community })}\n${v.link}`,
    t.t(verifyMail.expires, { days: VERIFY_DAYS }),
  ].join('\n\n'),
});

export const signUpExistingMailText = (
  t: Translator,
  v: { community: string; login: string; forgot: string },
): Mail => ({
  subject: t.t(signUpExistingMail.subject, { community: v.community }),
  text: `${t.t(signUpExistingMail.body, { login: v.login, forgot: v.forgot })}\n${t.t(signUpExistingMail.notYou)}`,
});

export const resetMailText = (t: Translator, v: { community: string; link: string }): Mail => ({
  subject: t.t(resetMail.subject, { community: v.community }),
  text: `${t.t(resetMail.body, { hours: RESET_HOURS })}\n${v.link}\n\n${t.t(resetMail.notAsked)}`,
});

export interface StatusChange {
  community: string;
  title: string;
  status: IdeaStatus;
  note: string | null;
  link: string;
}

export function statusMailText(t: Translator, v: StatusChange): Mail {
  const status = t.t(board.status, { status: v.status });
  return {
    subject: t.t(statusMail.subject, { community: v.community, title: v.title, status }),
    text: [t.t(statusMail.body, { status }), v.note, v.link].filter(Boolean).join('\n\n'),
  };
}

/** An in-app notification as the board words it when it is read (older rows kept their English sentence). */
export function notificationText(
  t: Translator,
  n: { text: string | null; status: IdeaStatus | null; note: string | null; title: string | null },
): string {
  if (!n.status) return n.text ?? '';
  const values = { title: n.title ?? '', status: t.t(board.status, { status: n.status }) };
  return n.note
    ? t.t(notificationMessages.statusWithNote, { ...values, note: n.note })
    : t.t(notificationMessages.status, values);
}
