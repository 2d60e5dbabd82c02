import { test, expect, screenshot } from './fixtures';

/**
 * The foundation journey in Chromium against a real browser-mode server on a fresh data
 * directory: first-run setup → login → add a user → the custody log shows those entries →
 * Verify reports OK. Every wait is on something the app shows, never a sleep.
 */
test('first-run setup, login, add a user, custody log, verify', async ({ page, workstation }, info) => {
  test.setTimeout(180_000);
  await page.goto(workstation.url);

  // Setup wizard: agency → administrator → confirm.
  await expect(page.getByTestId('setup-agency-form')).toBeVisible();
  await page.getByTestId('setup-agency-name').fill('示范市综合行政执法局');
  await page.getByTestId('setup-credit-code').fill('11110000MB0000000X');
  await page.getByTestId('setup-address').fill('示范市人民路 1 号');
  await page.getByTestId('setup-phone').fill('010-12345678');
  await screenshot(page, info, '01-setup-agency');
  await page.getByTestId('setup-next-agency').click();
  await page.getByTestId('setup-admin-login').fill('admin');
  await page.getByTestId('setup-admin-name').fill('系统管理员');
  await page.getByTestId('setup-admin-password').fill('admin-pass-2026');
  await page.getByTestId('setup-admin-confirm').fill('admin-pass-2026');
  await screenshot(page, info, '02-setup-admin');
  await page.getByTestId('setup-next-admin').click();
  await expect(page.getByTestId('setup-confirm-form')).toBeVisible();
  await screenshot(page, info, '03-setup-confirm');
  await page.getByTestId('setup-submit').click();

  // Login: a wrong password first, then the right one.
  await expect(page.getByTestId('login-form')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('login-login').fill('admin');
  await page.getByTestId('login-password').fill('not-the-password');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toHaveAttribute('data-code', 'WRONG_PASSWORD');
  await screenshot(page, info, '04-login-wrong-password');
  await page.getByTestId('login-password').fill('admin-pass-2026');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('header-user')).toContainText('系统管理员');
  await expect(page.getByTestId('header-short-root')).toHaveText(/[0-9a-f]{16}/);

  // Admin → users: add a clerk.
  await page.getByTestId('nav-admin').click();
  await expect(page.getByTestId('users-table')).toBeVisible();
  await page.getByTestId('add-user-button').click();
  await page.getByTestId('add-user-login').fill('clerk1');
  await page.getByTestId('add-user-name').fill('李证据');
  await page.getByTestId('add-user-role').click();
  await page.getByTestId('role-option-clerk').click();
  await page.getByTestId('add-user-password').fill('clerk-pass-2026');
  await page.getByTestId('add-user-confirm').fill('clerk-pass-2026');
  await screenshot(page, info, '05-add-user');
  await page.getByTestId('add-user-submit').click();
  await expect(page.getByTestId('user-row-clerk1')).toBeVisible({ timeout: 60_000 });
  await screenshot(page, info, '06-users');
  await page.getByTestId('admin-tab-roles').click();
  await expect(page.getByTestId('roles-table')).toBeVisible();
  await screenshot(page, info, '07-roles');

  // Admin → officers and devices: the registries a clerk picks from when a camera is not recognised.
  await page.getByTestId('admin-tab-officers').click();
  await page.getByTestId('officer-add').click();
  await page.getByTestId('officer-code').fill('010001');
  await page.getByTestId('officer-name').fill('张执法');
  await page.getByTestId('officer-unit').fill('第一执法中队');
  await page.getByTestId('officer-submit').click();
  await expect(page.getByTestId('officer-row-010001')).toContainText('张执法');
  await page.getByTestId('officer-edit-010001').click();
  await page.getByTestId('officer-unit').fill('第二执法中队');
  await page.getByTestId('officer-submit').click();
  await expect(page.getByTestId('officer-row-010001')).toContainText('第二执法中队');
  await screenshot(page, info, '07a-officers');
  await page.getByTestId('admin-tab-devices').click();
  await page.getByTestId('device-add').click();
  await page.getByTestId('device-serial').fill('DSJ-A8-000777');
  await page.getByTestId('device-model').fill('DSJ-A8');
  await page.getByTestId('device-officer').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '010001 张执法' }).click();
  await page.getByTestId('device-submit').click();
  await expect(page.getByTestId('device-row-DSJ-A8-000777')).toContainText('010001 张执法');
  await screenshot(page, info, '07b-devices');

  // Custody log: the set-up, the failed and successful logins, the new user and officer are there.
  await page.getByTestId('nav-custody').click();
  const table = page.getByTestId('custody-table');
  await expect(table).toContainText('user.add');
  await expect(table).toContainText('agency.init');
  await expect(table).toContainText('auth.login.failed');
  await expect(table).toContainText('device.add');
  await expect(page.locator('.ant-spin-blur')).toHaveCount(0);
  await screenshot(page, info, '08-custody-log');

  // An entry's exact bytes and its inclusion proof, verified.
  await page.locator('[data-testid^="custody-open-"]').first().click();
  await expect(page.getByTestId('custody-entry-drawer')).toBeVisible();
  await expect(page.getByTestId('entry-text')).toContainText('"action"');
  await expect(page.getByTestId('proof-verified')).toBeVisible();
  await screenshot(page, info, '09-custody-entry');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('custody-entry-drawer')).toBeHidden();

  // Verify: progress, then a clear OK.
  await page.getByTestId('verify-button').click();
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-status', 'ok', { timeout: 60_000 });
  await screenshot(page, info, '10-verify-ok');

  // Checkpoints tab.
  await page.getByTestId('custody-tab-checkpoints').click();
  await expect(page.getByTestId('checkpoints-table')).toBeVisible();
  await screenshot(page, info, '11-checkpoints');

  // The administrator does not handle evidence: Dock is not theirs.
  await expect(page.getByTestId('nav-dock')).toHaveAttribute('data-disabled', 'true');

  // The new clerk signs in: user administration is not theirs; the Dock is.
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await expect(page.getByTestId('login-form')).toBeVisible();
  await page.getByTestId('login-login').fill('clerk1');
  await page.getByTestId('login-password').fill('clerk-pass-2026');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('header-user')).toContainText('李证据');
  await expect(page.getByTestId('nav-admin')).toHaveAttribute('data-disabled', 'true');
  await page.getByTestId('nav-dock').click();
  await expect(page.getByTestId('dock-screen')).toBeVisible();
  await screenshot(page, info, '12-clerk-dock');
});
