/**
 * The n8n editor in Chromium, with `npm run dev`'s setup (simulators, credentials, examples, owner):
 * add each node the way a user does, check the parameters they should see, open the credential
 * dialogs and check that the fields follow the authentication type. Screenshots of every panel go to
 * artifacts/ui/ (git-ignored); with N8N_UI_UPDATE_DOCS=1 the README's ones are also written to
 * docs/screenshots/.
 */
import fs from 'node:fs';
import path from 'node:path';

import type { Locator, Page } from 'playwright-core';

import { startDevInstance, type DevInstance } from '../support/dev-instance';
import { REPO_ROOT } from '../support/paths';
import { freePort } from '../support/process';
import { SECRETS } from '../support/simulators';
import { n8nVersion, runDir } from '../support';
import { openBrowser, type BrowserSession } from './browser';

const ARTIFACTS = path.join(REPO_ROOT, 'artifacts', 'ui');
const DOCS = path.join(REPO_ROOT, 'docs', 'screenshots');
/** The screenshots the README shows. */
const README_SHOTS = new Set([
	'example-person-left-company',
	'example-crm-to-email',
	'example-bounce-to-crm',
	'example-unsubscribe-to-crm',
	'example-consent-withdrawn-suppress',
	'example-nightly-reconcile',
	'superoffice-remove-members',
	'superoffice-remove-members-from-input-fields',
	'superoffice-selection-picker',
	'autosend-remove-contacts',
	'superoffice-credential-soticket',
	'superoffice-trigger',
	'superoffice-trigger-credential-choice',
]);

let dev: DevInstance;
let session: BrowserSession;
let page: Page;
const shots: string[] = [];

async function screenshot(name: string, target?: Locator): Promise<void> {
	fs.mkdirSync(ARTIFACTS, { recursive: true });
	const file = path.join(ARTIFACTS, `${name}.png`);
	// Let transitions and fonts settle; the editor animates panels in.
	await page.waitForTimeout(400);
	await (target ?? page).screenshot({ path: file });
	shots.push(file);
	if (process.env.N8N_UI_UPDATE_DOCS === '1' && README_SHOTS.has(name)) {
		fs.mkdirSync(DOCS, { recursive: true });
		fs.copyFileSync(file, path.join(DOCS, `${name}.png`));
	}
}

const byTestId = (id: string) => page.getByTestId(id);

/** Labels of the visible parameters in a node panel or credential dialog, in order. */
async function labels(scope: Locator): Promise<string[]> {
	const texts = await scope.locator('label.n8n-input-label').allInnerTexts();
	return texts
		.map((text) =>
			text
				.split('\n')[0]
				.replace(/\s*\*\s*$/, '')
				.trim(),
		)
		.filter(Boolean);
}

/** Polls a condition on this process's state (e.g. what a simulator received) for up to 30 s. */
async function until(condition: () => boolean, timeoutMs = 30_000): Promise<boolean> {
	for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
		if (condition()) return true;
		await page.waitForTimeout(250);
	}
	return condition();
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function visible(testId: string): Promise<boolean> {
	return await byTestId(testId).first().isVisible();
}

async function choose(selectTestId: string, option: string): Promise<void> {
	await byTestId(selectTestId).click();
	// An option's text may continue with its description ("Contact IDIdentify the contacts…").
	await page
		.getByRole('option')
		.filter({ hasText: new RegExp(`^${escapeRegExp(option)}`) })
		.first()
		.click();
}

async function addNode(search: string, action: string): Promise<Locator> {
	await byTestId('node-creator-plus-button').click();
	await byTestId('node-creator-search-bar').waitFor();
	await page.keyboard.type(search);
	await byTestId('node-creator-item-name')
		.filter({ hasText: new RegExp(`^${search}$`) })
		.first()
		.click();
	// With a trigger node for the same app, n8n lists its events first and may fold the actions away.
	const item = byTestId('node-creator-item-name').filter({ hasText: action });
	const actions = page.getByText(/^Actions \(\d+\)/).first();
	await item.or(actions).first().waitFor();
	if (!(await item.isVisible())) await actions.click();
	await item.click();
	const ndv = byTestId('ndv');
	await ndv.waitFor();
	await byTestId('node-parameters').waitFor();
	return ndv;
}

