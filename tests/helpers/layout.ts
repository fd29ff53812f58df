import type { Page } from 'playwright-core';

/**
 * Layout checks by bounding boxes, for pages at phone and desktop widths: what scrolls the page sideways, what
 * sticks out of its own box, and what lies on top of something beside it. Boxes that scroll on purpose
 * (overflow-x auto or scroll) and what is folded away in a closed <details> are left out.
 */

/** How many px the page is wider than the window (0 or less: no sideways scrolling). */
export const sidewaysScroll = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Elements under `root` whose content is wider than they are, unless they scroll on purpose. */
export const stickingOut = (page: Page, root = 'main'): Promise<string[]> =>
  page.evaluate((root) => {
    if (!document.querySelector(root)) return [`no ${root}`];
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}.${String(el.className)} “${(el.textContent ?? '').trim().slice(0, 40)}”`;
    return [...document.querySelectorAll(`${root} *`)]
      .filter((el) => {
        const style = getComputedStyle(el);
        if (style.overflowX === 'auto' || style.overflowX === 'scroll' || el.clientWidth === 0) return false;
        if (el.closest('details:not([open])')) return false;
        return el.scrollWidth > el.clientWidth + 1;
      })
      .map(name);
  }, root);

/**
 * Pairs of boxes under `root` that overlap: siblings laid out as blocks (block, flex and grid items, table
 * cells, images, inline blocks) must not lie on one another, and none may reach past the window's right edge
 * unless a box between it and `root` scrolls. Inline text is left out (a link that wraps has a box as wide as
 * both its lines).
 */
export const overlapping = (page: Page, root = 'main'): Promise<string[]> =>
  page.evaluate((root) => {
    const top = document.querySelector(root);
    if (!top) return [`no ${root}`];
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${String(el.className).split(' ').join('.')}` +
      ` “${(el.textContent ?? '').trim().slice(0, 30)}”`;
    const shown = (el: Element) => {
      // Inside a closed <details> only its <summary> shows.
      const closed = el.parentElement?.closest('details:not([open])');
      if (closed && !closed.querySelector(':scope > summary')?.contains(el)) return false;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden' || style.position === 'absolute') return false;
      if (style.display === 'inline' || style.display === 'contents') return false;
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    };
    const scrolls = (el: Element) => {
      for (let p = el.parentElement; p && p !== top; p = p.parentElement) {
        const x = getComputedStyle(p).overflowX;
        if (x === 'auto' || x === 'scroll') return true;
      }
      return false;
    };
    const found: string[] = [];
    const all = [top, ...top.querySelectorAll('*')];
    for (const parent of all) {
      const kids = [...parent.children].filter(shown);
      for (let i = 0; i < kids.length; i++) {
        const a = kids[i]!.getBoundingClientRect();
        if (a.right > window.innerWidth + 0.5 && !scrolls(kids[i]!)) found.push(`${name(kids[i]!)} past the edge`);
        for (let j = i + 1; j < kids.length; j++) {
          const b = kids[j]!.getBoundingClientRect();
          const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (x > 0.5 && y > 0.5) found.push(`${name(kids[i]!)} over ${name(kids[j]!)}`);
        }
      }
    }
    return found;
  }, root);
