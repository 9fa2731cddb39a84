import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  exportFileChanged,
  exportProgress,
  exportStarted,
  initialExportState,
  runExport,
  saveTemplate,
  selectExportDone,
  selectExportError,
  selectTemplateError,
  selectTemplateSaved,
  templateFileChanged,
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

describe('export actions', () => {
  let bridge: ReturnType<typeof installFakeBridge>;
  beforeEach(() => useExportStore.setState(initialExportState, true));
  afterEach(() => bridge.remove());

  it('exports to the trimmed path and reports the rows', async () => {
    bridge = installFakeBridge({ catalogExport: { ok: true, value: { rows: 3 } } });
    useExportStore.setState((s) => exportFileChanged(s, ' /x/c.xlsx '));
    await runExport();
    expect(bridge.calls).toEqual([{ name: 'catalogExport', input: { file: '/x/c.xlsx' } }]);
    expect(selectExportDone(useExportStore.getState())).toEqual({ rows: 3, file: '/x/c.xlsx' });
  });

  it('keeps a failed export and a failed template as typed errors', async () => {
    bridge = installFakeBridge({
      catalogExport: { ok: false, error: { code: 'CATALOG_EXPORT_FAILED', message: 'sem permissão' } },
      catalogTemplate: { ok: false, error: { code: 'CATALOG_EXPORT_FAILED', message: 'sem permissão' } },
    });
    useExportStore.setState((s) => templateFileChanged(exportFileChanged(s, '/x.xlsx'), '/t.xlsx'));
    await runExport();
    await saveTemplate();
    expect(selectExportError(useExportStore.getState())?.code).toBe('CATALOG_EXPORT_FAILED');
    expect(selectTemplateError(useExportStore.getState())?.message).toBe('sem permissão');
  });

  it('saves the template', async () => {
    bridge = installFakeBridge({ catalogTemplate: { ok: true, value: { file: '/t.xlsx' } } });
    useExportStore.setState((s) => templateFileChanged(s, '/t.xlsx'));
    await saveTemplate();
    expect(selectTemplateSaved(useExportStore.getState())).toBe('/t.xlsx');
  });
});