async function closeNdv(): Promise<void> {
	await byTestId('ndv-close-button').click();
	await byTestId('ndv').waitFor({ state: 'hidden' });
}

beforeAll(async () => {
	dev = await startDevInstance({
		version: n8nVersion(),
		parentDir: runDir(),
		tarball: process.env.N8N_E2E_TARBALL,
		port: await freePort(),
	});
	session = await openBrowser();
	page = session.page;
	page.setDefaultTimeout(30_000);

	await page.goto(`${dev.server.url}/signin`);
	await byTestId('emailOrLdapLoginId').locator('input').fill(dev.owner.email);
	await byTestId('password').locator('input').fill(dev.owner.password);
	await byTestId('form-submit-button').click();
	await page.waitForURL((url) => !url.pathname.includes('/signin'));
}, 300_000);

afterAll(async () => {
	await session?.close();
	await dev?.stop();
});

describe('the example workflow in the editor', () => {
	it('opens with its sticky notes and both community nodes', async () => {
		await page.goto(`${dev.server.url}/workflow/ExPersonLeft0001`);
		await byTestId('canvas-node').first().waitFor();
		const nodes = (await byTestId('canvas-node').allInnerTexts()).join('\n');
		expect(nodes).toContain('Remove from newsletter selection');
		expect(nodes).toContain('removeMembers: selection');
		expect(nodes).toContain('Remove from AutoSend newsletter');
		expect(nodes).toContain('removeContacts: contactList');
		const stickies = (await byTestId('sticky').allInnerTexts()).join('\n');
		expect(stickies).toContain('Person left the company');
		expect(stickies).toContain('SuperOffice › Selection › Remove Members');
		// A node type the editor does not know is drawn with a "?" and an install hint; ours are known.
		expect(await page.getByText('Install this node to use it').count()).toBe(0);
		await byTestId('zoom-to-fit').click();
		await screenshot('example-person-left-company');
	});

	it('runs from the editor and changes both systems', async () => {
		const removed = () =>
			dev.sims.so.requests.some(
				(r) => r.path === '/v1/Agents/Selection/RemoveContactSelectionMembers' && r.status === 204,
			) && dev.sims.as.requests.some((r) => r.path.endsWith('/contacts/remove') && r.status === 200);
		expect(removed()).toBe(false);
		await byTestId('execute-workflow-button').click();
		expect(await until(removed)).toBe(true);
		expect(dev.sims.so.memberCount(938)).toBe(2);
		await page.getByText('Workflow executed successfully').first().waitFor();
		await screenshot('example-person-left-company-executed');
	});
});

describe('the sync examples in the editor', () => {
	it.each([
		['crm-to-email', 'ExCrmToEmail0001', ['SuperOffice Trigger', 'upsert: contact', 'addContacts: contactList']],
		['bounce-to-crm', 'ExBounceToCrm001', ['AutoSend Trigger', 'registerBounce: person', 'removeMembers: selection']],
		['unsubscribe-to-crm', 'ExUnsubToCrm0001', ['AutoSend Trigger', 'removeConsent: person', 'removeMembers: selection']],
		['consent-withdrawn-suppress', 'ExConsentSupp001', ['SuperOffice Trigger', 'suppress: suppression']],
		['nightly-reconcile', 'ExNightlyRecon01', ['getMembers: selection', 'getContacts: contactList', 'Compare by email']],
	])('opens examples/%s.json with its sticky notes and known nodes', async (name, id, expected) => {
		await page.goto(`${dev.server.url}/workflow/${id}`);
		await byTestId('canvas-node').first().waitFor();
		const nodes = (await byTestId('canvas-node').allInnerTexts()).join('\n');
		for (const text of expected) expect(nodes).toContain(text);
		expect(await byTestId('sticky').count()).toBeGreaterThanOrEqual(3);
		expect(await page.getByText('Install this node to use it').count()).toBe(0);
		await byTestId('zoom-to-fit').click();
		await screenshot(`example-${name}`);
	});
});

