import { describe, expect, it } from 'vitest';
import { ENGLISH, translatorFor } from '../core/i18n/translator';
import { noticeText, storedNotice } from './notification-text';

const GERMAN = translatorFor('de', 'Europe/Berlin');
const said = (kind: string, values: Record<string, string | number>) => ({ kind, text: storedNotice(values) });

describe('a notification’s text', () => {
  it('is said in the reader’s language from the values it keeps', () => {
    const byRule = said('assigned', { by: 'rule' });
    expect(noticeText(ENGLISH, byRule)).toBe('A routing rule assigned a conversation to you');
    expect(noticeText(GERMAN, byRule)).toBe('Eine Zuweisungsregel hat Ihnen eine Unterhaltung zugewiesen');
    expect(noticeText(GERMAN, said('assigned', { by: 'person' }))).toBe('Ihnen wurde eine Unterhaltung zugewiesen');
  });

  it('puts a source’s token end in the reader’s zone and format, and as a plain day in the API', () => {
    const n = said('source_needs_person', {
      platform: 'Facebook',
      name: 'Acme',
      ended: 'no',
      expiresAt: '2026-12-06T23:30:00.000Z',
    });
    expect(noticeText(GERMAN, n)).toBe(
      'Facebook-Quelle „Acme“ muss bald neu verbunden werden: Ihr Zugang endet am 07.12.2026. ' +
        'Verbinden Sie sie neu, um weiter mitzuhören',
    );
    expect(noticeText(ENGLISH, n, true)).toBe(
      'Facebook source "Acme" needs reconnecting soon: its access ends on 2026-12-06: reconnect it to keep listening',
    );
  });

  it('says a spike with the reader’s numbers', () => {
    const n = said('spike', { named: 'yes', topic: 'Acme', volume: 42, usual: 3.25, negativeShare: 0.5 });
    expect(noticeText(ENGLISH, n)).toBe('Spike on Acme: 42 mentions in the last hour (usually 3.3), 50% negative');
    expect(noticeText(GERMAN, n)).toBe(
      'Ausschlag bei Acme: 42 Erwähnungen in der letzten Stunde (sonst 3,3), 50\u00a0% negativ',
    );
  });

  it('shows a note’s own words, and text written before the values, as they are', () => {
    expect(noticeText(GERMAN, { kind: 'note_mention', text: '{"by":"rule"}' })).toBe('{"by":"rule"}');
    expect(noticeText(GERMAN, { kind: 'assigned', text: 'A conversation was assigned to you' })).toBe(
      'A conversation was assigned to you',
    );
  });
});
