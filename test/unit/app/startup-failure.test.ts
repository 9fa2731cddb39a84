import { describe, expect, it } from 'vitest';
import { reportStartupFailure } from '../../../main/app/startup-failure';
import { DatabaseOpenError } from '../../../main/db/connection';
import { Translator } from '../../../main/i18n';

function run(err: unknown, locale: 'pt-BR' | 'en' = 'pt-BR') {
  const shown: { title: string; content: string }[] = [];
  const exits: number[] = [];
  const logged: unknown[] = [];
  reportStartupFailure(err, {
    showErrorBox: (title, content) => void shown.push({ title, content }),
    translator: new Translator(locale),
    logFile: '/home/ana/.config/Vitrine/logs/vitrine.log',
    log: (_m, e) => void logged.push(e),
    exit: (code) => void exits.push(code),
  });
  return { shown, exits, logged };
}

describe('a failure while Vitrine starts', () => {
  it('shows the database problem in the seller’s language with the file and the log, then exits', () => {
    const err = new DatabaseOpenError('DB_IS_DIRECTORY', '/home/ana/.config/Vitrine/vitrine.db');
    const { shown, exits, logged } = run(err);
    expect(shown).toHaveLength(1);
    expect(shown[0]?.title).toBe('O Vitrine não pôde iniciar');
    expect(shown[0]?.content).toContain('/home/ana/.config/Vitrine/vitrine.db é uma pasta');
    expect(shown[0]?.content).toContain('/home/ana/.config/Vitrine/logs/vitrine.log');
    expect(exits).toEqual([1]);
    expect(logged).toEqual([err]);
  });

  it('says something went wrong (not the stack) for an unexpected error, and still exits when the dialog fails', () => {
    const exits: number[] = [];
    expect(() =>
      reportStartupFailure(new TypeError('x is undefined'), {
        showErrorBox: () => {
          throw new Error('no display');
        },
        translator: new Translator('en'),
        logFile: 'vitrine.log',
        log: () => undefined,
        exit: (code) => void exits.push(code),
      }),
    ).toThrow('no display');
    expect(exits).toEqual([1]);
    const { shown } = run(new TypeError('x is undefined'), 'en');
    expect(shown[0]?.content).toMatch(/^Something went wrong inside Vitrine/);
    expect(shown[0]?.content).not.toContain('x is undefined');
  });
});
