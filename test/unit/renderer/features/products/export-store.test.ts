import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  exportProgress,
  exportStarted,
  initialExportState,
  chooseExportFile,
  runExport,
  saveTemplate,
  selectExportDone,
  selectExportError,
  selectTemplateError,
  selectTemplateSaved,
  useExportStore,
} from '../../../../../renderer/features/products/export-store';
import { installFakeBridge } from '../../fake-bridge';

describe('export state transitions', () => {
  it('takes export progress only while exporting', () => {
    const p = { taskId: 't', kind: 'catalog-export', phase: 'x', done: 1, total: 2, finished: false };
    expect(exportProgress(initialExportState, p)).toBe(initialExportState);
    expect(exportProgress(exportStarted(initialExportState), p).progress).toEqual(p);
    expect(exportProgress(exportStarted(initialExportState), { ...p, kind: 'catalog-import' }).progress).toBeNull();
  });
});

const target = { fileToken: 'tok-target-0123456789ab', name: 'catalogo.xlsx' };

describe('export actions', () => {
  let bridge: ReturnType<typeof installFakeBridge>;
  beforeEach(() => useExportStore.setState(initialExportState, true));
  afterEach(() => bridge.remove());

  it('exports to the file chosen with "Save as…" and keeps its token for "show in folder"', async () => {
    bridge = installFakeBridge({ filesChooseExport: { ok: true, value: target }, catalogExport: { ok: true, value: { rows: 3, name: 'catalogo.xlsx' } } });
    await chooseExportFile('catalogo');
    await runExport();
    expect(bridge.calls).toEqual([
      { name: 'filesChooseExport', input: { format: 'xlsx', suggestedName: 'catalogo' } },
      { name: 'catalogExport', input: { fileToken: target.fileToken } },
    ]);
    expect(selectExportDone(useExportStore.getState())).toEqual({ rows: 3, ...target });
  });

  it('a cancelled dialog exports nothing', async () => {
    bridge = installFakeBridge({ filesChooseExport: { ok: true, value: null } });
    await chooseExportFile('catalogo');
    await runExport();
    await saveTemplate('modelo');
    expect(bridge.calls.map((c) => c.name)).toEqual(['filesChooseExport', 'filesChooseExport']);
    expect(useExportStore.getState()).toEqual(initialExportState);
  });

  it('keeps a failed export and a failed template as typed errors', async () => {
    bridge = installFakeBridge({
      filesChooseExport: { ok: true, value: target },
      catalogExport: { ok: false, error: { code: 'CATALOG_EXPORT_FAILED', message: 'sem permissão' } },
      catalogTemplate: { ok: false, error: { code: 'CATALOG_EXPORT_FAILED', message: 'sem permissão' } },
    });
    await chooseExportFile('catalogo');
    await runExport();
    await saveTemplate('modelo');
    expect(selectExportError(useExportStore.getState())?.code).toBe('CATALOG_EXPORT_FAILED');
    expect(selectTemplateError(useExportStore.getState())?.message).toBe('sem permissão');
  });

  it('saves the template where the seller chose', async () => {
    bridge = installFakeBridge({ filesChooseExport: { ok: true, value: target }, catalogTemplate: { ok: true, value: { name: 'catalogo.xlsx' } } });
    await saveTemplate('modelo-produtos');
    expect(bridge.calls[0]?.input).toEqual({ format: 'xlsx', suggestedName: 'modelo-produtos' });
    expect(bridge.calls[1]).toEqual({ name: 'catalogTemplate', input: { fileToken: target.fileToken } });
    expect(selectTemplateSaved(useExportStore.getState())).toEqual(target);
  });
});
