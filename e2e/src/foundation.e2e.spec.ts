import { randomBytes } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './setup/browser';
import './setup/context';
import { demoLogin } from './setup/logins';
import { logIn, Pages, shows, visit } from './setup/pages';

/**
 * The foundation issue end to end, in the browser: a visitor registers and registers an
 * organisation; the admin verifies it; the visitor then acts for it; a second person asks to join
 * and is approved; the admin grants a role. The new organisation starts with no practices and no
 * pilots. Every page visited must pass axe (WCAG 2.1 AA). Steps share state and run in order, as
 * one story.
 */

const run = randomBytes(3).toString('hex');
const focal = { name: 'Amaya Quispe', email: `amaya.${run}@example.org`, password: 'a long and quiet river' };
const joiner = { name: 'Lin Mei', email: `lin.${run}@example.org`, password: 'mountains after rain' };
const organisation = `Red de Trabajadoras del Hogar ${run}`;

const pages = new Pages();
const newPage = (options?: { javaScriptEnabled?: boolean }) => pages.newPage(options);

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const card = (scope: Page | Locator, text: string): Locator =>
  scope.getByRole('listitem').filter({ hasText: text });

async function register(page: Page, person: typeof focal): Promise<void> {
  await visit(page, '/register');
  await page.getByLabel('Name', { exact: true }).fill(person.name);
  await page.getByLabel('E-mail address').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL('**/organisations');
}

