import { mkdirSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffAccounts, users, workspaces } from '../../src/accounts/schema';
import { conversations } from '../../src/inbox/schema';
import { sweepInbox } from '../../src/inbox/sweep';
import { ingestPosts } from '../../src/ingest/pipeline';
import { activeTopics, createTopic } from '../../src/topics/topics.service';
import { type FakeSmtp, startFakeSmtp } from '../fakes/smtp-server';
import { launchBrowser, signIn, watchPage } from '../helpers/browser';
import { ENGLISH_ONLY, foundIn, GERMAN_ONLY } from '../helpers/catalogue-words';
import { listen } from '../helpers/http-server';
import { socialAuthor, socialPost } from '../helpers/posts';
import { createTestContext, PASSWORD, type TestContext } from '../helpers/test-app';

/**
 * Issue 19's must-show, in Chromium: one workspace, a German agent in Berlin and an English one, at the
 * same moment (the server's clock is injected), see the same pages each in their own language, with no
 * text of the other language from the catalogue; the German agent snoozes until „morgen 09:00“ and the
 * conversation wakes at 09:00 Berlin time; the dashboard's days begin at Berlin midnight; a member who
 * signs up on the German board is mailed in German; the German pages fit 1280 and 375 px.
 */

let now = new Date('2026-12-07T21:30:00Z'); // 22:30 in Berlin
let t: TestContext;
let smtp: FakeSmtp;
let server: Awaited<ReturnType<typeof listen>>;
let browser: Browser;
let closeBrowser: () => Promise<void>;
const contexts: BrowserContext[] = [];
const errors: string[] = [];
let slug = '';
let conversationId = '';

const GERMAN = { email: 'greta@sonnenschein.test', name: 'Greta' };
const ENGLISH = { email: 'emma@sonnenschein.test', name: 'Emma' };

// German posts: the pages' own content must not bring English words in.
const POSTS = [
  { text: 'Sonnenschein Lieferung kam nie an, wo bleibt mein Paket?', at: '2026-12-06T23:30:00Z' },
  { text: 'Sonnenschein Kundendienst war heute wirklich großartig', at: '2026-12-06T22:30:00Z' },
  { text: 'Sonnenschein App stürzt beim Start ab, sehr ärgerlich', at: '2026-12-05T10:00:00Z' },
];

async function pageAs(locale: string, width = 1280): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width, height: 900 }, locale, timezoneId: 'UTC' });
  contexts.push(ctx);
  const p = await ctx.newPage();
  watchPage(p, { errors });
  return p;
}

/**
 * What a person reads on the page: every text node (folded details and select options too), the title, and
 * the words in labels, placeholders and buttons. Text marked as another language is left out: the language
 * switch names each language in itself ("English" on a German page).
 */
async function wordsOn(p: Page): Promise<string> {
  return p.evaluate(() => {
    const page = document.documentElement.lang;
    const foreign = (el: Element | null) => el?.closest(`[lang]:not([lang="${page}"])`) != null;
    const texts: string[] = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || parent.closest('script, style, template') || foreign(parent)) continue;
      texts.push(n.textContent ?? '');
    }
    for (const el of document.querySelectorAll('[placeholder], [aria-label], [title], [alt], input[type=submit]')) {
      if (foreign(el)) continue;
      for (const a of ['placeholder', 'aria-label', 'title', 'alt']) texts.push(el.getAttribute(a) ?? '');
      if (el instanceof HTMLInputElement && el.type === 'submit') texts.push(el.value);
    }
    return texts.join('\n');
  });
}

const STAFF_PAGES = () => [
  '/inbox',
  `/inbox/c/${conversationId}`,
  '/contacts',
  '/reports',
  '/settings/profile',
  '/settings/workspace',
  '/settings',
];

