/** The slice of Electron's `app` the lifecycle needs (a fake in tests). */
export interface AppLike {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  exit(code?: number): void;
  on(event: 'second-instance', listener: () => void): unknown;
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
}

export interface Lifecycle {
  /** True once Quit was chosen: the window's close handler lets it close instead of hiding. */
  readonly quitting: boolean;
  quit(): void;
}

/**
 * One Vitrine per user: a second launch focuses the first. Quit is graceful: `before-quit` is held
 * until `shutdown` (stop schedulers, wait for in-flight sends to reach a safe point, close the DB)
 * resolves, then the app quits for real. Closing the window does not quit: Vitrine keeps running
 * in the tray so scheduled sends continue.
 */
export function setupLifecycle(
  app: AppLike,
  hooks: { readonly onSecondInstance: () => void; readonly shutdown: () => Promise<void>; readonly onShutdownError?: (err: unknown) => void },
): Lifecycle | undefined {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return undefined;
  }
  let quitting = false;
  let shutDown = false;
  app.on('second-instance', hooks.onSecondInstance);
  app.on('window-all-closed', () => {
    /* stay in the tray */
  });
  app.on('before-quit', (event) => {
    quitting = true;
    if (shutDown) return;
    event.preventDefault();
    hooks
      .shutdown()
      .catch((err: unknown) => hooks.onShutdownError?.(err))
      .finally(() => {
        shutDown = true;
        app.quit();
      });
  });
  return {
    get quitting() {
      return quitting;
    },
    quit: () => app.quit(),
  };
}
