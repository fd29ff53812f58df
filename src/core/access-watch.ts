/**
 * Who may still see what, as it changes in this process: logout, a revoked API key, a disabled user
 * or a changed role. Long-lived responses (the live stream) watch it and check their credential
 * again at once; across instances the stream's own periodic check covers the rest.
 */
export interface AccessChange {
  workspaceId: string;
}

export class AccessWatch {
  private readonly listeners = new Set<(change: AccessChange) => void>();

  /** Calls back on every change; returns the way to stop. */
  watch(listener: (change: AccessChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(change: AccessChange): void {
    for (const l of [...this.listeners]) l(change);
  }
}
