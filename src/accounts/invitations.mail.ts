import type { Translator } from '../core/i18n/translator';
import { web } from '../http/web/messages';
import { invitationMail as m } from './invitations.messages';

export interface InvitationMailValues {
  workspace: string;
  role: string;
  link: string;
  days: number;
  expiresAt: Date;
}

/** The invitation email in the translator's language; the expiry in its zone (the workspace's). */
export function invitationMailText(t: Translator, v: InvitationMailValues): { subject: string; text: string } {
  return {
    subject: t.t(m.subject, { workspace: v.workspace }),
    text: [
      t.t(m.intro, { workspace: v.workspace, role: t.t(web.role, { role: v.role }) }),
      t.t(m.accept, { days: v.days, expires: t.dateTime(v.expiresAt), link: v.link }),
      t.t(m.ignore),
    ].join('\n\n'),
  };
}
