/** The "?" dialog listing the shortcuts. */
export function openHelp(): void {
  const d = document.getElementById('keyboard-help') as HTMLDialogElement | null;
  if (d && !d.open) d.showModal();
}

export function helpButton(): void {
  document.addEventListener('click', (e) => {
    if ((e.target as Element | null)?.closest?.('[data-action="help"]')) openHelp();
  });
}