describe('SuperOffice › Selection › Remove Members', () => {
	let ndv: Locator;

	beforeAll(async () => {
		await page.goto(`${dev.server.url}/workflow/new`);
		await byTestId('canvas-plus-button').waitFor();
		ndv = await addNode('SuperOffice', 'Remove members from selection');
	}, 120_000);

	it('shows credential, resource, operation, the selection picker, Contact ID, Person ID and Options', async () => {
		expect(await byTestId('parameter-input-resource').locator('input').inputValue()).toBe('Selection');
		expect(await byTestId('parameter-input-operation').locator('input').inputValue()).toBe('Remove Members');
		expect(await byTestId('credentials-label').innerText()).toContain('Credential');
		expect(await labels(ndv.getByTestId('node-parameters'))).toEqual(
			expect.arrayContaining(['Resource', 'Operation', 'Selection', 'Company (Contact) ID', 'Person ID', 'Options']),
		);
		for (const id of [
			'parameter-input-selectionId',
			'parameter-input-contactId',
			'parameter-input-personId',
			'collection-parameter-add',
		]) {
			expect(await visible(id)).toBe(true);
		}
		await screenshot('superoffice-remove-members', ndv);
	});

	it('offers the selection From List and By ID', async () => {
		await byTestId('rlc-mode-selector').click();
		const modes = await page.getByRole('option').allInnerTexts();
		expect(modes.map((m) => m.trim())).toEqual(expect.arrayContaining(['From list', 'By ID']));
		await screenshot('superoffice-selection-modes', ndv);
		await page.keyboard.press('Escape');
	});

	it("lists the tenant's selections from SuperOffice when the picker opens", async () => {
		const before = dev.sims.so.requests.length;
		await byTestId('rlc-input').click();
		await byTestId('rlc-item').first().waitFor();
		const items = await byTestId('rlc-item').allInnerTexts();
		expect(items.join('\n')).toContain('Newsletter subscribers');
		const searches = dev.sims.so.requests.slice(before);
		expect(searches.length).toBeGreaterThan(0);
		expect(searches.every((r) => r.method === 'GET' && r.status === 200)).toBe(true);
		await screenshot('superoffice-selection-picker', ndv);
		await page.keyboard.press('Escape');
	});

	it('offers the throughput options, and no Fields or Language for a removal that returns no records', async () => {
		await byTestId('collection-parameter-add').click();
		const options = (await page.getByRole('option').allInnerTexts()).map((o) => o.trim());
		expect(options).toEqual(
			expect.arrayContaining(['Batch Size', 'Combine Items', 'Combine Window (Ms)', 'Max Wait (Seconds)', 'Max Tries']),
		);
		expect(options).not.toContain('Fields');
		expect(options).not.toContain('Language');
		await screenshot('superoffice-options', ndv);
		await page.keyboard.press('Escape');
	});

	it('swaps Company (Contact) ID and Person ID for the names of input fields in From Input Fields mode', async () => {
		await choose('parameter-input-inputMode', 'From Input Fields');
		expect(await visible('parameter-input-contactIdField')).toBe(true);
		expect(await visible('parameter-input-personIdField')).toBe(true);
		expect(await visible('parameter-input-contactId')).toBe(false);
		expect(await visible('parameter-input-personId')).toBe(false);
		const fieldLabels = await labels(ndv.getByTestId('node-parameters'));
		expect(fieldLabels).toEqual(expect.arrayContaining(['Input Mode', 'Company (Contact) ID Field', 'Person ID Field']));
		await screenshot('superoffice-remove-members-from-input-fields', ndv);
		await choose('parameter-input-inputMode', 'Map Each Field');
		expect(await visible('parameter-input-contactId')).toBe(true);
	});

	describe('the SuperOffice API credential dialog', () => {
		let modal: Locator;

		beforeAll(async () => {
			await byTestId('node-credentials-select').click();
			await byTestId('node-credentials-select-item-new').click();
			modal = byTestId('editCredential-modal');
			await modal.waitFor();
		}, 60_000);

		it.each([
			[
				'Basic (Username and Password, Onsite)',
				'basic',
				['username', 'password', 'appToken'],
				['ticket', 'accessToken'],
			],
			['SOTicket (Ticket and App Token)', 'soticket', ['ticket', 'appToken'], ['username', 'password', 'accessToken']],
			['Bearer (Access Token, Online)', 'bearer', ['accessToken', 'appToken'], ['username', 'password', 'ticket']],
		])('with %s shows exactly that scheme’s fields', async (option, shot, shown, hidden) => {
			await choose('parameter-input-authentication', option);
			expect(await byTestId('parameter-input-authentication').locator('input').inputValue()).toBe(option);
			expect(await visible('parameter-input-webApiUrl')).toBe(true);
			for (const field of shown) expect([field, await visible(`parameter-input-${field}`)]).toEqual([field, true]);
			for (const field of hidden) expect([field, await visible(`parameter-input-${field}`)]).toEqual([field, false]);
			await screenshot(`superoffice-credential-${shot}`, modal);
		});

		it('saves a SOTicket credential and n8n tests it against SuperOffice (currentPrincipal)', async () => {
			const before = dev.sims.so.requests.length;
			await byTestId('parameter-input-webApiUrl').locator('input, textarea').first().fill(dev.sims.so.webApiUrl);
			await choose('parameter-input-authentication', 'SOTicket (Ticket and App Token)');
			await byTestId('parameter-input-ticket').locator('input').fill(SECRETS.superOffice.ticket);
			await byTestId('parameter-input-appToken').locator('input').fill(SECRETS.superOffice.appToken);
			await byTestId('credential-save-button').click();
			// n8n tests the credential on save; in 2.41 the dialog then closes and the node uses the new one.
			await until(() => dev.sims.so.requests.slice(before).some((r) => r.path === '/v1/User/currentPrincipal'));
			const tests = dev.sims.so.requests.slice(before);
			expect(tests.map((r) => `${r.method} ${r.path} ${r.status}`)).toContain('GET /v1/User/currentPrincipal 200');
			expect(tests.find((r) => r.path === '/v1/User/currentPrincipal')?.headers.authorization).toBe(
				`SOTicket ${SECRETS.superOffice.ticket}`,
			);
			await page
				.getByText('Credential successfully created')
				.or(modal.getByText('Connection tested successfully'))
				.first()
				.waitFor();
			await screenshot('superoffice-credential-saved');
			if (await modal.isVisible()) await modal.locator('.el-dialog__headerbtn, [aria-label="Close"]').first().click();
			await modal.waitFor({ state: 'hidden' });
			expect(await byTestId('node-credentials-select').locator('input').inputValue()).toBe('SuperOffice account 2');
		});
	});

	afterAll(async () => {
		if (await byTestId('ndv').isVisible()) await closeNdv();
	});
});

