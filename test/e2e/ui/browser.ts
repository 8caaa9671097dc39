/**
 * Debian's Chromium driven by playwright-core (Playwright's own browser download cannot work here):
 * headless, a fresh profile, and every request that is not for 127.0.0.1 aborted and recorded.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { chromium, selectors, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export interface BrowserSession {
	context: BrowserContext;
	page: Page;
	/** URLs the page tried to load outside 127.0.0.1 (aborted). */
	blocked: string[];
	/** Errors the page logged to the console or threw. */
	pageErrors: string[];
	close(): Promise<void>;
}

export async function openBrowser(): Promise<BrowserSession> {
	if (!fs.existsSync(CHROMIUM)) {
		throw new Error(
			`${CHROMIUM} not found: install Debian's Chromium (apt-get install -y chromium) or set CHROMIUM_PATH`,
		);
	}
	// n8n's editor marks its elements with data-test-id.
	selectors.setTestIdAttribute('data-test-id');
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-ui-chromium-'));
	// A fresh --user-data-dir, which Playwright takes as launchPersistentContext's first argument.
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		viewport: { width: 1440, height: 900 },
		locale: 'en-US',
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	const blocked: string[] = [];
	await context.route('**/*', async (route) => {
		const url = new URL(route.request().url());
		if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') {
			await route.continue();
			return;
		}
		blocked.push(url.href);
		await route.abort();
	});
	const page = context.pages()[0] ?? (await context.newPage());
	const pageErrors: string[] = [];
	page.on('pageerror', (error) => pageErrors.push(error.message));
	return {
		context,
		page,
		blocked,
		pageErrors,
		close: async () => {
			await context.close();
			fs.rmSync(profile, { recursive: true, force: true });
		},
	};
}
