import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { deleteListParameters, QUICK, runAutoSend, WEBINAR } from '../../support/autosend-operations';
import { useSimulators } from '../../support/package';

describe('AutoSend › Contact List › Delete', () => {
	const sim = useSimulators({ each: true });
	const run = async (
		listId: unknown,
		items: object[] = [{}],
		extra: Record<string, unknown> = {},
		onError?: 'continueRegularOutput',
	) => await runAutoSend(sim.as, deleteListParameters(listId, { options: QUICK, ...extra }), items, onError);

	it('deletes a list; its contacts stay', async () => {
		const result = await run(WEBINAR);

		expect(sim.as.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
			`DELETE /contact-lists/${WEBINAR} 200`,
		]);
		expect(result.items[0].json).toEqual({ success: true, contactListId: WEBINAR, alreadyDeleted: false });
		expect(sim.as.state.lists.has(WEBINAR)).toBe(false);
		expect(sim.as.state.contactIdsByEmail.has('emma.wilson@example.com')).toBe(true);
	});

	it('reports a list that is already gone as deleted, flagged alreadyDeleted', async () => {
		await run(WEBINAR);
		const again = await run(WEBINAR);

		expect(again.items[0].json).toEqual({ success: true, contactListId: WEBINAR, alreadyDeleted: true });
	});

	it('accepts a DELETE answered 204 without a body', async () => {
		sim.as.injectFault({ match: { method: 'DELETE' }, status: 204 });
		const result = await run(WEBINAR);

		expect(result.items[0].json).toEqual({ success: true, contactListId: WEBINAR, alreadyDeleted: false });
	});

	it("fails with AutoSend's message while the list still exists, and pairs the items under On Error: Continue", async () => {
		sim.as.injectFault({ match: { method: 'DELETE' }, status: 403, body: { success: false, error: 'Not allowed' } });
		const result = await run(
			'={{ $json.list }}',
			[{ list: WEBINAR }, { list: '60d5ec49f1b2c72d9c8b4568' }],
			{},
			'continueRegularOutput',
		);

		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		const failed = result.items.filter((item) => 'error' in item.json);
		expect(failed).toHaveLength(1);
		expect(failed[0].json.error).toContain('Not allowed');
	});

	it('reports a refusal as the error when the lookup cannot tell', async () => {
		sim.as.injectFault({ match: { method: 'DELETE' }, status: 500, body: { success: false, error: 'boom' } });
		sim.as.injectFault({ match: { method: 'GET' }, status: 500, body: { success: false, error: 'also boom' } });
		const result = await run(WEBINAR, [{}], { options: { ...QUICK, maxTries: 1 } });

		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.message).toContain(': boom');
	});

	it.each([
		['GLOBAL_CONTACT_LIST', 'GLOBAL_CONTACT_LIST ("All Contacts") cannot be deleted'],
		['..', 'is not an AutoSend ID'],
		['abc?x=1', 'is not an AutoSend ID'],
	])('refuses %s before calling AutoSend', async (listId, message) => {
		const result = await run(listId);

		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toContain(message);
		expect(sim.as.requests).toHaveLength(0);
	});
});