describe('AutoSend › Contact List › Remove Contacts', () => {
	let ndv: Locator;

	beforeAll(async () => {
		ndv = await addNode('AutoSend', 'Remove contacts from list');
	}, 120_000);

	it('shows credential, resource, operation, the list picker, Remove By, Emails and Options', async () => {
		expect(await byTestId('parameter-input-resource').locator('input').inputValue()).toBe('Contact List');
		expect(await byTestId('parameter-input-operation').locator('input').inputValue()).toBe('Remove Contacts');
		expect(await byTestId('credentials-label').innerText()).toContain('Credential');
		expect(await labels(ndv.getByTestId('node-parameters'))).toEqual(
			expect.arrayContaining(['Resource', 'Operation', 'Contact List', 'Remove By', 'Emails', 'Options']),
		);
		expect(await visible('parameter-input-contactListId')).toBe(true);
		expect(await visible('parameter-input-emails')).toBe(true);
		expect(await visible('parameter-input-contactIds')).toBe(false);
		await screenshot('autosend-remove-contacts', ndv);
	});

	it("offers the list From List and By ID, and lists the account's lists from AutoSend", async () => {
		await byTestId('rlc-mode-selector').click();
		const modes = (await page.getByRole('option').allInnerTexts()).map((m) => m.trim());
		expect(modes).toEqual(expect.arrayContaining(['From list', 'By ID']));
		await page.keyboard.press('Escape');
		const before = dev.sims.as.requests.length;
		await byTestId('rlc-input').click();
		await byTestId('rlc-item').first().waitFor();
		expect((await byTestId('rlc-item').allInnerTexts()).join('\n')).toContain('Newsletter');
		const requests = dev.sims.as.requests.slice(before);
		expect(requests.length).toBeGreaterThan(0);
		expect(requests[0].headers.authorization).toBe(`Bearer ${SECRETS.autoSendApiKey}`);
		await screenshot('autosend-list-picker', ndv);
		await page.keyboard.press('Escape');
	});

	it('switches Emails to Contact IDs with Remove By', async () => {
		await choose('parameter-input-removeBy', 'Contact ID');
		expect(await visible('parameter-input-contactIds')).toBe(true);
		expect(await visible('parameter-input-emails')).toBe(false);
		await screenshot('autosend-remove-by-contact-id', ndv);
		await choose('parameter-input-removeBy', 'Email');
		expect(await visible('parameter-input-emails')).toBe(true);
	});

	it('opens the AutoSend API credential dialog with API Key and Base URL', async () => {
		await byTestId('node-credentials-select').click();
		await byTestId('node-credentials-select-item-new').click();
		const modal = byTestId('editCredential-modal');
		await modal.waitFor();
		expect(await visible('parameter-input-apiKey')).toBe(true);
		expect(await visible('parameter-input-baseUrl')).toBe(true);
		expect(await byTestId('parameter-input-baseUrl').locator('input').inputValue()).toBe('https://api.autosend.com/v1');
		expect(await labels(modal)).toEqual(expect.arrayContaining(['API Key', 'Base URL']));
		await screenshot('autosend-credential', modal);
	});
});

