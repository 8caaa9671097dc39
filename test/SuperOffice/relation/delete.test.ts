import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { harness, superOfficeCredential, useSimulators } from '../../support/package';

const ENDPOINT = '/v1/Agents/Relation/DeleteContactRelation';

describe('SuperOffice › Relation › Delete', () => {
	const sims = useSimulators({ each: true });

	const run = async (items: object[], onError?: 'continueRegularOutput') =>
		await harness.runNode({
			nodeType: 'superOffice',
			parameters: { resource: 'relation', operation: 'delete', relationId: '={{ $json.relationId }}' },
			credentials: superOfficeCredential(sims.so),
			items: items as never,
			onError,
		});

	it('deletes one relation and reports the id sent', async () => {
		const result = await run([{ relationId: 413 }]);

		expect(result.items).toEqual([
			{ json: { success: true, relationId: 413, alreadyDeleted: false }, pairedItem: { item: 0 } },
		]);
		expect(sims.so.state.relations.has(413)).toBe(false);
		expect(sims.so.requests.filter((r) => r.path === ENDPOINT).map((r) => r.body)).toEqual([
			{ ContactRelationEntityId: 413 },
		]);
	});

	it('deletes several relations, one request each, outputs paired in input order', async () => {
		const result = await run([{ relationId: 413 }, { relationId: 414 }, { relationId: 415 }]);

		expect(
			sims.so.requests
				.filter((r) => r.path === ENDPOINT)
				.map((r) => (r.body as { ContactRelationEntityId: number }).ContactRelationEntityId)
				.sort(),
		).toEqual([413, 414, 415]);
		expect(result.items.map((item) => [item.pairedItem, item.json.relationId])).toEqual([
			[{ item: 0 }, 413],
			[{ item: 1 }, 414],
			[{ item: 2 }, 415],
		]);
	});

	it('refuses a relation id that is not a positive whole number, without calling SuperOffice', async () => {
		const result = await run([{ relationId: 413 }, { relationId: 4.2 }]);

		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toMatch(/^Relation ID must be a whole number .*got 4\.2 \[item 1\]$/);
		expect(sims.so.requests).toHaveLength(0);
	});

	it('reports a relation that is already gone as deleted, flagged, so a rerun is green', async () => {
		await run([{ relationId: 413 }]);
		const rerun = await run([{ relationId: 413 }, { relationId: 999 }]);

		expect(rerun.error).toBeUndefined();
		expect(rerun.items.map((item) => item.json)).toEqual([
			{ success: true, relationId: 413, alreadyDeleted: true },
			{ success: true, relationId: 999, alreadyDeleted: true },
		]);
		// SuperOffice said the relation does not exist; a look-up confirmed it before calling that success.
		expect(sims.so.requests.filter((r) => r.method === 'GET').map((r) => r.path)).toEqual([
			'/v1/Relation/413',
			'/v1/Relation/999',
		]);
	});

	it("reports a delete SuperOffice refuses while the relation still exists, with SuperOffice's message", async () => {
		sims.so.injectFault({
			match: { path: ENDPOINT },
			status: 200,
			body: { Message: 'The request is invalid.', MessageDetail: 'No delete rights on relation 413' },
		});
		const result = await run([{ relationId: 413 }]);

		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.message).toContain('SuperOffice could not delete relation 413');
		expect(result.error?.message).toContain('No delete rights on relation 413');
		expect(sims.so.state.relations.has(413)).toBe(true);
	});

	it('with On Error: Continue, keeps the deleted relations and reports the failed one', async () => {
		sims.so.injectFault({ match: { path: ENDPOINT }, status: 403, body: { ErrorMessage: 'Not allowed' } });
		const result = await run([{ relationId: 413 }, { relationId: 414 }, { relationId: 415 }], 'continueRegularOutput');

		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		const failed = result.items.filter((item) => 'error' in item.json);
		expect(failed).toHaveLength(1);
		expect(failed[0].json.error).toContain('Not allowed');
		const failedId = [413, 414, 415][(failed[0].pairedItem as { item: number }).item];
		expect([...sims.so.state.relations.keys()].filter((id) => [413, 414, 415].includes(id))).toEqual([failedId]);
	});

	it('with On Error: Continue (using error output), sends failed items down the error output', async () => {
		sims.so.injectFault({ match: { path: ENDPOINT }, status: 403, body: { ErrorMessage: 'Not allowed' } });
		const result = await harness.runNode({
			nodeType: 'superOffice',
			parameters: { resource: 'relation', operation: 'delete', relationId: '={{ $json.relationId }}' },
			credentials: superOfficeCredential(sims.so),
			items: [{ relationId: 413 }],
			onError: 'continueErrorOutput',
		});

		expect(result.items).toEqual([]);
		expect(result.errorItems).toHaveLength(1);
		expect(result.errorItems[0].json.error).toContain('Not allowed [item 0]');
	});
});