describe('foundation: accounts, organisations, verification and roles', () => {
  let focalPage: Page;
  let adminPage: Page;
  let joinerPage: Page;
  let organisationPath: string;

  beforeAll(async () => {
    [focalPage, adminPage, joinerPage] = [await newPage(), await newPage(), await newPage()];
  });

  afterAll(async () => {
    await pages.close();
  });

  it('shows the public home page with its calls to action', async () => {
    await visit(focalPage, '/');
    expect(await heading(focalPage)).toMatch(/rights of women migrant workers/);
    expect(await focalPage.locator('html').getAttribute('lang')).toBe('en');
    await focalPage.getByRole('link', { name: 'Register your organisation' }).waitFor();
    expect(await focalPage.getByRole('link', { name: 'Administration' }).count()).toBe(0);
  });

  it('serves pages under a content security policy that still lets the app hydrate', async () => {
    const refused: string[] = [];
    focalPage.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    const response = await focalPage.goto('/login');
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');
    // SvelteKit's inline start-up script defines this global; a blocked script never would.
    await focalPage.waitForFunction(() =>
      Object.keys(globalThis).some((key) => key.startsWith('__sveltekit_')),
    );
    expect(refused).toEqual([]);
  });

  it('lets a visitor register and land on an empty "my organisations"', async () => {
    await register(focalPage, focal);
    await shows(focalPage, 'You do not belong to any organisation yet');
    // The account menu names who is signed in.
    await focalPage.locator('summary').filter({ hasText: focal.name }).waitFor();
  });

  it('registers an organisation, which waits for verification', async () => {
    await focalPage.getByRole('link', { name: 'Register an organisation' }).first().click();
    await focalPage.waitForURL('**/organisations/new');
    await expectNoAxeViolations(focalPage);
    await focalPage.getByLabel('Organisation name').fill(organisation);
    await focalPage.getByLabel('Kind of organisation').selectOption('migrant_workers_association');
    await focalPage.getByLabel('Country').selectOption('MX');
    await focalPage.getByLabel('Website').fill('https://hogar.example.org');
    await focalPage.getByRole('button', { name: 'Register organisation' }).click();
    await focalPage.waitForURL(/\/organisations\/[0-9a-f-]{36}\?created=1$/);
    organisationPath = new URL(focalPage.url()).pathname;
    await shows(focalPage, 'Waiting for an administrator to verify this organisation');
    expect(await heading(focalPage)).toBe(organisation);

    await visit(focalPage, '/organisations');
    const mine = card(focalPage, organisation);
    expect(await mine.getByText('Pending', { exact: true }).count()).toBe(1);
  });

  it('lets the admin verify it from the admin pages', async () => {
    await logIn(adminPage, demoLogin('admin'));
    await adminPage.getByRole('link', { name: 'Administration' }).click();
    await adminPage.waitForURL('**/admin/organisations');
    await expectNoAxeViolations(adminPage);
    await card(adminPage, organisation)
      .getByRole('button', { name: `Verify ${organisation}` })
      .click();
    await shows(adminPage, `“${organisation}” is now verified.`);
    expect(await card(adminPage, organisation).count()).toBe(0);
  });

  it('lets the focal point act for the verified organisation: edit its website, see requests', async () => {
    await visit(focalPage, organisationPath);
    await focalPage.getByText('Verified', { exact: true }).first().waitFor();
    expect(await focalPage.getByText('Waiting for an administrator').count()).toBe(0);
    await focalPage.getByRole('heading', { name: 'Requests to join' }).waitFor();
    await focalPage.getByText('No pending requests.').waitFor();

    // Once verified, only the website may change (CASL field rules).
    const edit = focalPage.locator('form[action="?/update"]');
    expect(await edit.getByLabel('Organisation name').count()).toBe(0);
    await edit.getByLabel('Website').fill('https://trabajadoras.example.org');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await shows(focalPage, 'The changes were saved.');
    await focalPage.getByRole('link', { name: 'https://trabajadoras.example.org' }).waitFor();
  });

  it('shows the new organisation empty practices and pilots, with the ways to start', async () => {
    await focalPage.getByRole('link', { name: 'Practices' }).click();
    await focalPage.waitForURL('**/practices');
    await shows(focalPage, 'Your organisations have no practices yet.');
    await focalPage.getByRole('link', { name: 'New practice' }).waitFor();
    await focalPage.getByRole('link', { name: 'My pilots', exact: true }).click();
    await focalPage.waitForURL('**/pilots');
    await shows(focalPage, 'Your organisations take part in no pilot yet.');
    await shows(focalPage, 'No invitations are waiting for an answer.');
    await focalPage.getByRole('link', { name: 'Propose a pilot' }).waitFor();
  });

  it('lets a second person find the organisation and ask to join', async () => {
    await register(joinerPage, joiner);
    await visit(joinerPage, `/organisations?q=${encodeURIComponent(organisation)}`);
    await card(joinerPage, organisation)
      .getByRole('button', { name: `Ask to join ${organisation}` })
      .click();
    await shows(joinerPage, 'Your request was sent.');
    await visit(joinerPage, organisationPath);
    await joinerPage.getByText('You asked to join this organisation').waitFor();
  });

  it('lets the focal point approve the request', async () => {
    await visit(focalPage, organisationPath);
    const request = card(focalPage, joiner.name);
    await request.getByRole('button', { name: `Approve ${joiner.name}` }).click();
    await shows(focalPage, 'The request was approved.');
    await focalPage.getByText('No pending requests.').waitFor();
    const members = focalPage.getByRole('region', { name: 'Members' });
    await members.getByRole('heading', { name: joiner.name }).waitFor();

    await visit(joinerPage, '/organisations');
    const mine = joinerPage.getByRole('region', { name: 'My organisations' });
    await card(mine, organisation).getByText('Verified', { exact: true }).waitFor();
  });

  it('lets the admin make the second person a reviewer', async () => {
    await visit(adminPage, `/admin/users?q=${encodeURIComponent(joiner.email)}`);
    const row = adminPage.getByRole('row').filter({ hasText: joiner.email });
    const roles = row.getByRole('group', { name: joiner.name });
    await roles.getByRole('button', { name: 'Make reviewer' }).click();
    await shows(adminPage, `${joiner.name} is now reviewer.`);
    await row.getByText('Reviewer', { exact: true }).waitFor();
    await roles.getByRole('button', { name: 'Remove reviewer' }).waitFor();
  });

  it('switches language with the language links, keeping the page', async () => {
    await visit(focalPage, '/organisations');
    await focalPage.getByRole('link', { name: 'Español' }).click();
    await focalPage.waitForURL('**/es/organisations');
    await expectNoAxeViolations(focalPage);
    expect(await focalPage.locator('html').getAttribute('lang')).toBe('es');
    expect(await heading(focalPage)).toBe('Organizaciones');
    await focalPage.getByRole('heading', { name: 'Mis organizaciones' }).waitFor();

    await focalPage.getByRole('link', { name: 'Français' }).click();
    await focalPage.waitForURL('**/fr/organisations');
    expect(await focalPage.locator('html').getAttribute('lang')).toBe('fr');
    await focalPage.getByRole('heading', { name: 'Mes organisations' }).waitFor();
    await focalPage.getByRole('link', { name: 'Accueil', exact: true }).click();
    await focalPage.waitForURL(/\/fr$/);
    await expectNoAxeViolations(focalPage);
    expect(await heading(focalPage)).toBe('Pathways pour les droits des travailleuses migrantes');

    await focalPage.getByRole('link', { name: 'English' }).click();
    await focalPage.waitForURL((url) => url.pathname === '/');
    expect(await focalPage.locator('html').getAttribute('lang')).toBe('en');

    // Pages that do not exist, or that the user may not see, answer a translated 404.
    await visit(focalPage, '/fr/organisations/00000000-0000-4000-8000-000000000000');
    expect(await heading(focalPage)).toBe('Page introuvable');
  });

  it('logs out from the account menu, and everywhere from the account page', async () => {
    await visit(focalPage, '/organisations');
    await focalPage.locator('summary').filter({ hasText: focal.name }).click();
    await focalPage.getByRole('button', { name: 'Log out' }).click();
    await focalPage.waitForURL((url) => url.pathname === '/');
    await focalPage.getByRole('link', { name: 'Log in', exact: true }).waitFor();

    await visit(joinerPage, '/account');
    await joinerPage.getByRole('button', { name: 'Log out everywhere' }).click();
    await joinerPage.waitForURL('**/login');
    await visit(joinerPage, '/organisations/new');
    expect(new URL(joinerPage.url()).pathname).toBe('/login');
  });

  it('keeps forms working without JavaScript, with the errors next to the fields', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await visit(page, '/register');
    await page.getByLabel('Name', { exact: true }).fill('No Script');
    await page.getByLabel('E-mail address').fill('not-an-e-mail');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForLoadState('load');
    await shows(page, 'There is a problem');

    const email = page.getByLabel('E-mail address');
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    const described = (await email.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`#${described}`).textContent()).toContain('Enter a valid e-mail address');
    const password = page.getByLabel('Password');
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    expect(await password.inputValue()).toBe('');
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('No Script');

    await visit(page, '/es/login');
    await page.getByLabel('Correo electrónico').fill(focal.email);
    await page.getByLabel('Contraseña').fill('not the password at all');
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await shows(page, 'La dirección de correo electrónico o la contraseña no son correctas.');
  });
});
