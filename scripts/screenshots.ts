/**
 * `npm run screenshots`: the demo as a person first sees it, at a desktop width and a phone's, saved to
 * docs/screenshots/ (inbox, conversation, contact, reports, digest, board at 1280 and 375 px).
 *
 * It starts the app from source with `--demo` on a new data directory (SCREENSHOTS_DATA_DIR reuses one, so a
 * second run skips the seed), signs in as the agent through the login form in Chromium (CHROMIUM_PATH, else
 * /usr/bin/chromium) and stops the server it started when done.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser, signIn } from '../tests/helpers/browser';

const OUT = join(process.cwd(), 'docs/screenshots');
const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
const AS = 'agent@example.com';
const WIDTHS = [
  { width: 1280, height: 900 },
  { width: 375, height: 812 },
];

const step = (msg: string) => process.stderr.write(`· ${msg}\n`);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Starts `src/server/node.ts --demo` and waits for its printed password and for /health. */
async function startDemo(dataDir: string, port: number): Promise<{ child: ChildProcess; password: string }> {
  const child = spawn(TSX, ['src/server/node.ts', '--demo'], {
    detached: true,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      APP_SECRET: '',
      ADMIN_EMAIL: '',
      ADMIN_PASSWORD: '',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const password = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}: ${out}`)));
    child.stdout!.on('data', (d) => {
      out += d;
      process.stderr.write(d);
      const m = /with password (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
  });
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return { child, password };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function api<T>(base: string, token: string, path: string): Promise<T> {
  const res = await fetch(`${base}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`${path} answered ${res.status}`);
  return (await res.json()) as T;
}

interface ConversationItem {
  id: string;
  firstResponseAt: string | null;
  author: { contactId: string | null };
}

/** The pages to show: a conversation the agent answered, and its author's contact page. */
async function pages(base: string, password: string): Promise<Record<string, string>> {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: AS, password }),
  });
  const { token } = (await login.json()) as { token: string };
  const closed = await api<{ items: ConversationItem[] }>(base, token, '/conversations?status=closed&limit=100');
  const answered = closed.items.find((c) => c.firstResponseAt && c.author.contactId) ?? closed.items[0];
  if (!answered) throw new Error('the demo has no conversations');
  await fetch(`${base}/api/v1/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  return {
    inbox: '/inbox',
    conversation: `/inbox/c/${answered.id}`,
    contact: `/contacts/${answered.author.contactId}`,
    reports: '/reports',
    digest: '/reports/digest',
    board: '/c/demo',
  };
}

async function shoot(browser: Browser, base: string, password: string, paths: Record<string, string>) {
  mkdirSync(OUT, { recursive: true });
  for (const viewport of WIDTHS) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await signIn(page, base, AS, password);
    for (const [name, path] of Object.entries(paths)) {
      // The inbox keeps a live stream open, so "loaded" is the mark, not an idle network.
      await page.goto(`${base}${path}`, { waitUntil: 'load' });
      await page.waitForTimeout(400);
      const file = join(OUT, `${name}-${viewport.width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      step(`saved ${file}`);
    }
    await context.close();
  }
}

async function main() {
  const kept = process.env.SCREENSHOTS_DATA_DIR;
  const dataDir = kept ?? mkdtempSync(join(tmpdir(), 'social-crm-screenshots-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  step(`starting the demo on ${base} (data: ${dataDir})`);
  const { child, password } = await startDemo(dataDir, port);
  const { browser, close } = await launchBrowser();
  try {
    await shoot(browser, base, password, await pages(base, password));
  } finally {
    await close();
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      process.kill(-child.pid!, 'SIGTERM');
    });
    if (!kept) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
