import { say } from './messages';

/** How long a toast stays: long enough to reach Undo, short enough not to pile up. */
const TOAST_MS = 10_000;
const MAX_TOASTS = 3;

/** The newest toast's Undo, for the `z` key. */
let lastUndo: (() => void) | null = null;

/**
 * A short message at the bottom of the page, read out by its live region (#toasts, rendered by the page so
 * screen readers know it before it speaks); with `undo`, an Undo button that runs it once and says how it went.
 */
export function toast(message: string, undo?: () => Promise<{ ok: boolean; status: number }>): void {
  const region = document.getElementById('toasts');
  if (!region) return;
  const box = document.createElement('div');
  box.className = 'toast';
  box.setAttribute('data-testid', 'toast');
  const text = document.createElement('span');
  text.textContent = message;
  box.append(text);
  let run: (() => void) | null = null;
  const gone = () => {
    box.remove();
    if (lastUndo === run) lastUndo = null;
  };
  let timer = setTimeout(gone, TOAST_MS);
  if (undo) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = say('undo');
    button.setAttribute('data-testid', 'toast-undo');
    run = () => {
      if (button.disabled) return;
      button.disabled = true;
      if (lastUndo === run) lastUndo = null;
      clearTimeout(timer);
      void undo().then(
        (r) => {
          text.textContent = r.ok ? say('undone') : say('undoFailed', { status: r.status });
          button.remove();
          timer = setTimeout(gone, 4_000);
        },
        () => {
          text.textContent = say('offlineShort');
          button.disabled = false;
        },
      );
    };
    button.addEventListener('click', run);
    box.append(button);
    lastUndo = run;
  }
  region.append(box);
  while (region.children.length > MAX_TOASTS) region.firstElementChild?.remove();
}

/** Runs the newest toast's Undo (the `z` key); false when there is none. */
export function undoLast(): boolean {
  if (!lastUndo) return false;
  lastUndo();
  return true;
}
