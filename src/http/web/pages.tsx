import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { requireStaffPage, shellProps } from '../pages';
import { AppShell, type NAV } from './layout';

/**
 * The sections of the staff app. Each feature module replaces its section's page as it lands;
 * until then the section says plainly what will appear there.
 */
const SECTIONS: { href: (typeof NAV)[number]['href']; title: string; empty: string }[] = [];

export const webPages = new Hono<AppEnv>().get('/', (c) => c.redirect(c.var.user ? '/inbox' : '/login', 303));

for (const section of SECTIONS) {
  webPages.get(section.href, requireStaffPage, (c) =>
    c.html(
      <AppShell {...shellProps(c)} title={section.title} active={section.href}>
        <h1>{section.title}</h1>
        <div class="card empty">{section.empty}</div>
      </AppShell>,
    ),
  );
}
