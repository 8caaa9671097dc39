import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { shutdownHarness } from '../../harness';
import type { SuperOfficeSimulator } from '../../simulators';
import { startSuperOfficeSimulator } from '../../simulators';
import { harness, superOfficeCredential } from '../../support/package';

const ENDPOINT = '/v1/Agents/Relation/DeleteContactRelation';

describe('SuperOffice › Relation › Delete', () => {
	let sim: SuperOfficeSimulator;

	beforeEach(async () => {
		sim = await startSuperOfficeSimulator();
	});
	afterEach(async () => await sim.close());
	afterAll(async () => await shutdownHarness());

	const run = async (items: object[], onError?: 'continueRegularOutput') =>
		await harness.runNode({
			nodeType: 'superOffice',
			parameters: { resource: 'relation', operation: 'delete', relationId: '={{ $json.relationId }}' },
			credentials: superOfficeCredential(sim),
			items: items as never,
			onError,
		});

	it('deletes one relation and reports the id sent', async () => {
		const result = await run([{ relationId: 413 }]);

		expect(result.items).toEqual([{ json: { success: true, relationId: 413 }, pairedItem: { item: 0 } }]);
		expect(sim.state.relations.has(413)).toBe(false);
		expect(sim.requests.filter((r) => r.path === ENDPOINT).map((r) => r.body)).toEqual([
			{ ContactRelationEntityId: 413 },
		]);
	});

	it('deletes several relations, one request each, outputs paired in input order', async () => {
		const result = await run([{ relationId: 413 }, { relationId: 414 }, { relationId: 415 }]);

		expect(sim.requests.filter((r) => r.path === ENDPOINT).map((r) => r.body)).toEqual([
			{ ContactRelationEntityId: 413 },
			{ ContactRelationEntityId: 414 },
			{ ContactRelationEntityId: 415 },
		]);
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
		expect(sim.requests).toHaveLength(0);
	});

	it("reports a relation that does not exist with SuperOffice's message", async () => {
		const result = await run([{ relationId: 999 }]);

		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.message).toContain('SuperOffice could not delete relation 999');
		expect(result.error?.message).toContain('Relation 999 does not exist');
	});

	it('with On Error: Continue, keeps the deleted relations and reports the failed one', async () => {
		const result = await run([{ relationId: 413 }, { relationId: 999 }, { relationId: 414 }], 'continueRegularOutput');

		expect(result.items.map((item) => item.json.success ?? 'error')).toEqual([true, 'error', true]);
		expect(result.items[1]).toEqual({
			json: { error: expect.stringContaining('Relation 999 does not exist') },
			pairedItem: { item: 1 },
		});
	});

	it('with On Error: Continue (using error output), sends failed items down the error output', async () => {
		const result = await harness.runNode({
			nodeType: 'superOffice',
			parameters: { resource: 'relation', operation: 'delete', relationId: '={{ $json.relationId }}' },
			credentials: superOfficeCredential(sim),
			items: [{ relationId: 413 }, { relationId: 999 }],
			onError: 'continueErrorOutput',
		});

		expect(result.items.map((item) => item.json)).toEqual([{ success: true, relationId: 413 }]);
		expect(result.errorItems).toHaveLength(1);
		expect(result.errorItems[0].json.error).toContain('Relation 999 does not exist [item 1]');
	});
});
