import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import {
	addContactsParameters,
	CUSTOMERS,
	ENGAGED_SEGMENT,
	JANE,
	JOHN,
	NEWSLETTER,
	QUICK,
	requestsTo,
	runAutoSend,
	SUPPRESSED,
} from '../../support/autosend-operations';
import { useSimulators } from '../../support/package';

const BULK_ADD = '/contact-lists/contacts/bulk-add';

describe('AutoSend › Contact List › Add Contacts', () => {
	const sim = useSimulators({ each: true });
	const run = async (
		items: object[],
		extra: Record<string, unknown> = {},
		listId: unknown = CUSTOMERS,
		onError?: 'continueRegularOutput',
	) => await runAutoSend(sim.as, addContactsParameters(listId, { options: QUICK, ...extra }), items, onError);

	it('adds an existing contact by email and says it was added', async () => {
		const result = await run([{ emails: 'Jane@Example.com' }]);

		expect(requestsTo(sim.as, BULK_ADD).map((r) => r.body)).toEqual([
			{ contactListId: CUSTOMERS, emails: [JANE.email] },
		]);
		expect(result.items).toEqual([
			{
				json: {
					success: true,
					contactListId: CUSTOMERS,
					emails: [JANE.email],
					results: [{ email: JANE.email, status: 'added' }],
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(sim.as.listMembers(CUSTOMERS)).toContain(JANE.email);
	});

	it('creates contacts for unknown addresses and says so', async () => {
		const result = await run([{ emails: 'fresh@example.com' }]);

		expect(result.items[0].json.results).toEqual([{ email: 'fresh@example.com', status: 'created' }]);
		expect(sim.as.listMembers(CUSTOMERS)).toContain('fresh@example.com');
	});

	it('a contact already in the list is the state asked for: success, flagged alreadyInList', async () => {
		const result = await run([{ emails: JOHN.email }]);

		expect(result.error).toBeUndefined();
		expect(result.items[0].json.results).toEqual([{ email: JOHN.email, status: 'alreadyInList' }]);
	});

	it('says only "inList" when a combined request mixes added, created and already there (AutoSend counts totals)', async () => {
		const result = await run([{ emails: JANE.email }, { emails: 'fresh@example.com' }, { emails: JOHN.email }]);

		expect(requestsTo(sim.as, BULK_ADD)).toHaveLength(1);
		expect(result.items.map((item) => item.json.results)).toEqual([
			[{ email: JANE.email, status: 'inList' }],
			[{ email: 'fresh@example.com', status: 'inList' }],
			[{ email: JOHN.email, status: 'inList' }],
		]);
	});

	it('combines many items into requests of at most 100 addresses, each item paired', async () => {
		const items = Array.from({ length: 250 }, (_, i) => ({ emails: `person${i}@example.com` }));
		const result = await run(items);

		expect(requestsTo(sim.as, BULK_ADD).map((r) => (r.body as { emails: string[] }).emails.length)).toEqual([
			100, 100, 50,
		]);
		expect(result.items).toHaveLength(250);
		expect(result.items[249]).toEqual({
			json: expect.objectContaining({
				emails: ['person249@example.com'],
				results: [{ email: 'person249@example.com', status: 'created' }],
			}),
			pairedItem: { item: 249 },
		});
		expect(sim.as.listMembers(CUSTOMERS)).toHaveLength(253);
	});

	it('with Combine Items off, sends one request per item', async () => {
		await run([{ emails: JANE.email }, { emails: 'fresh@example.com' }], { options: { ...QUICK, combine: false } });

		expect(requestsTo(sim.as, BULK_ADD)).toHaveLength(2);
	});

	it('adds by contact ID and fails only the item whose ID AutoSend does not know', async () => {
		const result = await run(
			[{ ids: JANE.id }, { ids: `${JOHN.id}, 60d5ec49f1b2c72d9c8b0000` }],
			{ addBy: 'contactId', emails: undefined, contactIds: '={{ $json.ids }}' },
			NEWSLETTER,
			'continueRegularOutput',
		);

		expect(requestsTo(sim.as, BULK_ADD)[0].body).toEqual({
			contactListId: NEWSLETTER,
			contactIds: [JANE.id, JOHN.id, '60d5ec49f1b2c72d9c8b0000'],
		});
		expect(result.items[0].json).toEqual({
			success: true,
			contactListId: NEWSLETTER,
			contactIds: [JANE.id],
			results: [{ contactId: JANE.id, status: 'alreadyInList' }],
		});
		expect(result.items[1].json.error).toContain('(60d5ec49f1b2c72d9c8b0000): Contact not found');
		expect(result.items[1].json.error).toContain(`Done: ${JOHN.id}. Not done: 60d5ec49f1b2c72d9c8b0000.`);
	});

	it('fails an item whose address is suppressed, saying it was not added, and keeps the others', async () => {
		const result = await run([{ emails: SUPPRESSED }, { emails: JANE.email }], {}, CUSTOMERS, 'continueRegularOutput');

		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.items[0].json.error).toContain(
			`AutoSend could not add contacts to list ${CUSTOMERS} (${SUPPRESSED}): the address is suppressed in AutoSend`,
		);
		expect(result.items[1].json.results).toEqual([{ email: JANE.email, status: 'added' }]);
		expect(sim.as.listMembers(CUSTOMERS)).not.toContain(SUPPRESSED);
	});

	it("fails an item whose address AutoSend's validation calls invalid", async () => {
		sim.as.injectFault({
			match: { path: BULK_ADD },
			status: 200,
			body: {
				success: true,
				data: {
					added: 0,
					created: 0,
					alreadyInList: 0,
					errors: [],
					validation: {
						valid: [],
						invalid: [{ email: 'x@typo.example.com', status: 'invalid', reason: 'No MX record' }],
						suppressed: [],
					},
				},
			},
		});
		const result = await run([{ emails: 'x@typo.example.com' }]);

		expect(result.error?.message).toContain('AutoSend found the address invalid (No MX record)');
	});

	it("refuses a segment with AutoSend's message", async () => {
		const result = await run([{ emails: JANE.email }], {}, ENGAGED_SEGMENT);

		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.message).toContain('Contacts cannot be added to a segment');
		expect(result.error?.description).toContain('lists only');
	});

	it.each([
		['GLOBAL_CONTACT_LIST', 'GLOBAL_CONTACT_LIST', 'Contacts cannot be added to GLOBAL_CONTACT_LIST'],
		['a list ID with ..', '..', 'Contact List ".." is not an AutoSend ID'],
	])('refuses %s before calling AutoSend', async (_case, listId, message) => {
		const result = await run([{ emails: JANE.email }], {}, listId);

		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toContain(message);
		expect(sim.as.requests).toHaveLength(0);
	});

	it('refuses email addresses given as contact IDs, pointing at Add By', async () => {
		const result = await run([{ ids: JANE.email }], {
			addBy: 'contactId',
			emails: undefined,
			contactIds: '={{ $json.ids }}',
		});

		expect(result.error?.message).toBe(`Contact IDs contains the email address "${JANE.email}" [item 0]`);
		expect(result.error?.description).toContain('Set Add By to Email');
		expect(sim.as.requests).toHaveLength(0);
	});
});
