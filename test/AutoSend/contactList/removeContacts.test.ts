import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { shutdownHarness } from '../../harness';
import type { AutoSendSimulator } from '../../simulators';
import { startAutoSendSimulator } from '../../simulators';
import { AUTOSEND_KEY, autoSendCredential, harness, removeContactsParameters } from '../../support/package';

const NEWSLETTER = '60d5ec49f1b2c72d9c8b4567';
const endpoint = (listId: string) => `/contact-lists/${encodeURIComponent(listId)}/contacts/remove`;

describe('AutoSend › Contact List › Remove Contacts', () => {
	let sim: AutoSendSimulator;

	beforeEach(async () => {
		sim = await startAutoSendSimulator();
	});
	afterEach(async () => await sim.close());
	afterAll(async () => await shutdownHarness());

	const run = async (items: object[], extra: Record<string, unknown> = {}, listId: unknown = NEWSLETTER) =>
		await harness.runNode({
			nodeType: 'autoSend',
			parameters: removeContactsParameters(listId, extra),
			credentials: autoSendCredential(sim),
			items: items as never,
			onError: extra.onError as never,
		});
	const removeRequests = () => sim.requests.filter((r) => r.path.endsWith('/contacts/remove'));

	it('removes one contact by email and reports what happened to it', async () => {
		expect(sim.listMembers(NEWSLETTER)).toContain('jane@example.com');
		const result = await run([{ emails: 'jane@example.com' }]);

		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			{
				json: {
					success: true,
					contactListId: NEWSLETTER,
					emails: ['jane@example.com'],
					results: [{ email: 'jane@example.com', status: 'removed' }],
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(sim.listMembers(NEWSLETTER)).not.toContain('jane@example.com');
		expect(removeRequests()[0].path).toBe(endpoint(NEWSLETTER));
		expect(removeRequests()[0].headers.authorization).toBe(`Bearer ${AUTOSEND_KEY}`);
		expect(removeRequests()[0].body).toEqual({ emails: ['jane@example.com'] });
	});

	it('accepts a comma-separated list, an array from an expression, and lower-cases addresses', async () => {
		const result = await run([{ emails: 'Jane@Example.com, john@example.com' }, { emails: ['X@Example.com'] }]);

		expect(removeRequests()).toHaveLength(1);
		expect(removeRequests()[0].body).toEqual({ emails: ['jane@example.com', 'john@example.com', 'x@example.com'] });
		expect(result.items[0].json.emails).toEqual(['jane@example.com', 'john@example.com']);
		expect(result.items[1].json.emails).toEqual(['x@example.com']);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('combines many items into requests of at most 100 addresses', async () => {
		const items = Array.from({ length: 250 }, (_, i) => ({ emails: `person${i}@example.com` }));
		const result = await run(items);

		expect(removeRequests().map((r) => (r.body as { emails: string[] }).emails.length)).toEqual([100, 100, 50]);
		expect(result.items).toHaveLength(250);
		expect(result.items[249]).toMatchObject({ pairedItem: { item: 249 }, json: { emails: ['person249@example.com'] } });
		// None of them was on the list: the state asked for was already reached, and each item says so.
		expect(result.items[0].json.results).toEqual([{ email: 'person0@example.com', status: 'notInList' }]);
	});

	it('sends an address asked for by two items once', async () => {
		await run([{ emails: 'jane@example.com' }, { emails: 'JANE@example.com' }]);

		expect(removeRequests()[0].body).toEqual({ emails: ['jane@example.com'] });
	});

	it('removes by contact ID', async () => {
		const contactId = sim.state.contactIdsByEmail.get('john@example.com') as string;
		const result = await run([{}], { removeBy: 'contactId', emails: undefined, contactIds: contactId });

		expect(removeRequests()[0].body).toEqual({ contactIds: [contactId] });
		expect(result.items[0].json).toMatchObject({
			contactIds: [contactId],
			results: [{ contactId, status: 'removed' }],
		});
	});

	it('fails an item whose value AutoSend refused, with its message, and keeps the values it did remove', async () => {
		const contactId = sim.state.contactIdsByEmail.get('john@example.com') as string;
		const result = await run([{}], {
			removeBy: 'contactId',
			emails: undefined,
			contactIds: `${contactId}, not-an-id`,
			onError: 'continueRegularOutput',
		});

		expect(Object.keys(result.items[0].json)).toEqual(['error']);
		expect(result.items[0].json.error).toContain('AutoSend could not remove contacts from list');
		expect(result.items[0].json.error).toContain('(not-an-id): Invalid contact ID');
		expect(result.items[0].json.error).toContain(`Done: ${contactId}. Not done: not-an-id.`);
		expect(sim.listMembers(NEWSLETTER)).not.toContain('john@example.com');
	});

	it('says a value is off the list either way when AutoSend only counts a mix of removed and absent', async () => {
		const result = await run([{ emails: 'jane@example.com, nobody@example.com' }]);

		expect(result.items[0].json.results).toEqual([
			{ email: 'jane@example.com', status: 'removedOrNotInList' },
			{ email: 'nobody@example.com', status: 'removedOrNotInList' },
		]);
	});

	it("reports an unknown list with AutoSend's message", async () => {
		const result = await run([{ emails: 'jane@example.com' }], {}, 'no-such_list');

		expect(sim.requests[0].path).toBe('/contact-lists/no-such_list/contacts/remove');
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toContain('Contact list not found');
		expect(result.error?.description).toContain('Check the contact list ID');
	});

	it.each([
		['an empty address', { emails: '' }, 'Emails needs at least one email address'],
		['an address without a domain', { emails: 'jane@' }, '"jane@", which is not an email address'],
		['an address with a space', { emails: 'jane doe@example.com' }, 'not an email address'],
		['a null from an expression', { emails: null }, 'Emails needs at least one email address'],
	])('refuses %s before calling AutoSend', async (_case, item, message) => {
		const result = await run([item]);

		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toContain(message);
		expect(result.error?.message).toContain('[item 0]');
		expect(sim.requests).toHaveLength(0);
	});

	it('refuses GLOBAL_CONTACT_LIST and explains that this means deleting the contact', async () => {
		const result = await run([{ emails: 'jane@example.com' }], {}, 'GLOBAL_CONTACT_LIST');

		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toContain('GLOBAL_CONTACT_LIST');
		expect(result.error?.description).toContain('Delete Contact');
		expect(sim.requests).toHaveLength(0);
	});

	it('never sends both: a Contact IDs value hidden by Remove By = Email stays out of the request', async () => {
		await run([{ emails: 'jane@example.com' }], { contactIds: '60d5ec49f1b2c72d9c8b1111' });

		expect(removeRequests()[0].body).toEqual({ emails: ['jane@example.com'] });
	});

	it('refuses email addresses given as contact IDs', async () => {
		const result = await run([{ ids: 'jane@example.com' }], {
			removeBy: 'contactId',
			emails: undefined,
			contactIds: '={{ $json.ids }}',
		});

		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toBe('Contact IDs contains the email address "jane@example.com" [item 0]');
		expect(result.error?.description).toContain('Set Remove By to Email');
		expect(sim.requests).toHaveLength(0);
	});

	it('refuses neither emails nor contact IDs', async () => {
		const result = await run([{ ids: [] }], {
			removeBy: 'contactId',
			emails: undefined,
			contactIds: '={{ $json.ids }}',
		});

		expect(result.error?.message).toContain('Contact IDs needs at least one ID');
		expect(sim.requests).toHaveLength(0);
	});

	it("explains a wrong API key with AutoSend's message, without showing the key", async () => {
		const result = await harness.runNode({
			nodeType: 'autoSend',
			parameters: removeContactsParameters(NEWSLETTER),
			credentials: autoSendCredential(sim, { apiKey: 'AS_wrong_key_987' }),
			items: [{ emails: 'jane@example.com' }],
		});

		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.message).toBe(
			`AutoSend could not remove contacts from list ${NEWSLETTER}: Unauthorized (UNAUTHORIZED) [item 0]`,
		);
		expect(result.error?.description).toContain('Check the API key');
		expect(JSON.stringify(result)).not.toContain('AS_wrong_key_987');
	});

	it.each([
		[{ success: false, error: 'Authenticated sender not found' }, 'Authenticated sender not found'],
		[
			{ success: false, error: { message: 'Plan upgrade required', code: 'PLAN_UPGRADE_REQUIRED' } },
			'Plan upgrade required',
		],
	])("reads AutoSend's error whether it is a string or an object", async (body, text) => {
		sim.injectFault({ status: 402, body });
		const result = await run([{ emails: 'jane@example.com' }]);

		expect(result.error?.message).toContain(text);
		expect(result.error?.description).toContain('plan');
	});

	it('treats a 200 answer with success false as a failure', async () => {
		sim.injectFault({ status: 200, body: { success: false, error: { message: 'List is locked' } } });
		const result = await run([{ emails: 'jane@example.com' }]);

		expect(result.error?.message).toContain('List is locked');
	});

	it('with On Error: Continue, fails only the items whose request failed', async () => {
		const result = await harness.runNode({
			nodeType: 'autoSend',
			parameters: removeContactsParameters('={{ $json.list }}'),
			credentials: autoSendCredential(sim),
			onError: 'continueRegularOutput',
			items: [
				{ list: NEWSLETTER, emails: 'jane@example.com' },
				{ list: 'missing-list', emails: 'john@example.com' },
				{ list: NEWSLETTER, emails: 'not-an-email' },
			],
		});

		expect(result.items).toHaveLength(3);
		expect(result.items[0].json).toMatchObject({
			success: true,
			results: [{ email: 'jane@example.com', status: 'removed' }],
		});
		expect(result.items[1]).toEqual({
			json: { error: expect.stringContaining('Contact list not found') },
			pairedItem: { item: 1 },
		});
		expect(result.items[2]).toEqual({ json: { error: expect.stringContaining('[item 2]') }, pairedItem: { item: 2 } });
	});
});
