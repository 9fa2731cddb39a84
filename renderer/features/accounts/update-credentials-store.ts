import { create } from 'zustand';
import { credentialsUpdateSchema, type AccountSummary } from '../../../preload/contract';
import { request, type ApiError } from '../../app/api';
import { errorOf, failed, idle, loading, ready, type Load } from '../../app/load';
import { accountUpdated, useAccountsStore } from './accounts-store';
import { misplacedShape } from './credential-shapes';

export const updatableFields = ['clientSecret', 'refreshToken'] as const;
export type UpdatableField = (typeof updatableFields)[number];
export type UpdateProblem = 'format' | 'misplaced' | 'nothing';

/** "Atualizar credenciais" for one account: what the seller pasted, checked, then sent to main once. */
export interface UpdateCredentialsState {
  readonly accountId: string | null;
  readonly fields: Readonly<Record<UpdatableField, string>>;
  readonly problems: Readonly<Partial<Record<UpdatableField, UpdateProblem>>>;
  readonly save: Load<AccountSummary>;
}

export function updateStart(accountId: string | null = null): UpdateCredentialsState {
  return { accountId, fields: { clientSecret: '', refreshToken: '' }, problems: {}, save: idle };
}

export function updateFieldChanged(state: UpdateCredentialsState, input: { readonly field: UpdatableField; readonly value: string }): UpdateCredentialsState {
  const { [input.field]: _cleared, ...problems } = state.problems;
  return { ...state, fields: { ...state.fields, [input.field]: input.value }, problems, save: idle };
}

/** What main receives: only the fields the seller filled (an empty one keeps the stored value). */
export function updateOf(state: UpdateCredentialsState): { accountId: string; clientSecret?: string; refreshToken?: string } {
  const clientSecret = state.fields.clientSecret.trim();
  const refreshToken = state.fields.refreshToken.trim();
  return { accountId: state.accountId ?? '', ...(clientSecret ? { clientSecret } : {}), ...(refreshToken ? { refreshToken } : {}) };
}

/** The contract's own check (what main checks again), plus values of another credential's shape. */
export function updateValidated(state: UpdateCredentialsState): UpdateCredentialsState {
  const problems: Partial<Record<UpdatableField, UpdateProblem>> = {};
  const update = updateOf(state);
  if (update.clientSecret === undefined && update.refreshToken === undefined) problems.clientSecret = 'nothing';
  else {
    const parsed = credentialsUpdateSchema.safeParse(update);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === 'clientSecret' || field === 'refreshToken') problems[field] ??= 'format';
      }
    }
  }
  for (const field of updatableFields) if (misplacedShape(field, state.fields[field])) problems[field] = 'misplaced';
  return { ...state, problems };
}

/** Main kept the new values in the keychain: the renderer forgets them at once. */
export function updateSucceeded(state: UpdateCredentialsState, account: AccountSummary): UpdateCredentialsState {
  return { ...state, fields: updateStart().fields, problems: {}, save: ready(account) };
}

export function updateFailed(state: UpdateCredentialsState, error: ApiError): UpdateCredentialsState {
  return { ...state, save: failed(state.save, error) };
}

export const selectUpdateSaving = (s: UpdateCredentialsState): boolean => s.save.status === 'loading';
export const selectUpdateError = (s: UpdateCredentialsState): ApiError | null => errorOf(s.save);
export const selectUpdated = (s: UpdateCredentialsState): AccountSummary | null => (s.save.status === 'ready' ? s.save.value : null);

export const useUpdateCredentialsStore = create<UpdateCredentialsState>(() => updateStart());

/** Checks locally, then main validates with LWA and Amazon before replacing anything. */
export async function saveCredentials(): Promise<AccountSummary | null> {
  useUpdateCredentialsStore.setState(updateValidated);
  const state = useUpdateCredentialsStore.getState();
  if (Object.keys(state.problems).length > 0 || !state.accountId) return null;
  useUpdateCredentialsStore.setState((s) => ({ ...s, save: loading(s.save) }));
  const outcome = await request('accounts:update-credentials', updateOf(state));
  useUpdateCredentialsStore.setState((s) => (outcome.ok ? updateSucceeded(s, outcome.value) : updateFailed(s, outcome.error)));
  if (outcome.ok) useAccountsStore.setState((s) => accountUpdated(s, outcome.value));
  return outcome.ok ? outcome.value : null;
}
