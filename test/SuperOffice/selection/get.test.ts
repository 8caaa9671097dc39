import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { harness, superOfficeCredential, useSimulators } from '../../support/package';
import { byId, selectionParameters } from '../../support/superoffice-selections';

describe('SuperOffice › Selection › Get', () => {
	const sims = useSimulators();
	const run = async (selectionId: unknown, extra: Record<string, unknown> = {}, items?: object[]) =>
		await harness.runNode({
			nodeType: 'superOffice',
			parameters: selectionParameters('get', { selectionId: byId(selectionId), ...extra }),
			credentials: superOfficeCredential(sims.so),
			items: items as never,
			onError: (extra.onError as never) ?? undefined,
		});

	it('outputs the selection SuperOffice returns, for each item, paired', async () => {
		const result = await run('={{ $json.selectionId }}', {}, [{ selectionId: 938 }, { selectionId: 940 }]);

		expect(result.items).toEqual([
			{
				json: {
					SelectionId: 938,
					Name: 'Newsletter subscribers',
					Description: 'Monthly product newsletter',
					SelectionType: 'Static',
					TargetTableName: 'contact',
					TargetTableNumber: 5,
					MemberCount: 4,
				},
				pairedItem: { item: 0 },
			},
			{ json: expect.objectContaining({ SelectionId: 940, SelectionType: 'Dynamic' }), pairedItem: { item: 1 } },
		]);
		expect(sims.so.requests.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
			'GET /v1/Selection/938',
			'GET /v1/Selection/940',
		]);
	});

	it('sends Fields as $select and Language as Accept-Language', async () => {
		const result = await run(939, { options: { select: 'Name,MemberCount', language: 'sv' } });

		expect(sims.so.requests[0].query).toEqual({ $select: 'Name,MemberCount' });
		expect(sims.so.requests[0].headers['accept-language']).toBe('sv');
		expect(result.items[0].json).toMatchObject({ Name: 'Event invitations 2026', MemberCount: 3, SelectionId: null });
	});

	it("reports an unknown selection with SuperOffice's message and says to check the ID", async () => {
		const result = await run(999);

		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.message).toBe('SuperOffice could not get selection 999: Selection id 999 not found [item 0]');
		expect(result.error?.description).toContain('SuperOffice has no selection 999');
	});

	it('under On Error: Continue, fails only the unknown selection', async () => {
		const result = await run('={{ $json.selectionId }}', { onError: 'continueRegularOutput' }, [
			{ selectionId: 999 },
			{ selectionId: 939 },
		]);

		expect(result.items.map((item) => [item.pairedItem, Object.keys(item.json)[0]])).toEqual([
			[{ item: 0 }, 'error'],
			[{ item: 1 }, 'SelectionId'],
		]);
	});

	it('refuses a selection ID that is not a number before calling SuperOffice', async () => {
		const result = await run('={{ $json.selectionId }}', {}, [{ selectionId: 938 }, { selectionId: -1 }]);

		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toMatch(/^Selection must be a whole number.*\[item 1\]$/);
		expect(sims.so.requests).toHaveLength(0);
	});
});
