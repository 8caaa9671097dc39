import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { harness, superOfficeCredential, useSimulators } from '../../support/package';
import { byId, relationParameters } from '../../support/superoffice-selections';

describe('SuperOffice › Relation › Get Many', () => {
	const sims = useSimulators();
	const run = async (extra: Record<string, unknown>, items?: object[]) =>
		await harness.runNode({
			nodeType: 'superOffice',
			parameters: relationParameters('getAll', { returnAll: true, ...extra }),
			credentials: superOfficeCredential(sims.so),
			items: items as never,
			onError: (extra.onError as never) ?? undefined,
		});
	const pages = (path: string) =>
		sims.so.requests.filter((r) => r.path === path).map((r) => [r.query.$top, r.query.$skip]);

	it("lists a company's relations in both directions, with both parties' ids and names", async () => {
		const result = await run({ of: 'company', contactId: byId(138) });

		expect(result.items.map((item) => item.json)).toEqual([
			{
				relationId: 413,
				relationDefinitionId: 1,
				relationName: 'Subsidiary of',
				reversedName: 'Parent of',
				comment: '',
				direction: 2,
				sourceContactId: 142,
				sourcePersonId: 0,
				sourceContactName: 'Nordic Bikes Retail AS',
				sourcePersonName: '',
				destinationContactId: 138,
				destinationPersonId: 0,
				destinationContactName: 'Nordic Bikes AS',
				destinationPersonName: '',
			},
			expect.objectContaining({
				relationId: 415,
				direction: 1,
				sourcePersonId: 266,
				destinationPersonName: 'Ingrid Berg',
			}),
		]);
		expect(sims.so.requests[0].path).toBe('/v1/Contact/138/Relations');
	});

	it('takes the company from the list picker', async () => {
		const result = await run({
			of: 'company',
			contactId: { __rl: true, mode: 'list', value: '142', cachedResultName: 'Nordic Bikes Retail AS' },
		});

		expect(sims.so.requests[0].path).toBe('/v1/Contact/142/Relations');
		expect(result.items.map((item) => item.json.relationId)).toEqual([413]);
	});

	it("lists a person's relations", async () => {
		const result = await run({ of: 'person', personId: byId(301) });

		expect(sims.so.requests[0].path).toBe('/v1/Person/301/Relations');
		expect(result.items.map((item) => item.json.relationId)).toEqual([415]);
	});

	describe('paging', () => {
		beforeAll(() => {
			for (let i = 0; i < 260; i++) {
				sims.so.addRelation({ sourceContactId: 141, destinationContactId: 139, relationDefinitionId: 2 });
			}
		});

		it('with Return All, pages past the first page until SuperOffice has no more', async () => {
			const result = await run({ of: 'company', contactId: byId(141) });

			expect(result.items).toHaveLength(261);
			expect(pages('/v1/Contact/141/Relations')).toEqual([
				['200', '0'],
				['200', '200'],
			]);
		});

		it('with a Limit, stops at the limit', async () => {
			const result = await run({ of: 'company', contactId: byId(141), returnAll: false, limit: 7 });

			expect(result.items).toHaveLength(7);
			expect(pages('/v1/Contact/141/Relations')).toEqual([['7', '0']]);
		});
	});

	it('with Fields, outputs the rows as SuperOffice names the columns', async () => {
		const result = await run({ of: 'person', personId: byId(266), options: { select: 'relationId,relationName' } });

		expect(result.items[0].json).toEqual({
			PrimaryKey: 415,
			EntityName: 'relation',
			relationId: 415,
			relationName: 'Consultant for',
		});
	});

	it("pairs each item's relations to it, and under On Error: Continue fails only an unknown company", async () => {
		const result = await run(
			{ of: 'company', contactId: byId('={{ $json.contactId }}'), onError: 'continueRegularOutput' },
			[{ contactId: 999 }, { contactId: 140 }, { contactId: 142 }],
		);

		expect(result.items.map((item) => [item.pairedItem, item.json.relationId ?? 'error'])).toEqual([
			[{ item: 0 }, 'error'],
			[{ item: 2 }, 413],
		]);
		expect(result.items[0].json.error).toContain('Contact id 999 not found');

		const stopped = await run({ of: 'company', contactId: byId(999) });
		expect(stopped.error).toBeInstanceOf(NodeApiError);
		expect(stopped.error?.message).toBe(
			'SuperOffice could not list the relations of company 999: Contact id 999 not found [item 0]',
		);
		expect(stopped.error?.description).toContain('SuperOffice has no company 999');
	});

	it('refuses an id that is not a number before calling SuperOffice, naming the field', async () => {
		const result = await run({ of: 'person', personId: byId('={{ $json.personId }}') }, [
			{ personId: 266 },
			{ personId: 'me' },
		]);

		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toMatch(/^Person must be a whole number.*\[item 1\]$/);
		expect(sims.so.requests).toHaveLength(0);
	});
});
