/**
 * The founder's application form as the e2e tests fill it (apply.test.ts, edition-journey.test.ts):
 * the startup section started from the edition's page, then one section after another.
 */
import type { Locator, Page } from 'playwright-core';
import { hydrated } from './fixtures';

export const main = (page: Page): Locator => page.locator('main');

/**
 * From /apply/:year: "Start your application", then the startup section's name, country and theme
 * filled (not saved). Returns the section's form.
 */
export async function startApplication(page: Page, year: number, startup: { name: string; theme: string }): Promise<Locator> {
  await main(page).getByRole('link', { name: 'Start your application' }).click();
  await page.waitForURL((u) => u.pathname === `/apply/${year}/startup`);
  await hydrated(page);
  const form = main(page).locator('form.section-form');
  await form.getByLabel('Startup name').fill(startup.name);
  await form.getByLabel('Country').selectOption('FR');
  await form.getByRole('radio', { name: startup.theme }).check();
  return form;
}

/** Fills a section's fields by label, saves it with `button`, and waits for the page it leads to. */
export async function fillAndSave(
  page: Page,
  fields: Record<string, string>,
  next: string,
  button: 'Save and continue' | 'Save and go to the review' = 'Save and continue',
): Promise<void> {
  await hydrated(page);
  for (const [label, value] of Object.entries(fields)) await main(page).getByLabel(label).fill(value);
  await main(page).getByRole('button', { name: button }).click();
  await page.waitForURL((u) => u.pathname === next);
}
