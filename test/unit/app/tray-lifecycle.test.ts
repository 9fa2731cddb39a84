import { describe, expect, it, vi } from 'vitest';
import { createTrayService, type TrayLike, type TrayMenuItem } from '../../../main/app/tray';
import { setupLifecycle, type AppLike } from '../../../main/app/lifecycle';
import { createNotifier } from '../../../main/app/notifications';
import { Translator } from '../../../main/i18n';

function fakeTray() {
  const state = { tooltip: '', image: undefined as unknown, menu: [] as TrayMenuItem[], clicks: [] as (() => void)[], destroyed: false };
  const tray: TrayLike = {
    setToolTip: (t) => void (state.tooltip = t),
    setImage: (i) => void (state.image = i),
    setContextMenu: (m) => void (state.menu = m as TrayMenuItem[]),
    on: (_e, l) => state.clicks.push(l),
    destroy: () => void (state.destroyed = true),
  };
  return { tray, state };
}

describe('tray service', () => {
  it('offers Open, a disabled Send now and Quit, localized', () => {
    const { tray, state } = fakeTray();
    const onQuit = vi.fn();
    createTrayService({
      createTray: () => tray,
      buildMenu: (i) => i,
      icons: { normal: 'n', warning: 'w' },
      translator: new Translator('pt-BR'),
      onOpen: vi.fn(),
      onSendNow: vi.fn(),
      onQuit,
    });
    expect(state.menu.map((i) => i.label ?? i.type)).toEqual(['Abrir o Vitrine', 'Sincronizar agora', 'separator', 'Sair']);
    expect(state.menu.find((i) => i.id === 'send-now')!.enabled).toBe(false);
    state.menu.find((i) => i.id === 'quit')!.click!();
    expect(onQuit).toHaveBeenCalledOnce();
    expect(state.tooltip).toBe('Vitrine');
  });

  it('shows last/next runs in the tooltip and a warning icon on failures', () => {
    const { tray, state } = fakeTray();
    const service = createTrayService({
      createTray: () => tray,
      buildMenu: (i) => i,
      icons: { normal: 'n', warning: 'w' },
      translator: new Translator('en'),
      onOpen: vi.fn(),
      onSendNow: vi.fn(),
      onQuit: vi.fn(),
      formatTime: (ms) => `T${ms}`,
    });
    service.setSendAvailable(true);
    service.setRuns({ last: 1, next: 2 });
    service.setWarning(true);
    expect(state.tooltip).toBe('Vitrine — last sync: T1 · next: T2');
    expect(state.image).toBe('w');
    expect(state.menu.find((i) => i.id === 'send-now')!.enabled).toBe(true);
    service.setWarning(false);
    expect(state.image).toBe('n');
  });
});

function fakeApp(lock = true) {
  const handlers = new Map<string, (e: { preventDefault(): void }) => void>();
  const app = {
    quits: 0,
    requestSingleInstanceLock: () => lock,
    quit() {
      this.quits++;
      const e = {
        prevented: false,
        preventDefault() {
          this.prevented = true;
        },
      };
      handlers.get('before-quit')?.(e);
      return e.prevented;
    },
    exit: vi.fn(),
    on: (event: string, l: (e: { preventDefault(): void }) => void) => void handlers.set(event, l),
    emit: (event: string) => handlers.get(event)?.({ preventDefault() {} }),
  };
  return app;
}

describe('lifecycle', () => {
  it('a second instance quits at once', () => {
    const app = fakeApp(false);
    expect(setupLifecycle(app as unknown as AppLike, { onSecondInstance: vi.fn(), shutdown: async () => undefined })).toBeUndefined();
    expect(app.quits).toBe(1);
  });

  it('focuses the window when a second instance starts', () => {
    const app = fakeApp();
    const onSecondInstance = vi.fn();
    setupLifecycle(app as unknown as AppLike, { onSecondInstance, shutdown: async () => undefined });
    app.emit('second-instance');
    expect(onSecondInstance).toHaveBeenCalledOnce();
  });

  it('holds quit until shutdown finished, then quits for real once', async () => {
    const app = fakeApp();
    let finish!: () => void;
    const shutdown = vi.fn(() => new Promise<void>((r) => (finish = r)));
    const lifecycle = setupLifecycle(app as unknown as AppLike, { onSecondInstance: vi.fn(), shutdown })!;
    expect(app.quit()).toBe(true); // prevented: shutdown in progress
    expect(lifecycle.quitting).toBe(true);
    expect(shutdown).toHaveBeenCalledOnce();
    finish();
    await new Promise((r) => setTimeout(r, 0));
    expect(app.quits).toBe(2); // the real quit after shutdown
    expect(shutdown).toHaveBeenCalledOnce();
  });

  it('closing every window keeps the app running (tray)', () => {
    const app = fakeApp();
    setupLifecycle(app as unknown as AppLike, { onSecondInstance: vi.fn(), shutdown: async () => undefined });
    app.emit('window-all-closed');
    expect(app.quits).toBe(0);
  });
});

describe('notifier', () => {
  it('shows a native notification whose click opens the given route', () => {
    const shown: { title: string; body: string; click?: () => void }[] = [];
    const routes: string[] = [];
    const notifier = createNotifier(
      {
        isSupported: () => true,
        create: (o) => {
          const n = { ...o, click: undefined as undefined | (() => void) };
          shown.push(n);
          return { on: (_e, l) => (n.click = l), show: () => undefined };
        },
      },
      (r) => routes.push(r),
    );
    notifier.notify({ title: 'Falha', body: '3 produtos', route: '/products?status=error' });
    expect(shown[0]).toMatchObject({ title: 'Falha', body: '3 produtos' });
    shown[0]!.click!();
    expect(routes).toEqual(['/products?status=error']);
    expect(notifier.sent).toBe(1);
  });

  it('does nothing where notifications are unsupported', () => {
    const create = vi.fn();
    createNotifier({ isSupported: () => false, create }, vi.fn()).notify({ title: 't', body: 'b' });
    expect(create).not.toHaveBeenCalled();
  });
});
