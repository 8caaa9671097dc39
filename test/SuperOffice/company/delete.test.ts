import { NodeApiError } from 'n8n-workflow';
import { byId, company, runSuperOffice, sent, useFreshSuperOffice } from '../../support/superoffice-records';

describe('SuperOffice › Company (Contact) › Delete', () => {
	const sims = useFreshSuperOffice();
	const remove = (contactId: unknown = '={{ $json.contactId }}') =>
		company('delete', { contactId: byId(contactId as string) });

	it('deletes a company with one DELETE', async () => {
		const { items } = await runSuperOffice(sims.so, remove(140));

		expect(items).toEqual([
			{ json: { success: true, contactId: 140, alreadyDeleted: false }, pairedItem: { item: 0 } },
		]);
		expect(sent(sims.so)).toEqual(['DELETE /v1/Contact/140']);
		expect(sims.so.state.contacts.has(140)).toBe(false);
	});

	it('reports a company that is already gone as deleted, flagged, after confirming it is gone', async () => {
		await runSuperOffice(sims.so, remove(140));
		sims.so.resetRequests();
		const { items } = await runSuperOffice(sims.so, remove(140));

		expect(items[0].json).toEqual({ success: true, contactId: 140, alreadyDeleted: true });
		expect(sent(sims.so)).toEqual(['DELETE /v1/Contact/140', 'GET /v1/Contact/140']);
	});

	it("reports a delete SuperOffice refuses while the company still exists, with SuperOffice's message", async () => {
		sims.so.injectFault({ match: { method: 'DELETE' }, status: 500, body: { ErrorMessage: 'Company has open sales' } });
		const { error } = await runSuperOffice(sims.so, { ...remove(138), options: { maxTries: 1 } });

		expect(error).toBeInstanceOf(NodeApiError);
		expect(error?.message).toContain('SuperOffice could not delete company 138: Company has open sales');
		expect(sims.so.state.contacts.has(138)).toBe(true);
	});

	it('with On Error: Continue, keeps the deleted companies and reports the failed one', async () => {
		sims.so.injectFault({ match: { method: 'DELETE' }, status: 403, body: { ErrorMessage: 'Not allowed' } });
		const { items } = await runSuperOffice(
			sims.so,
			remove(),
			[{ contactId: 140 }, { contactId: 141 }],
			'continueRegularOutput',
		);

		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items.filter((item) => 'error' in item.json)).toHaveLength(1);
		expect([140, 141].filter((id) => sims.so.state.contacts.has(id))).toHaveLength(1);
	});
});
