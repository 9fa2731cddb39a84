import { AccountsPage } from './accounts-page';
import { ConnectWizard } from './connect-wizard';
import { UpdateCredentialsPage } from './update-credentials';

/** `#/accounts` lists the accounts; `#/accounts/connect` runs the wizard; `#/accounts/<id>/credentials` updates an account's keys. */
export function AccountsRoute({ params }: { readonly params: readonly string[] }) {
  if (params[0] === 'connect') return <ConnectWizard />;
  if (params[0] && params[1] === 'credentials') return <UpdateCredentialsPage accountId={params[0]} />;
  return <AccountsPage />;
}