beforeAll(async () => {
  smtp = await startFakeSmtp();
  t = await createTestContext({
    clock: () => now,
    env: { SMTP_URL: smtp.url, MAIL_FROM: 'Sonnenschein <board@sonnenschein.test>' },
  });
  const ws = await t.seedWorkspace('Sonnenschein');
  slug = ws.workspace.slug;
  // The seeded owner's name says "Owner": a German name keeps English out of what the pages show of people.
  await t.db.update(users).set({ name: 'Sonja Sommer' }).where(eq(users.id, ws.owner.id));
  // The workspace speaks German in Berlin; each agent has chosen their own language.
  await t.db
    .update(workspaces)
    .set({ defaultLanguage: 'de', timeZone: 'Europe/Berlin' })
    .where(eq(workspaces.id, ws.workspace.id));
  for (const [who, language] of [
    [GERMAN, 'de'],
    [ENGLISH, 'en'],
  ] as const) {
    await t.seedUser(ws.workspace.id, 'owner', who.email);
    await t.db.update(users).set({ name: who.name }).where(eq(users.email, who.email));
    await t.db
      .update(staffAccounts)
      .set({ language, timeZone: language === 'de' ? 'Europe/Berlin' : 'Europe/London' })
      .where(eq(staffAccounts.email, who.email));
  }
  await createTopic(t.db, ws.actor, { name: 'Sonnenschein', kind: 'brand', query: 'sonnenschein' });
  const topics = await activeTopics(t.db, ws.workspace.id);
  await ingestPosts(
    t.deps,
    { workspaceId: ws.workspace.id, sourceId: null, platform: 'mastodon', topics },
    POSTS.map((p, i) =>
      socialPost({
        externalId: `de-${i}`,
        text: p.text,
        createdAt: new Date(p.at),
        lang: 'de',
        author: socialAuthor({ externalId: `kunde-${i}`, handle: `kunde${i}`, name: `Kundin ${i + 1}` }),
      }),
    ),
  );
  const [first] = await t.db.select({ id: conversations.id }).from(conversations).limit(1);
  conversationId = first!.id;
  server = await listen(t);
  ({ browser, close: closeBrowser } = await launchBrowser());
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await closeBrowser?.();
  await server?.close();
  await t?.close();
  await smtp?.close();
});

describe('the same workspace in German and in English, at the same moment', () => {
  it('shows the German agent every staff page in German and the English agent the same pages in English', async () => {
    // Each browser asks for the other language: the person's own choice wins.
    const greta = await pageAs('en-US');
    const emma = await pageAs('de-DE');
    await signIn(greta, server.url, GERMAN.email, PASSWORD);
    await signIn(emma, server.url, ENGLISH.email, PASSWORD);
    for (const path of STAFF_PAGES()) {
      await greta.goto(`${server.url}${path}`);
      await emma.goto(`${server.url}${path}`);
      expect(await greta.getAttribute('html', 'lang'), path).toBe('de');
      expect(await emma.getAttribute('html', 'lang'), path).toBe('en');
      expect(foundIn(await wordsOn(greta), ENGLISH_ONLY), `English on the German ${path}`).toEqual([]);
      expect(foundIn(await wordsOn(emma), GERMAN_ONLY), `German on the English ${path}`).toEqual([]);
    }
    expect(errors).toEqual([]);
  });

  it('shows the public board in German to a German browser and in English to an English one', async () => {
    const german = await pageAs('de-DE');
    const english = await pageAs('en-GB');
    for (const path of [`/c/${slug}`, `/c/${slug}/signup`, `/c/${slug}/login`, `/c/${slug}/roadmap`]) {
      await german.goto(`${server.url}${path}`);
      await english.goto(`${server.url}${path}`);
      expect(await german.getAttribute('html', 'lang'), path).toBe('de');
      expect(await english.getAttribute('html', 'lang'), path).toBe('en');
      expect(foundIn(await wordsOn(german), ENGLISH_ONLY), `English on the German ${path}`).toEqual([]);
      expect(foundIn(await wordsOn(english), GERMAN_ONLY), `German on the English ${path}`).toEqual([]);
    }
  });

  it('shows the same moment in each agent’s zone and format', async () => {
    const greta = await pageAs('en-US');
    const emma = await pageAs('en-US');
    await signIn(greta, server.url, GERMAN.email, PASSWORD);
    await signIn(emma, server.url, ENGLISH.email, PASSWORD);
    await greta.goto(`${server.url}/inbox/c/${conversationId}`);
    await emma.goto(`${server.url}/inbox/c/${conversationId}`);
    const at = await t.db
      .select({ at: conversations.lastInboundAt })
      .from(conversations)
      .where(eq(conversations.id, conversationId));
    // 2026-12-06T23:30Z: past midnight in Berlin, still the 6th in London.
    expect(at[0]!.at!.toISOString()).toBe('2026-12-06T23:30:00.000Z');
    expect(await wordsOn(greta)).toContain('07.12.2026, 00:30');
    expect(await wordsOn(emma)).toContain('Dec 6, 2026, 11:30 PM');
  });
});

