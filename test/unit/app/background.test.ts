import { describe, expect, it, vi } from 'vitest';
import { closeToTray } from '../../../main/app/background';
import { Translator } from '../../../main/i18n';

function setup(quitting = false) {
  let shown = false;
  const hide = vi.fn();
  const notify = vi.fn();
  const onClose = closeToTray({
    hide,
    isQuitting: () => quitting,
    notifier: { notify },
    translator: new Translator('pt-BR'),
    noticeShown: () => shown,
    markNoticeShown: () => void (shown = true),
  });
  const close = () => {
    const e = {
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    };
    onClose(e);
    return e.prevented;
  };
  return { close, hide, notify };
}

describe('close to tray', () => {
  it('closing the window hides it and keeps Vitrine running', () => {
    const { close, hide } = setup();
    expect(close()).toBe(true);
    expect(hide).toHaveBeenCalledOnce();
  });

  it('says so once, in the seller language', () => {
    const { close, notify } = setup();
    close();
    close();
    expect(notify).toHaveBeenCalledOnce();
    expect(notify.mock.calls[0]![0].title).toBe('O Vitrine continua rodando');
  });

  it('lets the window close when the user chose Quit', () => {
    const { close, hide, notify } = setup(true);
    expect(close()).toBe(false);
    expect(hide).not.toHaveBeenCalled();
    expect(notify).not.toHaveBeenCalled();
  });
});
