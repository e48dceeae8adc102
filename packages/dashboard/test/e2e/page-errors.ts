// Collects what should never happen on a page: uncaught exceptions and Content-Security-Policy violations.
import type { Page } from 'playwright-core';

export function watchForErrors(page: Page, problems: string[]): void {
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy|Refused to/i.test(message.text())) problems.push(`csp: ${message.text()}`);
  });
}
