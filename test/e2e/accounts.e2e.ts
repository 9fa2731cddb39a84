import { AccountsService } from '../../main/accounts/service';
import { notifyRejected } from '../../main/accounts/setup';
import type { SimulatorHandle } from '../../main/amazon/simulator';
import { DEMO } from '../../main/amazon/simulator/seed';
import { ordersServiceFor } from '../../main/orders/service';
import type { Services } from '../../main/services';
import { syncServiceFor } from '../../main/sync/service';
import { expect, test } from './fixtures';

test('the demo account is labelled as simulated in the header and the accounts list', async ({ page, services, openApp }) => {
  // What main/accounts/setup.ts does on a fresh install.
  await new AccountsService(services, services.amazon).ensureDemoAccount();
  await openApp('accounts');

  const header = page.getByRole('banner');
  await expect(header.getByLabel('Conta Amazon')).toHaveValue('demo');
  await expect(header.getByLabel('Conta Amazon').locator('option:checked')).toHaveText(/^Demonstração — simulador offline( \(Simulada\))?$/);
  await expect(header.getByText('Simulada', { exact: true })).toBeVisible();
  await expect(header.getByLabel('Marketplace')).toBeEnabled();

  const card = page.getByTestId('account-demo');
  await expect(card.getByText('Simulada', { exact: true })).toBeVisible();
  await expect(card).toContainText('simulador offline do Vitrine');
  await expect(card).toContainText(DEMO.sellerId);
  await expect(card).toContainText('Demo — simulador offline');

  // Marketplaces: main stores the choice and the header follows it.
  await expect(header.getByLabel('Marketplace').locator('option')).toHaveCount(2);
  await card.getByRole('checkbox', { name: /Estados Unidos/ }).uncheck();
  await card.getByRole('button', { name: 'Salvar marketplaces' }).click();
  await expect(card.getByRole('status')).toHaveText('Marketplaces salvos.');
  await expect(header.getByLabel('Marketplace').locator('option')).toHaveCount(1);

  // Removal asks first, then the account is gone everywhere.
  await card.getByRole('button', { name: 'Remover conta' }).click();
  await expect(card.getByText(/As credenciais dela serão apagadas/)).toBeVisible();
  await card.getByRole('button', { name: 'Sim, remover' }).click();
  await expect(page.getByTestId('account-demo')).toHaveCount(0);
  await expect(page.getByText('Nenhuma conta conectada ainda.')).toBeVisible();
  await expect(header.getByLabel('Conta Amazon')).toBeDisabled();
  expect(new AccountsService(services, services.amazon).list()).toEqual([]);
});

