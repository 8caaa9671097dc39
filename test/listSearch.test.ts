// The resource-locator pickers ("From List"), run through n8n-core's load-options context.
import { shutdownHarness } from './harness';
import type { AutoSendSimulator, SuperOfficeSimulator } from './simulators';
import { startAutoSendSimulator, startSuperOfficeSimulator } from './simulators';
import { autoSendCredential, harness, superOfficeCredential } from './support/package';

describe('pickers', () => {
	let so: SuperOfficeSimulator;
	let as: AutoSendSimulator;

	beforeAll(async () => {
		[so, as] = await Promise.all([startSuperOfficeSimulator(), startAutoSendSimulator()]);
	});
	afterAll(async () => {
		await Promise.all([so.close(), as.close()]);
		await shutdownHarness();
	});

	it("lists the tenant's selections by name, filtered on the server", async () => {
		const all = await harness.listSearch({
			nodeType: 'superOffice',
			method: 'searchSelections',
			credentials: superOfficeCredential(so, 'bearer'),
		});
		expect(all.results.map((r) => r.value)).toEqual(expect.arrayContaining(['938', '939', '940']));

		so.resetRequests();
		const filtered = await harness.listSearch({
			nodeType: 'superOffice',
			method: 'searchSelections',
			credentials: superOfficeCredential(so, 'bearer'),
			filter: "news'",
		});
		expect(so.requests[0].query.$filter).toBe("name contains 'news'''");
		expect(filtered.results).toEqual([]);

		const news = await harness.listSearch({
			nodeType: 'superOffice',
			method: 'searchSelections',
			credentials: superOfficeCredential(so, 'bearer'),
			filter: 'news',
		});
		expect(news.results).toEqual([
			{ name: expect.stringMatching(/^Newsletter subscribers \(static, \d+ members\)$/), value: '938' },
		]);
	});

	it('pages through selections with the pagination token', async () => {
		for (let i = 0; i < 60; i++) so.addSelection({ name: `Campaign ${String(i).padStart(2, '0')}` });
		const first = await harness.listSearch({
			nodeType: 'superOffice',
			method: 'searchSelections',
			credentials: superOfficeCredential(so),
			filter: 'Campaign',
		});
		const second = await harness.listSearch({
			nodeType: 'superOffice',
			method: 'searchSelections',
			credentials: superOfficeCredential(so),
			filter: 'Campaign',
			paginationToken: first.paginationToken as string,
		});

		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('50');
		expect(second.results).toHaveLength(10);
		expect(second.paginationToken).toBeUndefined();
	});

	it('lists AutoSend contact lists without GLOBAL_CONTACT_LIST, filtered by name', async () => {
		const all = await harness.listSearch({
			nodeType: 'autoSend',
			method: 'searchContactLists',
			credentials: autoSendCredential(as),
		});
		expect(all.results.length).toBeGreaterThan(1);
		expect(all.results.map((r) => r.value)).not.toContain('GLOBAL_CONTACT_LIST');

		const newsletter = await harness.listSearch({
			nodeType: 'autoSend',
			method: 'searchContactLists',
			credentials: autoSendCredential(as),
			filter: 'NEWS',
		});
		expect(newsletter.results).toEqual([
			{ name: expect.stringMatching(/^Newsletter \(\d+ contacts\)$/), value: '60d5ec49f1b2c72d9c8b4567' },
		]);
	});
});