describe('SuperOffice Trigger', () => {
	let ndv: Locator;

	beforeAll(async () => {
		await page.keyboard.press('Escape');
		await page.goto(`${dev.server.url}/workflow/new`);
		await byTestId('canvas-plus-button').waitFor();
		// n8n offers each of the trigger's events as its own entry, "On <event>".
		ndv = await addNode('SuperOffice', 'On person changed');
	}, 120_000);

	it('shows the credential, Events with the chosen event, and Fetch Full Record', async () => {
		expect(await labels(ndv.getByTestId('node-parameters'))).toEqual(
			expect.arrayContaining(['Credential', 'Events', 'Fetch Full Record']),
		);
		expect(await byTestId('parameter-input-events').innerText()).toMatch(/person changed/i);
		await screenshot('superoffice-trigger', ndv);
	});

	it('offers both SuperOffice credential types when creating a credential (the Authentication choice)', async () => {
		await byTestId('node-credentials-select').click();
		await byTestId('node-credentials-select-item-new').click();
		const modal = byTestId('editCredential-modal');
		await modal.waitFor();
		// n8n 2.41 shows the node's Authentication options as "Setup credential" modes.
		const mode = byTestId('credential-mode-dropdown-trigger');
		expect(await mode.innerText()).toMatch(/SuperOffice API \(Basic, SOTicket or Bearer\)/);
		await mode.click();
		await page.getByText('SuperOffice OAuth2 (Online)').first().waitFor();
		await screenshot('superoffice-trigger-credential-choice', modal);
		await page.keyboard.press('Escape');
		await page.keyboard.press('Escape');
	});
});

describe('the browser session', () => {
	it('loaded nothing from outside 127.0.0.1 and the editor threw no errors about the package', () => {
		// The editor asks the npm registry about installed community packages; that is blocked and harmless.
		const unexpected = session.blocked.filter(
			(url) => !url.startsWith('https://registry.npmjs.org/n8n-nodes-superoffice-autosend'),
		);
		expect(unexpected).toEqual([]);
		expect(session.pageErrors.filter((message) => /superoffice|autosend/i.test(message))).toEqual([]);
		expect(shots.length).toBeGreaterThanOrEqual(10);
	});
});