test('connect wizard: guide, field checks, test connection, marketplaces, connect', async ({ page, services, openApp, keepScreenshot }) => {
  await openApp('accounts/connect');
  const steps = page.getByRole('list', { name: 'Etapas' });
  await expect(steps.getByRole('listitem')).toHaveText(['1Informações', '2Integração', '3Configurações']);
  await expect(steps.locator('[aria-current="step"]')).toContainText('Informações');

  // Step 1: the guide follows the country the seller sells in.
  await expect(page.getByLabel('Onde você vende')).toHaveValue('BR');
  await expect(page.getByRole('link', { name: /Abrir o Seller Central \(sellercentral\.amazon\.com\.br\)/ })).toHaveAttribute(
    'href',
    'https://sellercentral.amazon.com.br',
  );
  await page.getByLabel('Onde você vende').selectOption('GB');
  await expect(page.getByRole('link', { name: /sellercentral\.amazon\.co\.uk/ })).toBeVisible();
  await page.getByLabel('Onde você vende').selectOption('BR');
  await page.getByLabel('Ambiente').selectOption('simulator');
  await keepScreenshot('accounts-wizard-1-info');
  await page.getByRole('button', { name: 'Continuar' }).click();

  // Step 2: local checks first, then main tests against the (simulated) Amazon.
  await expect(page.getByRole('button', { name: 'Continuar' })).toBeDisabled();
  await page.getByLabel('Seller ID (Token do comerciante)').fill('minusculo');
  await page.getByRole('button', { name: 'Testar conexão' }).click();
  await expect(page.getByText('O Seller ID tem só letras maiúsculas e números.')).toBeVisible();
  await expect(page.getByText('Preencha este campo.')).toHaveCount(3);

  await page.getByLabel('Seller ID (Token do comerciante)').fill(DEMO.sellerId);
  await page.getByLabel('Identificador do cliente LWA (client ID)').fill(DEMO.clientId);
  await page.getByLabel('Segredo do cliente LWA (client secret)').fill('wrong-secret');
  await page.getByLabel('Token de atualização (refresh token)').fill(DEMO.refreshToken);
  await page.getByRole('button', { name: 'Testar conexão' }).click();
  await expect(page.getByRole('alert')).toContainText('O teste de conexão falhou.');

  await page.getByLabel('Segredo do cliente LWA (client secret)').fill(DEMO.clientSecret);
  await page.getByRole('button', { name: 'Testar conexão' }).click();
  const found = page.locator('.marketplace-list');
  await expect(found).toContainText('Brasil');
  await expect(found).toContainText('Estados Unidos');
  await keepScreenshot('accounts-wizard-2-integration');
  await page.getByRole('button', { name: 'Continuar' }).click();

  // Step 3: name and marketplaces; Brazil comes pre-selected for a seller in Brazil.
  await expect(page.getByLabel('Nome da conta no Vitrine')).not.toHaveValue('');
  await page.getByLabel('Nome da conta no Vitrine').fill('Loja de testes');
  await expect(page.getByRole('checkbox', { name: /Brasil/ })).toBeChecked();
  await page.getByRole('checkbox', { name: /Estados Unidos/ }).check();
  await keepScreenshot('accounts-wizard-3-settings');
  await page.getByRole('button', { name: 'Conectar conta' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Conta “Loja de testes” conectada.' })).toBeVisible();
  const saved = new AccountsService(services, services.amazon).list();
  expect(saved.map((a) => [a.label, a.simulated, a.marketplaces.filter((m) => m.enabled).length])).toEqual([['Loja de testes', true, 2]]);
  const header = page.getByRole('banner');
  await expect(header.getByLabel('Conta Amazon').locator('option:checked')).toHaveText(/^Loja de testes( \(Simulada\))?$/);
  await expect(header.getByLabel('Marketplace').locator('option')).toHaveCount(2);

  await page.getByRole('link', { name: 'Ver contas' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Loja de testes' })).toBeVisible();
});

/** The embedded simulator with its control surface (the app only sees its URLs). */
async function simulatorOf(services: Services): Promise<SimulatorHandle> {
  return (await services.amazon.embeddedSimulator()) as unknown as SimulatorHandle;
}

async function connectSecondSeller(services: Services) {
  const sim = await simulatorOf(services);
  const creds = sim.control.addSeller({ sellerId: 'A1LOJADOIS', storeName: 'Loja Dois', marketplaceIds: ['A2Q3Y263D00KWC'] });
  const account = await new AccountsService(services, services.amazon).connect({
    environment: 'simulator',
    region: 'NA',
    ...creds,
    label: 'Loja Dois',
    marketplaceIds: ['A2Q3Y263D00KWC'],
  });
  return { sim, creds, account };
}

test('a rotated client secret stops the account where the seller looks, and "Atualizar credenciais" restarts it', async ({
  page,
  services,
  openApp,
  keepScreenshot,
}) => {
  // What main/accounts/setup.ts wires in the app: a refusal tells the window at once.
  services.amazon.onCredentialsRejected((r) => notifyRejected(services, r));
  const { sim, creds, account } = await connectSecondSeller(services);
  await openApp('');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Início');
  await expect(page.getByTestId(`account-health-${account.id}`)).toHaveCount(0);

  // Amazon refuses the stored secret on the next call (a background send, an order import…).
  const newSecret = sim.control.rotateClientSecret(creds.clientId);
  const client = await services.amazon.forAccount(account.id);
  await expect(client.getMarketplaceParticipations()).rejects.toThrow(/invalid_client/);

  const notice = page.getByTestId(`account-health-${account.id}`);
  await expect(notice).toContainText('A Amazon recusou as credenciais de “Loja Dois”');
  await expect(notice).toContainText('os envios, a importação de pedidos e as verificações desta conta estão parados');
  await expect(notice).toContainText('Ver credenciais LWA');
  await expect(notice).toContainText('invalid_client');
  await keepScreenshot('accounts-health-inicio');
  await openApp('sync');
  await expect(page.getByTestId(`account-health-${account.id}`)).toBeVisible();

  await openApp('accounts');
  const card = page.getByTestId(`account-${account.id}`);
  await expect(card.getByText('Parada', { exact: true })).toBeVisible();
  await expect(card.getByRole('region', { name: 'Histórico da conta' })).toContainText('A Amazon recusou o client secret de “Loja Dois”');
  await keepScreenshot('accounts-health-card');
  await card.getByRole('link', { name: 'Atualizar credenciais' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Atualizar credenciais — Loja Dois');
  const secret = page.getByLabel('Novo segredo do cliente LWA (client secret)');
  // A refresh token pasted in the secret's field is named before anything is sent.
  await secret.fill(creds.refreshToken);
  await expect(page.getByText('Isto parece o token de atualização: ele vai no campo “Token de atualização (refresh token)”.')).toBeVisible();
  // A wrong secret: Amazon's refusal is explained and nothing changes.
  await secret.fill('amzn1.oa2-cs.v1.0000000000000000');
  await page.getByRole('button', { name: 'Conferir com a Amazon e salvar' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'As credenciais não foram trocadas.' })).toContainText('Client Secret');
  expect(await services.secrets.get(`${account.id}/client_secret`)).toBe(creds.clientSecret);
  await keepScreenshot('accounts-credentials-refused');

  await secret.fill(newSecret);
  await page.getByRole('button', { name: 'Conferir com a Amazon e salvar' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Credenciais de “Loja Dois” atualizadas.' })).toBeVisible();
  expect(await services.secrets.get(`${account.id}/client_secret`)).toBe(newSecret);
  await page.getByRole('link', { name: 'Voltar para Contas' }).click();
  await expect(card.getByText('Parada', { exact: true })).toHaveCount(0);
  await expect(card.getByRole('region', { name: 'Histórico da conta' })).toContainText('voltou a enviar');
  await openApp('');
  await expect(page.getByTestId(`account-health-${account.id}`)).toHaveCount(0);
});

test('removing an account says how many orders go with it', async ({ page, services, openApp, keepScreenshot }) => {
  const accounts = new AccountsService(services, services.amazon);
  await accounts.ensureDemoAccount();
  // The demo seller's orders, imported as the app does in the background.
  const imported = (await ordersServiceFor(services).import({ accountId: 'demo' })).new;
  expect(imported).toBeGreaterThan(1);
  await openApp('accounts');
  const card = page.getByTestId('account-demo');
  await card.getByRole('button', { name: 'Remover conta' }).click();
  await expect(card.getByRole('group', { name: 'Remover conta' })).toContainText(`Os ${imported} pedidos importados desta conta também serão apagados.`);
  await keepScreenshot('accounts-remove-with-orders');
  await card.getByRole('button', { name: 'Manter conta' }).click();
  expect(accounts.list().map((a) => a.id)).toEqual(['demo']);

  await card.getByRole('button', { name: 'Remover conta' }).click();
  await card.getByRole('button', { name: `Sim, remover a conta e ${imported} pedidos` }).click();
  await expect(page.getByTestId('account-demo')).toHaveCount(0);
  expect(services.db.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(0);
});

test('connect wizard: a value in the wrong field is named and moved; an account already connected is pointed to "Atualizar credenciais"; success leads to Início', async ({
  page,
  services,
  openApp,
  keepScreenshot,
}) => {
  await new AccountsService(services, services.amazon).ensureDemoAccount();
  const sim = await simulatorOf(services);
  const other = sim.control.addSeller({ sellerId: 'A1LOJANOVA', storeName: 'Loja Nova', marketplaceIds: ['A2Q3Y263D00KWC'] });
  await openApp('accounts/connect');
  await page.getByLabel('Ambiente').selectOption('simulator');
  await page.getByRole('button', { name: 'Continuar' }).click();

  // The demo seller is already connected: say so before testing anything.
  await page.getByLabel('Seller ID (Token do comerciante)').fill(DEMO.sellerId);
  const connected = page.getByTestId('wizard-already-connected');
  await expect(connected).toContainText('Esta conta já está conectada como “Demonstração — simulador offline”.');
  await expect(connected.getByRole('link', { name: 'Atualizar credenciais' })).toHaveAttribute('href', '#/accounts/demo/credentials');
  await expect(page.getByRole('button', { name: 'Testar conexão' })).toBeDisabled();

  await page.getByLabel('Seller ID (Token do comerciante)').fill(other.sellerId);
  await expect(connected).toHaveCount(0);
  // The secret pasted where the client ID goes.
  await page.getByLabel('Identificador do cliente LWA (client ID)').fill(other.clientSecret);
  await expect(page.getByText('Isto parece o segredo do cliente: ele vai no campo “Segredo do cliente LWA (client secret)”.')).toBeVisible();
  await keepScreenshot('accounts-wizard-misplaced');
  await page.getByRole('button', { name: 'Mover para “Segredo do cliente LWA (client secret)”' }).click();
  await expect(page.getByLabel('Segredo do cliente LWA (client secret)')).toHaveValue(other.clientSecret);
  await expect(page.getByLabel('Identificador do cliente LWA (client ID)')).toHaveValue('');
  await page.getByLabel('Identificador do cliente LWA (client ID)').fill(other.clientId);
  await page.getByLabel('Token de atualização (refresh token)').fill('Atza|this-is-an-access-token');
  await expect(page.getByText(/Isto é um token de acesso/)).toBeVisible();
  await page.getByLabel('Token de atualização (refresh token)').fill(other.refreshToken);
  await page.getByRole('button', { name: 'Testar conexão' }).click();
  await expect(page.locator('.marketplace-list')).toContainText('Brasil');
  await page.getByRole('button', { name: 'Continuar' }).click();
  await page.getByRole('button', { name: 'Conectar conta' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Conta “Loja Nova” conectada.' })).toContainText('o Início mostra o que falta');
  await keepScreenshot('accounts-wizard-done');
  await page.getByRole('link', { name: 'Ir para o Início' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Início');
});

test('Configurações: how often Vitrine sends, for every account, takes effect at once', async ({ page, services, openApp, keepScreenshot }) => {
  await openApp('settings');
  const card = page.getByTestId('send-schedule');
  await expect(card.getByLabel('Envio completo')).toHaveValue('120');
  await expect(card.getByLabel('Envio completo').locator('option:checked')).toHaveText('a cada 2 horas (padrão)');
  await card.getByLabel('Envio completo').selectOption({ label: 'a cada 30 minutos' });
  await card.getByLabel('Atualização de estoque e preço').selectOption({ label: 'a cada 1 hora' });
  await expect(card.getByText('A atualização de estoque e preço não pode ser menos frequente que o envio completo.')).toBeVisible();
  await expect(card.getByRole('button', { name: 'Salvar frequência' })).toBeDisabled();
  await card.getByLabel('Atualização de estoque e preço').selectOption({ label: 'a cada 10 minutos' });
  await card.getByRole('button', { name: 'Salvar frequência' }).click();
  await expect(card.getByRole('status')).toContainText('Frequência salva. Próximo envio completo:');
  await keepScreenshot('settings-send-schedule');
  expect(syncServiceFor(services).scheduler.currentIntervals).toEqual({ fullMs: 30 * 60_000, fastMs: 10 * 60_000 });
});
