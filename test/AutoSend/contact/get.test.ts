import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { getContactParameters, JANE, JOHN, QUICK, requestsTo, runAutoSend } from '../../support/autosend-operations';
import { useSimulators } from '../../support/package';

describe('AutoSend › Contact › Get', () => {
	const sim = useSimulators({ each: true });
	const run = async (by: 'id' | 'email', items: object[], onError?: 'continueRegularOutput', options = {}) =>
		await runAutoSend(sim.as, getContactParameters(by, { options: { ...QUICK, ...options } }), items, onError);

	it("gets a contact by ID and outputs AutoSend's record", async () => {
		const result = await run('id', [{ contactId: JANE.id }]);

		expect(sim.as.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /contacts/${JANE.id}`]);
		expect(result.items).toEqual([
			{
				json: expect.objectContaining({ id: JANE.id, email: JANE.email, firstName: 'Jane', lastName: 'Doe' }),
				pairedItem: { item: 0 },
			},
		]);
	});

	it("fails an unknown ID with AutoSend's message and what to check", async () => {
		const result = await run('id', [{ contactId: '60d5ec49f1b2c72d9c8b0000' }]);

		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toBe(
			'AutoSend could not get contact 60d5ec49f1b2c72d9c8b0000: Contact not found (CONTACT_NOT_FOUND) [item 0]',
		);
		expect(result.error?.description).toContain('No contact has this ID');
	});

	it('gets contacts by email with one search for all items, each output paired to its item', async () => {
		const result = await run('email', [{ email: 'JOHN@example.com' }, { email: JANE.email }]);

		expect(requestsTo(sim.as, '/contacts/search/emails').map((r) => r.body)).toEqual([
			{ emails: [JOHN.email, JANE.email] },
		]);
		expect(result.items.map((item) => [item.json.id, item.pairedItem])).toEqual([
			[JOHN.id, { item: 0 }],
			[JANE.id, { item: 1 }],
		]);
	});

	it('searches at most 100 addresses per request', async () => {
		const items = Array.from({ length: 250 }, (_, i) => ({ email: `nobody${i}@example.com` }));
		await run('email', items, 'continueRegularOutput');

		const searches = requestsTo(sim.as, '/contacts/search/emails');
		expect(searches.map((r) => (r.body as { emails: string[] }).emails.length)).toEqual([100, 100, 50]);
	});

	it('fails an item whose address has no contact, and keeps the others under On Error: Continue', async () => {
		const result = await run(
			'email',
			[{ email: 'nobody@example.com' }, { email: JANE.email }],
			'continueRegularOutput',
		);

		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.items[0].json).toEqual({
			error:
				'AutoSend could not get contacts by email (nobody@example.com): no contact has this address [item 0]. Check the address, or create the contact first with Contact › Create or Update.',
		});
		expect(result.items[1].json.id).toBe(JANE.id);
	});

	it('fails every item a failed search carried, saying so', async () => {
		sim.as.injectFault({
			match: { path: '/contacts/search/emails' },
			status: 500,
			body: { success: false, error: 'boom' },
		});
		const result = await run('email', [{ email: JANE.email }, { email: JOHN.email }], 'continueRegularOutput', {
			maxTries: 1,
		});

		expect(result.items.every((item) => String(item.json.error).includes('boom'))).toBe(true);
		expect(result.items[0].json.error).toContain('This request carried 2 items combined');
	});

	it.each([
		['id', { contactId: '../contact-lists' }, 'Contact ID "../contact-lists" is not an AutoSend ID'],
		['id', { contactId: 'a/b' }, 'is not an AutoSend ID'],
		['id', { contactId: JANE.email }, 'Contact ID is the email address'],
		['id', { contactId: '' }, 'Contact ID is empty'],
		['email', { email: 'not-an-email' }, 'which is not one email address'],
		['email', { email: '' }, 'Email is empty'],
	] as const)('by %s, refuses %j before calling AutoSend', async (by, item, message) => {
		const result = await run(by, [item]);

		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toContain(message);
		expect(sim.as.requests).toHaveLength(0);
	});
});
