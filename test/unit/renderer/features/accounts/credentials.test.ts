import { afterEach, describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../../../../preload/contract';
import {
  connectedAccountOf,
  environmentChosen,
  fieldChanged,
  validated,
  valueMoved,
  wizardStart,
} from '../../../../../renderer/features/accounts/connect-wizard-store';
import { misplacedShape, shapeOf } from '../../../../../renderer/features/accounts/credential-shapes';
import {
  saveCredentials,
  selectUpdated,
  updateFieldChanged,
  updateOf,
  updateStart,
  updateValidated,
  useUpdateCredentialsStore,
} from '../../../../../renderer/features/accounts/update-credentials-store';
import { installFakeBridge } from '../../fake-bridge';

const CLIENT_ID = 'amzn1.application-oa2-client.0123456789abcdef';
const SECRET = 'amzn1.oa2-cs.v1.3f9a0c1d2e3f4a5b6c7d8e9f00112233';
const TOKEN = 'Atzr|IwEBIAbcdef-123';

const account: AccountSummary = {
  id: 'acc_1',
  label: 'Loja da Ana',
  simulated: false,
  environment: 'production',
  region: 'NA',
  sellerId: 'A1B2C3D4E5F6G7',
  storeName: null,
  marketplaces: [],
  reminders: [],
  health: { state: 'ok' },
  lwaClientId: CLIENT_ID,
  canUpdateCredentials: true,
};

describe('credential shapes', () => {
  it('recognises each credential by its prefix, whitespace around a paste included', () => {
    expect([CLIENT_ID, SECRET, ` ${TOKEN}\n`, 'Atza|short-lived', 'A1B2C3D4E5F6G7', 'some-legacy-secret-0f3a'].map(shapeOf)).toEqual([
      'clientId',
      'clientSecret',
      'refreshToken',
      'accessToken',
      'sellerId',
      undefined,
    ]);
  });

  it('names a value pasted in the wrong field, and stays quiet for the right one or an unknown shape', () => {
    expect(misplacedShape('clientId', SECRET)).toBe('clientSecret');
    expect(misplacedShape('refreshToken', 'Atza|x')).toBe('accessToken');
    expect(misplacedShape('clientSecret', SECRET)).toBeUndefined();
    expect(misplacedShape('clientSecret', 'plain-old-secret')).toBeUndefined();
  });
});

describe('the wizard with pasted values', () => {
  it('blocks a secret pasted as client ID, and moves it to its field', () => {
    const s = fieldChanged(
      fieldChanged(fieldChanged(fieldChanged(wizardStart('BR'), { field: 'sellerId', value: 'A1B2C3D4E5F6G7' }), { field: 'clientId', value: SECRET }), {
        field: 'clientSecret',
        value: '',
      }),
      {
        field: 'refreshToken',
        value: TOKEN,
      },
    );
    expect(validated(s).fieldErrors).toEqual({ clientId: 'misplaced', clientSecret: 'required' });
    const moved = valueMoved(s, { from: 'clientId', to: 'clientSecret' });
    expect(moved.fields).toMatchObject({ clientId: '', clientSecret: SECRET });
    expect(validated(fieldChanged(moved, { field: 'clientId', value: CLIENT_ID })).fieldErrors).toEqual({});
  });

  it('finds an account already connected with the typed seller ID in the same environment and region', () => {
    const s = fieldChanged(wizardStart('BR'), { field: 'sellerId', value: ' A1B2C3D4E5F6G7 ' });
    expect(connectedAccountOf(s, [account])?.id).toBe('acc_1');
    expect(connectedAccountOf(environmentChosen(s, 'sandbox'), [account])).toBeUndefined();
    expect(connectedAccountOf(fieldChanged(wizardStart('DE'), { field: 'sellerId', value: 'A1B2C3D4E5F6G7' }), [account])).toBeUndefined();
  });
});

describe('updating credentials', () => {
  let bridge: ReturnType<typeof installFakeBridge> | undefined;
  afterEach(() => {
    bridge?.remove();
    useUpdateCredentialsStore.setState(updateStart(), true);
  });

  it('needs at least one value, sends only the filled ones, and refuses a token in the secret field', () => {
    expect(updateValidated(updateStart('acc_1')).problems).toEqual({ clientSecret: 'nothing' });
    const secretOnly = updateFieldChanged(updateStart('acc_1'), { field: 'clientSecret', value: ` ${SECRET} ` });
    expect(updateOf(secretOnly)).toEqual({ accountId: 'acc_1', clientSecret: SECRET });
    expect(updateValidated(secretOnly).problems).toEqual({});
    expect(updateValidated(updateFieldChanged(updateStart('acc_1'), { field: 'clientSecret', value: TOKEN })).problems).toEqual({ clientSecret: 'misplaced' });
    expect(updateValidated(updateFieldChanged(updateStart('acc_1'), { field: 'refreshToken', value: 'not-a-token' })).problems).toEqual({
      refreshToken: 'format',
    });
  });

  it('calls main once with the new values and forgets them after it answers', async () => {
    bridge = installFakeBridge({ accountsUpdateCredentials: { ok: true, value: account } });
    useUpdateCredentialsStore.setState(updateFieldChanged(updateStart('acc_1'), { field: 'refreshToken', value: TOKEN }), true);
    expect(await saveCredentials()).toBe(account);
    expect(bridge.calls).toEqual([{ name: 'accountsUpdateCredentials', input: { accountId: 'acc_1', refreshToken: TOKEN } }]);
    expect(useUpdateCredentialsStore.getState().fields).toEqual({ clientSecret: '', refreshToken: '' });
    expect(selectUpdated(useUpdateCredentialsStore.getState())).toBe(account);
  });
});
