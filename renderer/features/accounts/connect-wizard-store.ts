import { create } from 'zustand';
import { credentialsInputSchema, type AccountSummary, type ChannelOutput, type CredentialsInput } from '../../../preload/contract';
import { request, type ApiError } from '../../app/api';
import { errorOf, failed, idle, loading, ready, valueOf, type Load } from '../../app/load';
import { countryInfo, type SellerCountry } from './seller-countries';
import { misplacedShape } from './credential-shapes';

export const wizardSteps = ['info', 'integration', 'settings'] as const;
export type WizardStep = (typeof wizardSteps)[number];
export const credentialFields = ['sellerId', 'clientId', 'clientSecret', 'refreshToken'] as const;
export type CredentialField = (typeof credentialFields)[number];
/** `misplaced`: the value has the shape of another credential (e.g. the secret pasted as client ID). */
export type FieldProblem = 'required' | 'format' | 'misplaced';
export type Environment = CredentialsInput['environment'];
export type ConnectionTest = ChannelOutput<'accounts:test-connection'>;

export interface WizardState {
  readonly step: WizardStep;
  readonly country: SellerCountry;
  readonly environment: Environment;
  readonly fields: Readonly<Record<CredentialField, string>>;
  readonly fieldErrors: Readonly<Partial<Record<CredentialField, FieldProblem>>>;
  /** The last "Test connection"; any change to what was tested clears it. */
  readonly test: Load<ConnectionTest>;
  readonly label: string;
  readonly chosen: readonly string[];
  readonly connect: Load<AccountSummary>;
}

export function wizardStart(country: SellerCountry = 'BR'): WizardState {
  return {
    step: 'info',
    country,
    environment: 'production',
    fields: { sellerId: '', clientId: '', clientSecret: '', refreshToken: '' },
    fieldErrors: {},
    test: idle,
    label: '',
    chosen: [],
    connect: idle,
  };
}

/** What was tested no longer matches the form: the seller must test again before step 3. */
function untested(state: WizardState): WizardState {
  return { ...state, test: idle, chosen: [], connect: idle };
}

export function countryChosen(state: WizardState, country: SellerCountry): WizardState {
  if (country === state.country) return state;
  return countryInfo(country).region === countryInfo(state.country).region ? { ...state, country } : untested({ ...state, country });
}

export function environmentChosen(state: WizardState, environment: Environment): WizardState {
  return environment === state.environment ? state : untested({ ...state, environment });
}

export function fieldChanged(state: WizardState, input: { readonly field: CredentialField; readonly value: string }): WizardState {
  const { [input.field]: _cleared, ...fieldErrors } = state.fieldErrors;
  return untested({ ...state, fields: { ...state.fields, [input.field]: input.value }, fieldErrors });
}

export function credentialsOf(state: WizardState): CredentialsInput {
  return { environment: state.environment, region: countryInfo(state.country).region, ...state.fields };
}

/** Checks the fields with the contract's own schema (what main will check again). */
export function validated(state: WizardState): WizardState {
  const parsed = credentialsInputSchema.safeParse(credentialsOf(state));
  const fieldErrors: Partial<Record<CredentialField, FieldProblem>> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field === 'string' && (credentialFields as readonly string[]).includes(field)) {
        const f = field as CredentialField;
        fieldErrors[f] ??= state.fields[f].trim() === '' ? 'required' : 'format';
      }
    }
  }
  for (const field of credentialFields) if (misplacedShape(field, state.fields[field])) fieldErrors[field] = 'misplaced';
  return { ...state, fieldErrors };
}

/** "Move it there": the value pasted in `from` goes to the field its shape names; `from` is emptied. */
export function valueMoved(state: WizardState, input: { readonly from: CredentialField; readonly to: CredentialField }): WizardState {
  const value = state.fields[input.from];
  return fieldChanged(fieldChanged(state, { field: input.to, value }), { field: input.from, value: '' });
}

/**
 * A connected account with the seller ID typed here, in the same environment and region: the
 * wizard offers "Atualizar credenciais" for it instead of connecting it twice. (Main also refuses
 * a second connection of the same refresh token, which the renderer never sees.)
 */
export function connectedAccountOf(state: WizardState, accounts: readonly AccountSummary[]): AccountSummary | undefined {
  const sellerId = state.fields.sellerId.trim();
  const region = countryInfo(state.country).region;
  return sellerId === '' ? undefined : accounts.find((a) => a.sellerId === sellerId && a.region === region && a.environment === state.environment);
}

