/** What a feature asks of the OS notification area; Electron's Notification backs it in the app. */
export interface NotificationRequest {
  readonly title: string;
  readonly body: string;
  /** Route the window opens when the notification is clicked (e.g. `/products?status=error`). */
  readonly route?: string;
}

export interface Notifier {
  notify(request: NotificationRequest): void;
}

/** The slice of Electron's Notification class we use. */
export interface NotificationLike {
  on(event: 'click', listener: () => void): unknown;
  show(): void;
}
export interface NotificationFactory {
  isSupported(): boolean;
  create(options: { title: string; body: string; icon?: string }): NotificationLike;
}

/**
 * Native notifications with a click that opens the window on the right screen.
 * Electron pieces are injected so tests pass a fake factory.
 */
export function createNotifier(factory: NotificationFactory, openRoute: (route: string) => void, icon?: string): Notifier & { readonly sent: number } {
  let sent = 0;
  return {
    get sent() {
      return sent;
    },
    notify(request) {
      if (!factory.isSupported()) return;
      const n = factory.create({ title: request.title, body: request.body, ...(icon ? { icon } : {}) });
      n.on('click', () => openRoute(request.route ?? '/'));
      n.show();
      sent++;
    },
  };
}
