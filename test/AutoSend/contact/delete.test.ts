import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import {
	deleteContactParameters,
	JANE,
	JOHN,
	NEWSLETTER,
	QUICK,
	requestsTo,
	runAutoSend,
} from '../../support/autosend-operations';
import { useSimulators } from '../../support/package';

describe('AutoSend › Contact › Delete', () => {
	const sim = useSimulators({ each: true });
	const run = async (by: 'id' | 'email', items: object[], onError?: 'continueRegularOutput', options = {}) =>
		await runAutoSend(sim.as, deleteContactParameters(by, { options: { ...QUICK, ...options } }), items, onError);

	it('deletes a contact by ID, which also takes it off its lists', async () => {
		const result = await run('id', [{ contactId: JANE.id }]);

		expect(sim.as.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
			`DELETE /contacts/${JANE.id} 200`,
		]);
		expect(result.items).toEqual([
			{ json: { success: true, contactId: JANE.id, alreadyDeleted: false }, pairedItem: { item: 0 } },
		]);
		expect(sim.as.state.contacts.has(JANE.id)).toBe(false);
		expect(sim.as.listMembers(NEWSLETTER)).not.toContain(JANE.email);
	});

	it('reports a contact that is already gone as deleted, flagged alreadyDeleted', async () => {
		const result = await run('id', [{ contactId: '60d5ec49f1b2c72d9c8b0000' }]);

		expect(sim.as.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['DELETE 404', 'GET 404']);
		expect(result.items[0].json).toEqual({
			success: true,
			contactId: '60d5ec49f1b2c72d9c8b0000',
			alreadyDeleted: true,
		});
	});

	it("fails with AutoSend's message while the contact still exists", async () => {
		sim.as.injectFault({
			match: { method: 'DELETE' },
			status: 500,
			body: { success: false, error: { message: 'Contact deletion failed', code: 'CONTACT_DELETION_FAILED' } },
		});
		const result = await run('id', [{ contactId: JANE.id }], undefined, { maxTries: 1 });

		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.message).toContain('Contact deletion failed (CONTACT_DELETION_FAILED)');
		expect(sim.as.state.contacts.has(JANE.id)).toBe(true);
	});

	it('a delete whose answer was lost, and the contact is gone, is a success not flagged as already gone', async () => {
		sim.as.injectFault({ match: { method: 'DELETE' }, kind: 'appliedThenHang' });
		const result = await run('id', [{ contactId: JANE.id }], undefined, { maxTries: 1, timeout: 300 });

		expect(result.items[0].json).toEqual({ success: true, contactId: JANE.id, alreadyDeleted: false });
	});

	it('deletes by email: one lookup and one removal for all items, each address flagged', async () => {
		const result = await run('email', [{ emails: `${JANE.email}, gone@example.com` }, { emails: [JOHN.email] }]);

		expect(sim.as.requests.map((r) => [r.path, r.body])).toEqual([
			['/contacts/search/emails', { emails: [JANE.email, 'gone@example.com', JOHN.email] }],
			['/contacts/remove', { emails: [JANE.email, JOHN.email] }],
		]);
		expect(result.items.map((item) => item.json)).toEqual([
			{
				success: true,
				emails: [JANE.email, 'gone@example.com'],
				results: [
					{ email: JANE.email, contactId: JANE.id, alreadyDeleted: false },
					{ email: 'gone@example.com', alreadyDeleted: true },
				],
			},
			{
				success: true,
				emails: [JOHN.email],
				results: [{ email: JOHN.email, contactId: JOHN.id, alreadyDeleted: false }],
			},
		]);
		expect(sim.as.state.contactIdsByEmail.has(JANE.email)).toBe(false);
	});

	it('sends no removal when none of the addresses has a contact', async () => {
		const result = await run('email', [{ emails: 'gone@example.com' }]);

		expect(sim.as.requests.map((r) => r.path)).toEqual(['/contacts/search/emails']);
		expect(result.items[0].json.results).toEqual([{ email: 'gone@example.com', alreadyDeleted: true }]);
	});

	it('believes the removed IDs when AutoSend lists them: a contact missing from the list fails its item', async () => {
		sim.as.injectFault({
			match: { path: '/contacts/remove' },
			status: 200,
			body: { success: true, data: { removedIds: [JANE.id] } },
		});
		const result = await run('email', [{ emails: JANE.email }, { emails: JOHN.email }], 'continueRegularOutput');

		expect(result.items[0].json).toMatchObject({ success: true });
		expect(result.items[1].json.error).toContain(`AutoSend did not list contact ${JOHN.id} among the ones it removed`);
	});

	it('combines up to 100 addresses per request', async () => {
		sim.as.addContacts(150);
		const items = Array.from({ length: 150 }, (_, i) => ({ emails: `contact${i + 1}@bulk.example.com` }));
		const result = await run('email', items);

		expect(requestsTo(sim.as, '/contacts/remove').map((r) => (r.body as { emails: string[] }).emails.length)).toEqual([
			100, 50,
		]);
		expect(result.items).toHaveLength(150);
		expect(sim.as.state.contacts.size).toBe(8);
	});

	it.each([
		['id', { contactId: '..' }, 'is not an AutoSend ID'],
		['id', { contactId: 'x y' }, 'is not an AutoSend ID'],
		['email', { emails: 'jane@example.com, nope' }, 'Emails contains "nope", which is not an email address'],
		['email', { emails: [] }, 'Emails needs at least one email address'],
	] as const)('by %s, refuses %j before calling AutoSend', async (by, item, message) => {
		const result = await run(by, [item]);

		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toContain(message);
		expect(sim.as.requests).toHaveLength(0);
	});
});
