import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { harness, superOfficeCredential, useSimulators } from '../../support/package';
import { createRelationParameters } from '../../support/superoffice-selections';

const ENDPOINT = '/v1/Agents/Relation/SaveContactRelation';
const PARTNERS = { relationDefinitionId: 4, sourceContactId: 140, destinationContactId: 141 };

describe('SuperOffice › Relation › Create', () => {
	const sims = useSimulators();
	const run = async (items: object[], extra: Record<string, unknown> = {}) =>
		await harness.runNode({
			nodeType: 'superOffice',
			parameters: createRelationParameters(extra),
			credentials: superOfficeCredential(sims.so),
			items: items as never,
			onError: (extra.onError as never) ?? undefined,
		});
	const saves = () => sims.so.requests.filter((r) => r.path === ENDPOINT);

	it('creates a relation between two companies and outputs the saved relation', async () => {
		const result = await run([{ ...PARTNERS, comment: 'Joint venture' }]);

		expect(result.error).toBeUndefined();
		expect(saves().map((r) => r.body)).toEqual([
			{
				ContactRelationEntity: {
					RelationId: 0,
					SourceContactId: 140,
					SourcePersonId: 0,
					DestinationContactId: 141,
					DestinationPersonId: 0,
					RelationDefinitionId: 4,
					Reversed: 0,
					Comment: 'Joint venture',
				},
			},
		]);
		const saved = result.items[0].json;
		expect(saved).toMatchObject({
			SourceContactName: 'Aurora Logistics AB',
			DestinationContactName: 'Baltic Timber Oy',
			ActiveText: 'Partner of',
			Comment: 'Joint venture',
		});
		expect(sims.so.state.relations.get(saved.RelationId as number)).toMatchObject({ comment: 'Joint venture' });
	});

	it('creates a relation between persons at the companies', async () => {
		const result = await run([
			{
				relationDefinitionId: 3,
				sourceContactId: 138,
				sourcePersonId: 267,
				destinationContactId: 141,
				destinationPersonId: 315,
			},
		]);

		expect(result.items[0].json).toMatchObject({
			SourcePersonName: 'Ola Hansen',
			DestinationPersonName: 'Mikko Virtanen',
		});
	});

	it('sends one request per item and pairs each saved relation to its input', async () => {
		const result = await run([PARTNERS, { ...PARTNERS, destinationContactId: 138 }]);

		expect(saves()).toHaveLength(2);
		expect(result.items.map((item) => [item.pairedItem, item.json.DestinationContactId])).toEqual([
			[{ item: 0 }, 141],
			[{ item: 1 }, 138],
		]);
	});

	it("reports a refusal with SuperOffice's message and what to check", async () => {
		const result = await run([{ ...PARTNERS, destinationPersonId: 266 }]);

		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.message).toBe(
			'SuperOffice could not create a relation from company 140 to company 141: The request is invalid. Person 266 does not belong to contact 141 [item 0]',
		);
		expect(result.error?.description).toContain('each person belongs to the company given with it');
	});

	it('does not call an empty answer a saved relation', async () => {
		sims.so.injectFault({ match: { path: ENDPOINT }, status: 200, contentType: 'application/json', body: 'null' });
		const result = await run([PARTNERS]);

		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.message).toContain('the answer holds no saved relation (null)');
	});

	it('never sends a create again after an unknown outcome, and says it may have been created', async () => {
		sims.so.injectFault({ match: { path: ENDPOINT }, kind: 'appliedThenHang' });
		const result = await run([PARTNERS], { options: { timeout: 300, maxTries: 3 } });

		expect(result.error?.message).toContain('did not confirm whether it could create a relation');
		expect(result.error?.description).toContain('it was not sent again');
		expect(saves()).toHaveLength(1);
	});

	it.each([
		['no relation definition', { relationDefinitionId: '' }, 'Relation Definition Name or ID'],
		['a zero source company', { sourceContactId: 0 }, 'Source Company (Contact)'],
		['a text destination company', { destinationContactId: 'Baltic' }, 'Destination Company (Contact)'],
		['a negative source person', { sourcePersonId: -2 }, 'Source Person ID'],
	])('refuses %s before calling SuperOffice, naming the field', async (_case, change, field) => {
		const result = await run([PARTNERS, { ...PARTNERS, ...change }]);

		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toContain(field);
		expect(result.error?.message).toContain('[item 1]');
		expect(sims.so.requests).toHaveLength(0);
	});

	it('under On Error: Continue, fails only the refused item', async () => {
		const result = await run([{ ...PARTNERS, relationDefinitionId: 99 }, PARTNERS], {
			onError: 'continueRegularOutput',
		});

		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.items[0].json.error).toContain('Relation definition 99 does not exist');
		expect(result.items[1].json).toMatchObject({ RelationDefinitionId: 4 });
	});

	it("offers the tenant's relation definitions, without deleted ones", async () => {
		const options = await harness.loadOptions({
			nodeType: 'superOffice',
			method: 'getRelationDefinitions',
			credentials: superOfficeCredential(sims.so),
		});

		expect(options).toEqual([
			{ name: 'Subsidiary of', value: 1, description: 'Subsidiary of / Parent of' },
			{ name: 'Supplier to', value: 2, description: 'Supplier to / Customer of' },
			{ name: 'Consultant for', value: 3, description: 'Consultant for / Has consultant' },
			{ name: 'Partner of', value: 4, description: 'Partner of / Partner of' },
		]);
		expect(sims.so.requests.map((r) => [r.path, r.query])).toEqual([
			['/v1/MDOList/relationdefinition', { flat: 'true' }],
		]);
	});
});
