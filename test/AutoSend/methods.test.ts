// The AutoSend node's pickers (From List) and dropdowns, run through n8n-core's load-options context.
import { startAutoSendSimulator } from '../simulators';
import { ENGAGED_SEGMENT, MARKETING_GROUP, NEWSLETTER } from '../support/autosend-operations';
import { autoSendCredential, harness, useSimulators } from '../support/package';

describe('AutoSend pickers and dropdowns', () => {
	const sim = useSimulators({ each: true });
	const search = async (method: string, filter?: string) =>
		await harness.listSearch({ nodeType: 'autoSend', method, credentials: autoSendCredential(sim.as), filter });
	const load = async (method: string) =>
		await harness.loadOptions({ nodeType: 'autoSend', method, credentials: autoSendCredential(sim.as) });

	it('offers for adding and removing only lists contacts can be put into: no All Contacts, no segments', async () => {
		const { results } = await search('searchContactLists');

		expect(sim.as.requests[0].query).toMatchObject({ type: 'list' });
		expect(results.map((r) => r.value)).toEqual([NEWSLETTER, '60d5ec49f1b2c72d9c8b4568', '60d5ec49f1b2c72d9c8b4569']);
	});

	it('offers every list and segment for Get Contacts, All Contacts included, filtered by name', async () => {
		const all = await search('searchAllContactLists');
		expect(all.results.map((r) => r.value)).toEqual(expect.arrayContaining(['GLOBAL_CONTACT_LIST', ENGAGED_SEGMENT]));
		expect(all.results.find((r) => r.value === ENGAGED_SEGMENT)?.name).toBe(
			'Engaged last 30 days (segment, 2 contacts)',
		);

		const engaged = await search('searchAllContactLists', 'ENGAGED');
		expect(engaged.results.map((r) => r.value)).toEqual([ENGAGED_SEGMENT]);
	});

	it('the Get Contacts locator names the picker that includes every list', async () => {
		const { AutoSend } = await import('../../nodes/AutoSend/AutoSend.node');
		const locators = new AutoSend().description.properties.filter((p) => p.name === 'contactListId');
		const methodOf = (operation: string) =>
			locators
				.find((p) => p.displayOptions?.show?.operation?.includes(operation))
				?.modes?.find((mode) => mode.name === 'list')?.typeOptions?.searchListMethod;
		expect(methodOf('getContacts')).toBe('searchAllContactLists');
		expect(['addContacts', 'removeContacts', 'delete'].map(methodOf)).toEqual([
			'searchContactLists',
			'searchContactLists',
			'searchContactLists',
		]);
	});

	it('reads the lists whether AutoSend calls the array lists or contacts', async () => {
		const older = await startAutoSendSimulator({ listsKey: 'contacts' });
		try {
			const { results } = await harness.listSearch({
				nodeType: 'autoSend',
				method: 'searchContactLists',
				credentials: autoSendCredential(older),
			});
			expect(results.map((r) => r.value)).toContain(NEWSLETTER);
		} finally {
			await older.close();
		}
	});

	it("lists the project's events, filtered by name", async () => {
		const all = await search('searchEvents');
		expect(all.results.map((r) => r.value)).toEqual(['signup_completed', 'order_completed']);
		expect((await search('searchEvents', 'ORDER')).results).toEqual([
			{ name: 'order_completed', value: 'order_completed', description: 'Fired when a customer completes a checkout' },
		]);
	});

	it('lists custom fields by name with their type', async () => {
		const options = await load('getCustomFields');
		expect(options.map((o) => o.value)).toEqual(['company', 'plan', 'renewalDate', 'seats', 'trial']);
		expect(options.find((o) => o.value === 'seats')?.description).toBe('Type: number');
	});

	it('lists the lists a contact can be put into', async () => {
		const options = await load('getContactLists');
		expect(options.map((o) => o.name)).toEqual(['Newsletter', 'Customers', 'Webinar attendees']);
	});

	it('lists suppression groups, global ones included, by the ID AutoSend takes', async () => {
		const options = await load('getSuppressionGroups');
		expect(sim.as.requests[0].query).toEqual({ includeGlobal: 'true' });
		expect(options.map((o) => [o.name, o.value])).toEqual([
			['Marketing Unsubscribes', MARKETING_GROUP],
			['Bounced Addresses (global)', 'B43YU'],
		]);
	});
});