export function testStarted(state: WizardState): WizardState {
  return { ...state, test: loading(state.test) };
}

/** Pre-selects the marketplaces the account takes part in, in the seller's country first. */
export function testSucceeded(state: WizardState, result: ConnectionTest): WizardState {
  const participating = result.marketplaces.filter((m) => m.participating);
  const home = participating.filter((m) => m.countryCode === state.country);
  const chosen = (home.length > 0 ? home : participating).map((m) => m.marketplaceId);
  return { ...state, test: ready(result), chosen, label: state.label || result.storeName || `Amazon ${state.country}` };
}

export function testFailed(state: WizardState, error: ApiError): WizardState {
  return { ...state, test: { status: 'failed', value: null, error } };
}

export function stepShown(state: WizardState, step: WizardStep): WizardState {
  if (step === 'settings' && state.test.status !== 'ready') return state;
  return { ...state, step };
}

export function marketplaceToggled(state: WizardState, marketplaceId: string): WizardState {
  const available = valueOf(state.test)?.marketplaces.some((m) => m.marketplaceId === marketplaceId && m.participating) ?? false;
  if (!available) return state;
  const chosen = state.chosen.includes(marketplaceId) ? state.chosen.filter((id) => id !== marketplaceId) : [...state.chosen, marketplaceId];
  return { ...state, chosen, connect: idle };
}

export function labelChanged(state: WizardState, label: string): WizardState {
  return { ...state, label, connect: idle };
}

export function connectStarted(state: WizardState): WizardState {
  return { ...state, connect: loading(state.connect) };
}

/** The secrets went to main's keychain: the renderer forgets them at once. */
export function connectSucceeded(state: WizardState, account: AccountSummary): WizardState {
  return { ...state, fields: wizardStart().fields, connect: ready(account) };
}

export function connectFailed(state: WizardState, error: ApiError): WizardState {
  return { ...state, connect: failed(state.connect, error) };
}

export const selectStep = (s: WizardState): WizardStep => s.step;
export const selectTestResult = (s: WizardState): ConnectionTest | null => (s.test.status === 'ready' ? s.test.value : null);
export const selectTesting = (s: WizardState): boolean => s.test.status === 'loading';
export const selectTestError = (s: WizardState): ApiError | null => errorOf(s.test);
export const selectCanContinue = (s: WizardState): boolean => s.test.status === 'ready';
export const selectConnecting = (s: WizardState): boolean => s.connect.status === 'loading';
export const selectConnectError = (s: WizardState): ApiError | null => errorOf(s.connect);
export const selectConnected = (s: WizardState): AccountSummary | null => (s.connect.status === 'ready' ? s.connect.value : null);
export const selectCanConnect = (s: WizardState): boolean =>
  s.test.status === 'ready' && s.chosen.length > 0 && s.label.trim() !== '' && s.connect.status !== 'loading';

export const useWizardStore = create<WizardState>(() => wizardStart());

/** Validates locally, then asks main to exchange the token and list the marketplaces. Saves nothing. */
export async function testConnection(): Promise<void> {
  useWizardStore.setState(validated);
  const state = useWizardStore.getState();
  if (Object.keys(state.fieldErrors).length > 0) return;
  useWizardStore.setState(testStarted);
  const outcome = await request('accounts:test-connection', credentialsOf(state));
  useWizardStore.setState((s) => {
    // The seller edited the form while the test ran: that answer is about other credentials.
    if (s.test.status !== 'loading') return s;
    return outcome.ok ? testSucceeded(s, outcome.value) : testFailed(s, outcome.error);
  });
}

/** Saves the account (main tests the credentials again and writes the secrets to the keychain). */
export async function connectAccount(): Promise<AccountSummary | null> {
  const state = useWizardStore.getState();
  if (!selectCanConnect(state)) return null;
  useWizardStore.setState(connectStarted);
  const outcome = await request('accounts:connect', { ...credentialsOf(state), label: state.label.trim(), marketplaceIds: [...state.chosen] });
  useWizardStore.setState((s) => (outcome.ok ? connectSucceeded(s, outcome.value) : connectFailed(s, outcome.error)));
  return outcome.ok ? outcome.value : null;
}
