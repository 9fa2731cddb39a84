import { AccountsPage } from './accounts-page';
import { ConnectWizard } from './connect-wizard';

/** `#/accounts` lists the accounts; `#/accounts/connect` runs the wizard. */
export function AccountsRoute({ params }: { readonly params: readonly string[] }) {
  return params[0] === 'connect' ? <ConnectWizard /> : <AccountsPage />;
}
