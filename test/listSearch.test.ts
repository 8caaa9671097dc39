// The resource-locator pickers ("From List"), run through n8n-core's load-options context.
import { autoSendCredential, harness, superOfficeCredential, useSimulators } from './support/package';

describe('pickers', () => {
	const sims = useSimulators();

	it("lists the tenant's selections by name, filtered on the server", async () => {
		const all = await harness.listSearch({
			nodeType: 'superOffice',
			method: 'searchSelections',
			credentials: superOfficeCredential(sims.so, 'bearer'),
		});
		expect(all.results.map((r) => r.value)).toEqual(expect.arrayContaining(['938', '939', '940']));

		sims.so.resetRequests();
		const filtered = await harness.listSearch({
			nodeType: 'superOffice',
			method: 'searchSelections',
			credentials: superOfficeCredential(sims.so, 'bearer'),
			filter: "news'",
		});
		expect(sims.so.requests[0].query.$filter).toBe("name contains 'news'''");
		expect(filtered.results).toEqual([]);

		const news = await harness.listSearch({
			nodeType: 'superOffice',
			method: 'searchSelections',
			credentials: superOfficeCredential(sims.so, 'bearer'),
			filter: 'news',
		});
		expect(news.results).toEqual([
			{ name: expect.stringMatching(/^Newsletter subscribers \(static, \d+ members\)$/), value: '938' },
		]);
	});

	it('pages through selections with the pagination token', async () => {
		for (let i = 0; i < 60; i++) sims.so.addSelection({ name: `Campaign ${String(i).padStart(2, '0')}` });
		const first = await harness.listSearch({
			nodeType: 'superOffice',
			method: 'searchSelections',
			credentials: superOfficeCredential(sims.so),
			filter: 'Campaign',
		});
		const second = await harness.listSearch({
			nodeType: 'superOffice',
			method: 'searchSelections',
			credentials: superOfficeCredential(sims.so),
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
			credentials: autoSendCredential(sims.as),
		});
		expect(all.results.length).toBeGreaterThan(1);
		expect(all.results.map((r) => r.value)).not.toContain('GLOBAL_CONTACT_LIST');

		const newsletter = await harness.listSearch({
			nodeType: 'autoSend',
			method: 'searchContactLists',
			credentials: autoSendCredential(sims.as),
			filter: 'NEWS',
		});
		expect(newsletter.results).toEqual([
			{ name: expect.stringMatching(/^Newsletter \(\d+ contacts\)$/), value: '60d5ec49f1b2c72d9c8b4567' },
		]);
	});
});
