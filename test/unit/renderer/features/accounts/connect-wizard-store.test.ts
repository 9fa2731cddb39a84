import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../../../../preload/contract';
import { ApiError } from '../../../../../renderer/app/api';
import {
  connectAccount,
  connectFailed,
  connectStarted,
  connectSucceeded,
  countryChosen,
  credentialsOf,
  environmentChosen,
  fieldChanged,
  labelChanged,
  marketplaceToggled,
  selectCanConnect,
  selectCanContinue,
  selectConnectError,
  selectTestError,
  stepShown,
  testConnection,
  testFailed,
  testStarted,
  testSucceeded,
  useWizardStore,
  validated,
  wizardStart,
  type ConnectionTest,
  type WizardState,
} from '../../../../../renderer/features/accounts/connect-wizard-store';
import { installFakeBridge } from '../../fake-bridge';

const good = {
  sellerId: 'A1B2C3D4E5F6G7',
  clientId: 'amzn1.application-oa2-client.abc123',
  clientSecret: 'amzn1.oa2-cs.v1.secret',
  refreshToken: 'Atzr|token',
};

function filled(state: WizardState = wizardStart('BR')): WizardState {
  return Object.entries(good).reduce((s, [field, value]) => fieldChanged(s, { field: field as keyof typeof good, value }), state);
}

const mp = (marketplaceId: string, countryCode: string, participating = true) => ({
  marketplaceId,
  countryCode,
  name: countryCode,
  currency: 'BRL',
  language: 'pt_BR',
  participating,
  enabled: false,
});
const tested: ConnectionTest = { storeName: 'Loja da Ana', marketplaces: [mp('BR1', 'BR'), mp('US1', 'US'), mp('MX1', 'MX', false)] };
const failure = new ApiError({ code: 'AMAZON_UNAUTHORIZED', message: 'A Amazon recusou o token' });

describe('credentials', () => {
  it('derive the region from the country', () => {
    expect(credentialsOf(filled()).region).toBe('NA');
    expect(credentialsOf(countryChosen(filled(), 'DE')).region).toBe('EU');
  });

  it('flag empty fields as required and malformed ones as format', () => {
    const s = validated(fieldChanged(fieldChanged(filled(), { field: 'sellerId', value: '' }), { field: 'refreshToken', value: 'abc' }));
    expect(s.fieldErrors).toEqual({ sellerId: 'required', refreshToken: 'format' });
    expect(validated(filled()).fieldErrors).toEqual({});
  });

  it('clear a field error when that field changes', () => {
    const s = validated(fieldChanged(filled(), { field: 'sellerId', value: 'lower' }));
    expect(fieldChanged(s, { field: 'sellerId', value: 'UPPER1' }).fieldErrors).toEqual({});
  });
});

describe('testing the connection', () => {
  it('pre-selects participating marketplaces of the seller country and proposes a label', () => {
    const s = testSucceeded(testStarted(filled()), tested);
    expect(s.chosen).toEqual(['BR1']);
    expect(s.label).toBe('Loja da Ana');
    expect(selectCanContinue(s)).toBe(true);
  });

  it('falls back to every participating marketplace when none is in the seller country', () => {
    expect(testSucceeded(filled(wizardStart('CA')), tested).chosen).toEqual(['BR1', 'US1']);
  });

  it('is invalidated by any change to what was tested', () => {
    const ok = testSucceeded(filled(), tested);
    expect(selectCanContinue(fieldChanged(ok, { field: 'clientSecret', value: 'other' }))).toBe(false);
    expect(selectCanContinue(environmentChosen(ok, 'sandbox'))).toBe(false);
    expect(selectCanContinue(countryChosen(ok, 'GB'))).toBe(false);
    expect(selectCanContinue(countryChosen(ok, 'US'))).toBe(true); // same region: same token
  });

  it('keeps a failure as a typed error', () => {
    const s = testFailed(testStarted(filled()), failure);
    expect(selectTestError(s)).toBe(failure);
    expect(selectCanContinue(s)).toBe(false);
  });
});

describe('steps and choices', () => {
  it('does not reach the settings step before a successful test', () => {
    const s = stepShown(filled(), 'integration');
    expect(stepShown(s, 'settings').step).toBe('integration');
    expect(stepShown(testSucceeded(s, tested), 'settings').step).toBe('settings');
  });

  it('toggles only participating marketplaces', () => {
    const s = testSucceeded(filled(), tested);
    expect(marketplaceToggled(s, 'US1').chosen).toEqual(['BR1', 'US1']);
    expect(marketplaceToggled(s, 'BR1').chosen).toEqual([]);
    expect(marketplaceToggled(s, 'MX1')).toBe(s);
  });

  it('needs a marketplace and a label to connect', () => {
    const s = testSucceeded(filled(), tested);
    expect(selectCanConnect(s)).toBe(true);
    expect(selectCanConnect(marketplaceToggled(s, 'BR1'))).toBe(false);
    expect(selectCanConnect(labelChanged(s, '  '))).toBe(false);
    expect(selectCanConnect(connectStarted(s))).toBe(false);
  });

  it('forgets the secrets once the account is connected', () => {
    const account = { id: 'acc_1', label: 'Loja da Ana' } as AccountSummary;
    const s = connectSucceeded(connectStarted(testSucceeded(filled(), tested)), account);
    expect(s.fields).toEqual(wizardStart().fields);
    expect(selectConnectError(connectFailed(connectStarted(testSucceeded(filled(), tested)), failure))).toBe(failure);
  });
});

describe('wizard actions', () => {
  let bridge: ReturnType<typeof installFakeBridge> | undefined;
  beforeEach(() => useWizardStore.setState(filled(), true));
  afterEach(() => bridge?.remove());

  it('does not call main when the form is invalid', async () => {
    bridge = installFakeBridge({ accountsTestConnection: { ok: true, value: tested } });
    useWizardStore.setState((s) => fieldChanged(s, { field: 'clientId', value: 'nope' }));
    await testConnection();
    expect(bridge.calls).toEqual([]);
    expect(useWizardStore.getState().fieldErrors).toEqual({ clientId: 'format' });
  });

  it('tests, then connects with the label and chosen marketplaces', async () => {
    const account = { id: 'acc_1', label: 'Loja da Ana' } as AccountSummary;
    bridge = installFakeBridge({ accountsTestConnection: { ok: true, value: tested }, accountsConnect: { ok: true, value: account } });
    await testConnection();
    expect(bridge.calls[0]).toEqual({ name: 'accountsTestConnection', input: { environment: 'production', region: 'NA', ...good } });
    expect(await connectAccount()).toBe(account);
    expect(bridge.calls[1]?.input).toEqual({ environment: 'production', region: 'NA', ...good, label: 'Loja da Ana', marketplaceIds: ['BR1'] });
  });

  it('drops a test answer that arrives after the form changed', async () => {
    bridge = installFakeBridge({ accountsTestConnection: { ok: true, value: tested } });
    const pending = testConnection();
    useWizardStore.setState((s) => fieldChanged(s, { field: 'clientSecret', value: 'changed' }));
    await pending;
    expect(selectCanContinue(useWizardStore.getState())).toBe(false);
  });
});