describe('the German pages at 1280 and 375 px', () => {
  for (const width of [1280, 375])
    it(`have no text wider than the page at ${width} px (screenshots in test-results/)`, async () => {
      const greta = await pageAs('de-DE', width);
      await signIn(greta, server.url, GERMAN.email, PASSWORD);
      const shots: [string, string][] = [
        ['inbox', '/inbox'],
        ['conversation', `/inbox/c/${conversationId}`],
        ['reports', '/reports'],
      ];
      for (const [name, path] of shots) {
        await greta.goto(`${server.url}${path}`);
        const wide = await greta.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(wide, `${path} scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
        // Nor does anything stick out of its box (a long German word, a table wider than its card), unless
        // the box scrolls on purpose.
        const sticking = await greta.evaluate(() =>
          [...document.querySelectorAll('main *')]
            .filter((el) => {
              const style = getComputedStyle(el);
              if (style.overflowX === 'auto' || style.overflowX === 'scroll' || el.clientWidth === 0) return false;
              // One-line text cut short on purpose shows its "…" (the inbox's compact rows).
              if (style.textOverflow === 'ellipsis' && style.overflowX === 'hidden') return false;
              if (el.closest('details:not([open])')) return false;
              return el.scrollWidth > el.clientWidth + 1;
            })
            .map((el) => `${el.tagName.toLowerCase()}.${el.className} “${(el.textContent ?? '').trim().slice(0, 40)}”`),
        );
        expect(sticking, `${path} at ${width} px`).toEqual([]);
        await greta.screenshot({ path: `test-results/german-${name}-${width}.png`, fullPage: true });
      }
    });
});

describe('a member of the German board', () => {
  it('is sent the verification email in German', async () => {
    const member = await pageAs('de-DE', 375);
    await member.goto(`${server.url}/c/${slug}/signup`);
    await member.fill('input[name=email]', 'jonas@kunde.test');
    await member.fill('input[name=password]', PASSWORD);
    await member.fill('input[name=displayName]', 'Jonas');
    await member.click('[data-testid=signup-form] button[type=submit]');
    await expect.poll(() => smtp.lastTo('jonas@kunde.test') !== undefined).toBe(true);
    const { subject, text } = (await smtp.lastMail('jonas@kunde.test'))!;
    expect(subject).toMatch(/bestätigen/i);
    // Its link is an address, not words (…/verify?token=…).
    const words = `${subject}\n${text}`.replace(/https?:\/\/\S+/g, '');
    expect(foundIn(words, ENGLISH_ONLY)).toEqual([]);
  });
});

describe('snoozing in Berlin', () => {
  it('snoozes until „morgen 09:00“ and the conversation wakes at 09:00 Berlin time, not before', async () => {
    const greta = await pageAs('de-DE');
    await signIn(greta, server.url, GERMAN.email, PASSWORD);
    await greta.goto(`${server.url}/inbox/c/${conversationId}`);
    // Once the live stream is up: connecting refreshes the triage form, which would undo choices made before.
    await greta.waitForSelector('html[data-live=ready]');
    // The snooze menu: its presets name the time on Greta's clock.
    await greta.click('[data-testid=snooze-menu] summary');
    // The page has loaded already: wait for the form's own answer, not for a load event.
    await Promise.all([
      greta.waitForResponse((r) => r.url().endsWith('/update') && r.request().method() === 'POST'),
      greta.click('[data-testid=snooze-menu] button:has-text("Morgen, 09:00 Uhr")'),
    ]);
    const [row] = await t.db.select().from(conversations).where(eq(conversations.id, conversationId));
    expect(row!.status).toBe('snoozed');
    expect(row!.snoozedUntil!.toISOString()).toBe('2026-12-08T08:00:00.000Z');
    now = new Date('2026-12-08T07:59:00Z');
    expect(await sweepInbox(t.db, now)).toMatchObject({ woken: 0 });
    now = new Date('2026-12-08T08:00:00Z');
    expect(await sweepInbox(t.db, now)).toMatchObject({ woken: 1 });
    await greta.reload();
    const [woken] = await t.db.select().from(conversations).where(eq(conversations.id, conversationId));
    expect(woken!.status).toBe('open');
  });
});

describe('the dashboard’s days in Berlin', () => {
  it('counts a post from 23:30 UTC on the next Berlin day', async () => {
    now = new Date('2026-12-07T21:30:00Z');
    const greta = await pageAs('de-DE');
    await signIn(greta, server.url, GERMAN.email, PASSWORD);
    await greta.goto(`${server.url}/reports?preset=7`);
    const rows = await greta.$$eval('[data-testid=chart-volume] table tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td,th')].map((c) => c.textContent?.trim() ?? '')),
    );
    const totalOn = (day: string) => {
      const r = rows.find((cells) => cells[0]!.includes(day));
      return r ? Number(r[6]) : 0;
    };
    // 2026-12-06T23:30Z is 00:30 on 7 December in Berlin; 22:30Z is still 6 December there.
    expect(totalOn('07.12.')).toBe(1);
    expect(totalOn('06.12.')).toBe(1);
    expect(totalOn('05.12.')).toBe(1);
  });
});
