import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { filesHandlers } from '../../../../main/ipc/handlers/files';
import { dispatch } from '../../../../main/ipc/register';
import { MemorySecretStore } from '../../../../main/secrets/memory-store';
import { createServices, type Services } from '../../../../main/services';
import { z } from 'zod';
import { channels, type ChosenFile } from '../../../../preload/contract';
import { RecordingRevealer, ScriptedFileDialogs } from '../../../doubles/file-dialogs';

/** Every key of a channel's input, nested objects and arrays of objects included. */
function inputKeys(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodObject) return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([k, v]) => [k, ...inputKeys(v)]);
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) return inputKeys(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodArray) return inputKeys(schema.element as z.ZodType);
  return [];
}

describe('the IPC contract', () => {
  it('no channel takes a file path from the renderer: files travel as dialog tokens', () => {
    const pathLike = /^(file|path|folder|dir|directory)$|(File|Path|Folder|Dir)$/;
    const offenders = Object.entries(channels).flatMap(([name, c]) =>
      inputKeys(c.input as z.ZodType)
        .filter((k) => pathLike.test(k))
        .map((k) => `${name}.${k}`),
    );
    expect(offenders).toEqual([]);
    // The walk does reach nested and optional keys.
    expect(inputKeys(channels['catalog:import-commit'].input)).toEqual(['fileToken', 'mapping', 'column', 'field', 'rejectedFileToken']);
  });
});

describe('files IPC', () => {
  let services: Services;
  let dialogs: ScriptedFileDialogs;
  let revealer: RecordingRevealer;
  let call: (channel: string, input?: unknown) => ReturnType<typeof dispatch>;
  const home = resolve('/home/ana/Documentos');

  beforeEach(() => {
    dialogs = new ScriptedFileDialogs();
    revealer = new RecordingRevealer();
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-files-'));
    services = createServices({
      dbFile: join(dir, 'v.db'),
      secrets: new MemorySecretStore(),
      version: 'test',
      systemLocale: 'pt-BR',
      fileDialogs: () => dialogs,
      folderRevealer: revealer,
    });
    const handlers = filesHandlers(services);
    call = (channel, input) => dispatch(handlers, services.translator, channel, input, true);
  });
  afterEach(() => services.close());

  it('the Open dialog gives the renderer a token and a name, never the path', async () => {
    dialogs.willOpen(join(home, 'produtos.xlsx'));
    const answer = await call('files:choose-import');
    expect(answer).toMatchObject({ ok: true, value: { name: 'produtos.xlsx', fileToken: expect.any(String) } });
    expect(JSON.stringify(answer)).not.toContain(home);
    const { fileToken } = (answer as { value: ChosenFile }).value;
    expect(services.fileGrants.resolve(fileToken, 'read')).toBe(join(home, 'produtos.xlsx'));
  });

  it('a cancelled dialog answers null and grants nothing', async () => {
    expect(await call('files:choose-import')).toEqual({ ok: true, value: null });
    expect(await call('files:choose-export', { format: 'csv', suggestedName: 'pedidos' })).toEqual({ ok: true, value: null });
  });

  it('refuses a picked file that is not a spreadsheet', async () => {
    dialogs.willOpen(join(home, 'vitrine.db'));
    expect(await call('files:choose-import')).toMatchObject({
      ok: false,
      error: { code: 'FILE_NOT_SPREADSHEET', message: '"vitrine.db" não é uma planilha. Escolha um arquivo .xlsx ou .csv.' },
    });
  });

  it('the Save dialog starts at a plain suggested name and answers a write token with the extension', async () => {
    dialogs.willSave(join(home, 'catalogo'));
    const answer = await call('files:choose-export', { format: 'xlsx', suggestedName: '../../.ssh/authorized_keys' });
    expect(dialogs.requests).toEqual([{ kind: 'save', defaultName: 'authorized_keys.xlsx', format: 'xlsx' }]);
    expect(answer).toMatchObject({ ok: true, value: { name: 'catalogo.xlsx' } });
    const { fileToken } = (answer as { value: ChosenFile }).value;
    expect(services.fileGrants.resolve(fileToken, 'write')).toBe(join(home, 'catalogo.xlsx'));
    expect(() => services.fileGrants.resolve(fileToken, 'read')).toThrow();
  });

  it('shows a chosen file in its folder, and nothing for an unknown token', async () => {
    dialogs.willSave(join(home, 'pedidos.csv'));
    const { fileToken } = ((await call('files:choose-export', { format: 'csv', suggestedName: 'pedidos' })) as { value: ChosenFile }).value;
    expect(await call('files:show-in-folder', { fileToken })).toEqual({ ok: true, value: undefined });
    expect(revealer.shown).toEqual([join(home, 'pedidos.csv')]);
    expect(await call('files:show-in-folder', { fileToken: 'Z'.repeat(24) })).toMatchObject({ ok: false, error: { code: 'FILE_NOT_CHOSEN' } });
    expect(await call('files:show-in-folder', { fileToken: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(revealer.shown).toHaveLength(1);
  });

  it('without Electron (the CLI) every dialog is cancelled', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-files-'));
    const cli = createServices({ dbFile: join(dir, 'v.db'), secrets: new MemorySecretStore(), version: 'test', systemLocale: 'en' });
    const handlers = filesHandlers(cli);
    expect(await dispatch(handlers, cli.translator, 'files:choose-import', undefined, true)).toEqual({ ok: true, value: null });
    await cli.close();
  });
});
