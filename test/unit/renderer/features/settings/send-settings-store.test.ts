import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../../renderer/app/api';
import {
  draftChanged,
  draftEdited,
  draftOf,
  initialSettingsState,
  loadSettings,
  parseDecimal,
  saveFailed,
  saveSettings,
  settingsFrom,
  useSettingsStore,
  validateDraft,
  type SyncSettings,
} from '../../../../../renderer/features/settings/send-settings-store';
import { installFakeBridge } from '../../fake-bridge';

const scope = { accountId: 'demo', marketplaceId: 'A2Q3Y263D00KWC' };

/** What main answers for a marketplace never configured, plus the E2E seed's product type defaults. */
const stored: SyncSettings = {
  safetyStock: 0,
  sendPrice: true,
  sendVariations: true,
  sendKits: true,
  handlingTimeDays: 2,
  priceRule: {},
  deselected: 'zero',
  defaultProductType: 'HOME',
  defaultAttributes: { material: 'Ceramic' },
  characteristicAttributes: { color: 'Cor' },
};

afterEach(() => useSettingsStore.setState(initialSettingsState, true));

describe('send settings form', () => {
  it('saves an untouched form as exactly what was stored (no resend of every SKU)', () => {
    const draft = draftOf(stored);

    expect(draftChanged(stored, draft)).toBe(false);
    expect(validateDraft(draft)).toEqual({});
    expect(settingsFrom(stored, draft)).toEqual(stored);
  });

  it('keeps the fields the form does not show and writes the edited ones', () => {
    const draft = {
      ...draftOf(stored),
      safetyStock: '3',
      multiplier: '1,15',
      fixedAmount: '-2.5',
      rounding: 'cents_90' as const,
      currency: 'brl',
      handlingTimeDays: '5',
      shippingTemplate: ' Padrão ',
      deselected: 'delete' as const,
      sendKits: false,
    };

    const settings = settingsFrom(stored, draft);

    expect(draftChanged(stored, draft)).toBe(true);
    expect(settings).toEqual({
      ...stored,
      safetyStock: 3,
      priceRule: { multiplier: 1.15, fixedAmount: -2.5, rounding: 'cents_90' },
      currency: 'BRL',
      handlingTimeDays: 5,
      shippingTemplate: 'Padrão',
      deselected: 'delete',
      sendKits: false,
    });
  });

  it('clears optional fields left empty', () => {
    const configured: SyncSettings = { ...stored, currency: 'USD', shippingTemplate: 'Fast', priceRule: { multiplier: 2, rounding: 'none' } };
    const draft = { ...draftOf(configured), currency: '', shippingTemplate: '  ', multiplier: '' };

    const settings = settingsFrom(configured, draft);

    expect(settings.currency).toBeUndefined();
    expect('shippingTemplate' in settings).toBe(false);
    expect(settings.priceRule).toEqual({ rounding: 'none' });
  });

  it('sets, changes and removes the fallback product type', () => {
    const none: SyncSettings = { ...stored, defaultProductType: undefined } as SyncSettings;
    delete (none as { defaultProductType?: string }).defaultProductType;

    expect(draftOf(none).defaultProductType).toBe('');
    expect(settingsFrom(none, { ...draftOf(none), defaultProductType: 'BRACELET' }).defaultProductType).toBe('BRACELET');
    expect(settingsFrom(stored, { ...draftOf(stored), defaultProductType: 'VASE' })).toEqual({ ...stored, defaultProductType: 'VASE' });
    expect('defaultProductType' in settingsFrom(stored, { ...draftOf(stored), defaultProductType: '' })).toBe(false);
  });

  it('finds what the contract would refuse, with a problem per field', () => {
    const draft = { ...draftOf(stored), safetyStock: '-1', handlingTimeDays: '31', multiplier: '0', fixedAmount: 'abc', currency: 'R$' };

    expect(validateDraft(draft)).toEqual({
      safetyStock: 'wholeNumber',
      handlingTimeDays: 'handlingRange',
      multiplier: 'positive',
      fixedAmount: 'number',
      currency: 'currency',
    });
    expect(validateDraft({ ...draft, safetyStock: '2.5', handlingTimeDays: '', multiplier: '', fixedAmount: '', currency: '' })).toEqual({
      safetyStock: 'wholeNumber',
      handlingTimeDays: 'handlingRange',
    });
  });

  it('reads decimals typed with a comma or a point', () => {
    expect(parseDecimal('1,5')).toBe(1.5);
    expect(parseDecimal(' 2.25 ')).toBe(2.25);
    expect(parseDecimal('-3')).toBe(-3);
    expect(parseDecimal('1.000,5')).toBeNaN();
    expect(parseDecimal('')).toBeNaN();
  });

  it('hides the last save message once the seller edits again', () => {
    const failedSave = saveFailed({ ...initialSettingsState, saving: true }, new ApiError({ code: 'VALIDATION', message: 'x' }));

    expect(failedSave).toMatchObject({ saving: false, saveResult: { ok: false } });
    expect(draftEdited(failedSave).saveResult).toBeNull();
    expect(draftEdited(initialSettingsState)).toBe(initialSettingsState);
  });
});

describe('send settings actions', () => {
  it('loads the scope settings and saves the merged settings back', async () => {
    const bridge = installFakeBridge({
      syncGetSettings: { ok: true, value: stored },
      syncSetSettings: (input) => ({ ok: true, value: (input as { settings: SyncSettings }).settings }),
    });
    await loadSettings(scope);

    const ok = await saveSettings({ ...draftOf(stored), safetyStock: '4' });

    expect(ok).toBe(true);
    expect(bridge.calls).toEqual([
      { name: 'syncGetSettings', input: scope },
      { name: 'syncSetSettings', input: { ...scope, settings: { ...stored, safetyStock: 4 } } },
    ]);
    expect(useSettingsStore.getState()).toMatchObject({ saving: false, saveResult: { ok: true }, saved: { status: 'ready', value: { safetyStock: 4 } } });
    bridge.remove();
  });

  it('keeps main refusal for the form and the stored settings unchanged', async () => {
    const bridge = installFakeBridge({
      syncGetSettings: { ok: true, value: stored },
      syncSetSettings: { ok: false, error: { code: 'VALIDATION_FAILED', message: 'Dados inválidos' } },
    });
    await loadSettings(scope);

    const ok = await saveSettings({ ...draftOf(stored), safetyStock: '4' });

    expect(ok).toBe(false);
    expect(useSettingsStore.getState()).toMatchObject({
      saveResult: { ok: false, error: { code: 'VALIDATION_FAILED' } },
      saved: { value: { safetyStock: 0 } },
    });
    bridge.remove();
  });

  it('drops settings that arrive after the marketplace changed', async () => {
    let answer: (value: unknown) => void = () => undefined;
    const bridge = installFakeBridge({});
    (globalThis as unknown as { vitrine: Record<string, unknown> }).vitrine.syncGetSettings = (input: { marketplaceId: string }) =>
      input.marketplaceId === 'OLD' ? new Promise((resolve) => (answer = resolve)) : Promise.resolve({ ok: true, value: { ...stored, safetyStock: 9 } });

    const old = loadSettings({ accountId: 'demo', marketplaceId: 'OLD' });
    await loadSettings(scope);
    answer({ ok: true, value: stored });
    await old;

    expect(useSettingsStore.getState()).toMatchObject({ scope, saved: { value: { safetyStock: 9 } } });
    bridge.remove();
  });
});
