import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { CUSTOMERS, JANE, QUICK, requestsTo, runAutoSend, upsertParameters } from '../../support/autosend-operations';
import { useSimulators } from '../../support/package';

describe('AutoSend › Contact › Create or Update', () => {
	const sim = useSimulators({ each: true });
	const run = async (items: object[], extra: Record<string, unknown> = {}, onError?: 'continueRegularOutput') =>
		await runAutoSend(sim.as, upsertParameters({ options: QUICK, ...extra }), items, onError);

	it("creates a contact with names, user ID and custom fields, and outputs AutoSend's record", async () => {
		const result = await run([{ email: 'Ada@Example.com' }], {
			firstName: 'Ada',
			lastName: 'Lovelace',
			additionalFields: {
				userId: 'user_1815',
				customFields: { field: [{ name: 'seats', value: '5' }] },
				customFieldsJson: '{"plan": "pro", "seats": 1}',
			},
		});

		expect(result.error).toBeUndefined();
		expect(requestsTo(sim.as, '/contacts/email').map((r) => r.body)).toEqual([
			{
				email: 'ada@example.com',
				firstName: 'Ada',
				lastName: 'Lovelace',
				userId: 'user_1815',
				customFields: { plan: 'pro', seats: '5' },
			},
		]);
		expect(result.items[0].json).toMatchObject({
			success: true,
			id: expect.stringMatching(/^[0-9a-f]{24}$/),
			email: 'ada@example.com',
			customFields: { plan: 'pro', seats: 5 },
		});
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	it('updates the contact that has the address, keeping its ID', async () => {
		const result = await run([{ email: JANE.email }], { lastName: 'Smith-Doe' });

		expect(result.items[0].json).toMatchObject({ id: JANE.id, firstName: 'Jane', lastName: 'Smith-Doe' });
		expect(sim.as.state.contacts.get(JANE.id)?.lastName).toBe('Smith-Doe');
	});

	it('setting the values a contact already has succeeds, as the state asked for', async () => {
		await run([{ email: JANE.email }], { firstName: 'Jane' });
		const again = await run([{ email: JANE.email }], { firstName: 'Jane' });

		expect(again.error).toBeUndefined();
		expect(again.items[0].json).toMatchObject({ success: true, id: JANE.id, firstName: 'Jane' });
	});

	it('combines items into bulk-update requests of at most 100 contacts, each item paired to its output', async () => {
		const items = Array.from({ length: 150 }, (_, i) => ({ email: `person${i}@example.com`, name: `P${i}` }));
		const result = await run(items, { firstName: '={{ $json.name }}' });

		const bulk = requestsTo(sim.as, '/contacts/bulk-update');
		expect(bulk.map((r) => (r.body as { contacts: unknown[] }).contacts.length)).toEqual([100, 50]);
		expect(bulk[0].body).toMatchObject({
			runWorkflow: false,
			contacts: expect.arrayContaining([{ email: 'person0@example.com', firstName: 'P0' }]),
		});
		expect(requestsTo(sim.as, '/contacts/email')).toHaveLength(0);
		expect(result.items).toHaveLength(150);
		// bulk-update answers with counts only: each output is the contact as sent.
		expect(result.items[149]).toEqual({
			json: { success: true, email: 'person149@example.com', firstName: 'P149' },
			pairedItem: { item: 149 },
		});
		expect(sim.as.state.contactIdsByEmail.has('person149@example.com')).toBe(true);
	});

	it('when bulk-update counts failures without naming them, sends those contacts one by one so each item learns its own outcome', async () => {
		const result = await run(
			[
				{ email: 'ok1@example.com', seats: '3' },
				{ email: 'bad@example.com', seats: 'many' },
				{ email: 'ok2@example.com', seats: '4' },
			],
			{ additionalFields: { customFields: { field: [{ name: 'seats', value: '={{ $json.seats }}' }] } } },
			'continueRegularOutput',
		);

		expect(sim.as.requests.map((r) => `${r.path} ${r.status}`)).toEqual([
			'/contacts/bulk-update 200',
			'/contacts/email 200',
			'/contacts/email 400',
			'/contacts/email 200',
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[0].json).toMatchObject({ success: true, email: 'ok1@example.com', customFields: { seats: 3 } });
		expect(Object.keys(result.items[1].json)).toEqual(['error']);
		expect(result.items[1].json.error).toContain('(bad@example.com): Validation failed');
		expect(result.items[1].json.error).toContain('HTTP 400');
		expect(result.items[2].json).toMatchObject({ success: true, email: 'ok2@example.com' });
	});

	it('with Run Workflows, uses bulk-update (which starts the workflows) even for one contact', async () => {
		const result = await run([{ email: JANE.email }], { additionalFields: { runWorkflow: true } });

		expect(requestsTo(sim.as, '/contacts/bulk-update')[0].body).toEqual({
			contacts: [{ email: JANE.email }],
			runWorkflow: true,
		});
		expect(sim.as.state.workflowRuns).toEqual([JANE.email]);
		expect(result.items[0].json).toEqual({ success: true, email: JANE.email });
	});

	it('never repeats a bulk update that starts workflows when its answer is lost, and says it may have happened', async () => {
		sim.as.injectFault({ match: { path: '/contacts/bulk-update' }, kind: 'appliedThenHang' });
		const result = await run([{ email: JANE.email }], {
			additionalFields: { runWorkflow: true },
			options: { ...QUICK, timeout: 300, maxTries: 3 },
		});

		expect(requestsTo(sim.as, '/contacts/bulk-update')).toHaveLength(1);
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.message).toContain('AutoSend did not confirm whether it could create or update 1 contact');
		expect(result.error?.description).toContain('it was not sent again');
	});

	it('puts a contact into lists by ID through POST /contacts/email (bulk-update takes no list IDs)', async () => {
		const result = await run([{ email: 'new@example.com' }, { email: JANE.email }], {
			additionalFields: { listIds: [CUSTOMERS] },
		});

		expect(requestsTo(sim.as, '/contacts/email').map((r) => r.body)).toEqual([
			{ email: 'new@example.com', listIds: [CUSTOMERS] },
			{ email: JANE.email, listIds: [CUSTOMERS] },
		]);
		expect(sim.as.listMembers(CUSTOMERS)).toEqual(expect.arrayContaining(['new@example.com', JANE.email]));
		expect(result.items.map((item) => item.json.listIds)).toEqual([[CUSTOMERS], expect.arrayContaining([CUSTOMERS])]);
	});

	it("fails an item whose custom field AutoSend does not know, with AutoSend's message", async () => {
		const result = await run([{ email: JANE.email }], { additionalFields: { customFieldsJson: { shoeSize: 44 } } });

		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.message).toContain('Validation failed');
	});

	it.each([
		['an address that is not one', { email: 'jane@' }, {}, 'Email is "jane@", which is not one email address'],
		['two addresses', { email: 'a@example.com, b@example.com' }, {}, 'not one email address'],
		[
			'invalid custom fields JSON',
			{ email: JANE.email },
			{ additionalFields: { customFieldsJson: '{plan:' } },
			'Custom Fields (JSON) is not valid JSON',
		],
		[
			'a custom field that is an object',
			{ email: JANE.email },
			{ additionalFields: { customFieldsJson: { plan: { a: 1 } } } },
			'must be text, a number',
		],
		[
			'a reserved field as custom field',
			{ email: JANE.email },
			{ additionalFields: { customFieldsJson: { firstName: 'X' } } },
			'reserved contact fields',
		],
		[
			'All Contacts in List IDs',
			{ email: JANE.email },
			{ additionalFields: { listIds: ['GLOBAL_CONTACT_LIST'] } },
			'List IDs contains GLOBAL_CONTACT_LIST',
		],
		[
			'List IDs with Run Workflows',
			{ email: JANE.email },
			{ additionalFields: { listIds: [CUSTOMERS], runWorkflow: true } },
			'Run Workflows cannot be combined with List IDs',
		],
	])('refuses %s before calling AutoSend', async (_case, item, extra, message) => {
		const result = await run([item], extra);

		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toContain(message);
		expect(result.error?.message).toContain('[item 0]');
		expect(sim.as.requests).toHaveLength(0);
	});
});
