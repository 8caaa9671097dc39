import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { harness, superOfficeCredential, useSimulators } from '../../support/package';
import { relationParameters } from '../../support/superoffice-selections';

describe('SuperOffice › Relation › Get', () => {
	const sims = useSimulators();
	const run = async (items: object[], extra: Record<string, unknown> = {}) =>
		await harness.runNode({
			nodeType: 'superOffice',
			parameters: relationParameters('get', { relationId: '={{ $json.relationId }}', ...extra }),
			credentials: superOfficeCredential(sims.so),
			items: items as never,
			onError: (extra.onError as never) ?? undefined,
		});

	it('outputs the relation SuperOffice returns, for each item, paired', async () => {
		const result = await run([{ relationId: 415 }, { relationId: 413 }]);

		expect(result.items).toEqual([
			{
				json: {
					RelationId: 415,
					SourceContactId: 138,
					SourcePersonId: 266,
					DestinationContactId: 139,
					DestinationPersonId: 301,
					RelationDefinitionId: 3,
					Reversed: 0,
					Comment: '',
					ActiveText: 'Consultant for',
					PassiveText: 'Has consultant',
					SourceContactName: 'Nordic Bikes AS',
					SourcePersonName: 'Kari Nordmann',
					DestinationContactName: 'Fjord Consulting',
					DestinationPersonName: 'Ingrid Berg',
				},
				pairedItem: { item: 0 },
			},
			{ json: expect.objectContaining({ RelationId: 413, ActiveText: 'Subsidiary of' }), pairedItem: { item: 1 } },
		]);
	});

	it('sends Fields as $select and Language as Accept-Language', async () => {
		const result = await run([{ relationId: 413 }], { options: { select: 'RelationId,ActiveText', language: 'de' } });

		expect(sims.so.requests[0].query).toEqual({ $select: 'RelationId,ActiveText' });
		expect(sims.so.requests[0].headers['accept-language']).toBe('de');
		expect(result.items[0].json).toMatchObject({ RelationId: 413, ActiveText: 'Subsidiary of', Comment: null });
	});

	it("reports an unknown relation with SuperOffice's message, and under On Error: Continue keeps the others", async () => {
		const stopped = await run([{ relationId: 999 }]);
		expect(stopped.error).toBeInstanceOf(NodeApiError);
		expect(stopped.error?.message).toBe('SuperOffice could not get relation 999: Relation id 999 not found [item 0]');
		expect(stopped.error?.description).toContain('SuperOffice has no relation 999');

		const continued = await run([{ relationId: 999 }, { relationId: 414 }], { onError: 'continueRegularOutput' });
		expect(continued.items.map((item) => [item.pairedItem, Object.keys(item.json)[0]])).toEqual([
			[{ item: 0 }, 'error'],
			[{ item: 1 }, 'RelationId'],
		]);
	});

	it('refuses a relation ID that is not a positive whole number before calling SuperOffice', async () => {
		const result = await run([{ relationId: 413 }, { relationId: '41x' }]);

		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toMatch(/^Relation ID must be a whole number.*\[item 1\]$/);
		expect(sims.so.requests).toHaveLength(0);
	});
});
