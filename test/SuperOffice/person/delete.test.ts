import { NodeApiError } from 'n8n-workflow';
import { byId, person, runSuperOffice, sent, useFreshSuperOffice } from '../../support/superoffice-records';

describe('SuperOffice › Person › Delete', () => {
	const sims = useFreshSuperOffice();
	const remove = (personId: unknown = '={{ $json.personId }}') =>
		person('delete', { personId: byId(personId as string) });

	it('deletes a person with one DELETE and takes them out of selections', async () => {
		const { items } = await runSuperOffice(sims.so, remove(267));

		expect(items).toEqual([{ json: { success: true, personId: 267, alreadyDeleted: false }, pairedItem: { item: 0 } }]);
		expect(sent(sims.so)).toEqual(['DELETE /v1/Person/267']);
		expect(sims.so.state.persons.has(267)).toBe(false);
		expect(sims.so.state.selections.get(938)!.members.some((m) => m.personId === 267)).toBe(false);
	});

	it('reports a person that is already gone as deleted, flagged, after confirming it is gone', async () => {
		await runSuperOffice(sims.so, remove(267));
		sims.so.resetRequests();
		const { items, error } = await runSuperOffice(sims.so, remove(), [{ personId: 267 }, { personId: 999 }]);

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([
			{ success: true, personId: 267, alreadyDeleted: true },
			{ success: true, personId: 999, alreadyDeleted: true },
		]);
		expect(
			sims.so.requests
				.filter((r) => r.method === 'GET')
				.map((r) => r.path)
				.sort(),
		).toEqual(['/v1/Person/267', '/v1/Person/999']);
	});

	it("reports a delete SuperOffice refuses while the person still exists, with SuperOffice's message", async () => {
		sims.so.injectFault({
			match: { method: 'DELETE' },
			status: 412,
			body: { Error: true, ErrorMessage: 'Person 266 is an associate and cannot be deleted' },
		});
		const { error } = await runSuperOffice(sims.so, remove(266));

		expect(error).toBeInstanceOf(NodeApiError);
		expect(error?.message).toContain('SuperOffice could not delete person 266: Person 266 is an associate');
		expect(sims.so.state.persons.has(266)).toBe(true);
	});

	it('does not claim the person was already gone when an earlier attempt may have deleted it', async () => {
		sims.so.injectFault({ match: { method: 'DELETE' }, kind: 'appliedThenHang' });
		const { items } = await runSuperOffice(sims.so, { ...remove(266), options: { timeout: 300, maxTries: 2 } });

		expect(items[0].json).toEqual({ success: true, personId: 266, alreadyDeleted: false });
	});

	it('with On Error: Continue, keeps the deleted persons and reports the failed one', async () => {
		sims.so.injectFault({ match: { method: 'DELETE' }, status: 403, body: { ErrorMessage: 'Not allowed' } });
		const { items } = await runSuperOffice(
			sims.so,
			remove(),
			[{ personId: 266 }, { personId: 267 }, { personId: 301 }],
			'continueRegularOutput',
		);

		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		const failed = items.filter((item) => 'error' in item.json);
		expect(failed).toHaveLength(1);
		expect(failed[0].json.error).toContain('Not allowed');
		expect([266, 267, 301].filter((id) => sims.so.state.persons.has(id))).toHaveLength(1);
	});
});
