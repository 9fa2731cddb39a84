import { AccountsService } from '../../main/accounts/service';
import { DEMO } from '../../main/amazon/simulator/seed';
import { expect, test } from './fixtures';

test('the demo account is labelled as simulated in the header and the accounts list', async ({ page, services, openApp }) => {
  // What main/accounts/setup.ts does on a fresh install.
  await new AccountsService(services, services.amazon).ensureDemoAccount();
  await openApp('accounts');

  const header = page.getByRole('banner');
  await expect(header.getByLabel('Conta Amazon')).toHaveValue('demo');
  await expect(header.getByLabel('Conta Amazon').locator('option:checked')).toHaveText(/\(Simulada\)$/);
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
  await expect(header.getByLabel('Conta Amazon').locator('option:checked')).toHaveText('Loja de testes (Simulada)');
  await expect(header.getByLabel('Marketplace').locator('option')).toHaveCount(2);

  await page.getByRole('link', { name: 'Ver contas' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Loja de testes' })).toBeVisible();
});
