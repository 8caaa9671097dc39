import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { shutdownHarness } from '../../harness';
import type { SuperOfficeSimulator } from '../../simulators';
import { startSuperOfficeSimulator } from '../../simulators';
import { SuperOffice } from '../../../nodes/SuperOffice/SuperOffice.node';
import { harness, removeMembersParameters, superOfficeCredential } from '../../support/package';

const ENDPOINT = '/v1/Agents/Selection/RemoveContactSelectionMembers';

describe('SuperOffice › Selection › Remove Members', () => {
	let sim: SuperOfficeSimulator;

	beforeEach(async () => {
		sim = await startSuperOfficeSimulator();
	});
	afterEach(async () => await sim.close());
	afterAll(async () => await shutdownHarness());

	const run = async (items: object[], extra: Record<string, unknown> = {}, selectionId: unknown = 938) =>
		await harness.runNode({
			nodeType: 'superOffice',
			parameters: removeMembersParameters(selectionId, extra),
			credentials: superOfficeCredential(sim),
			items: items as never,
			onError: (extra.onError as never) ?? undefined,
		});

	it('removes one person from a selection and reports the identifiers sent', async () => {
		const before = sim.memberCount(938);
		const result = await run([{ contactId: 138, personId: 266 }]);

		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			{ json: { success: true, selectionId: 938, contactId: 138, personId: 266 }, pairedItem: { item: 0 } },
		]);
		expect(sim.memberCount(938)).toBe(before - 1);
		const sent = sim.requests.filter((r) => r.path === ENDPOINT);
		expect(sent).toHaveLength(1);
		expect(sent[0].method).toBe('POST');
		expect(sent[0].headers['content-type']).toMatch(/^application\/json/);
		expect(sent[0].body).toEqual({ SelectionId: 938, ContactPersonIds: [{ PersonId: 266, ContactId: 138 }] });
	});

	it('removes a company member with Person ID 0', async () => {
		const result = await run([{ contactId: 140, personId: 0 }]);

		expect(result.items[0].json).toEqual({ success: true, selectionId: 938, contactId: 140, personId: 0 });
		expect(sim.requests.find((r) => r.path === ENDPOINT)?.body).toEqual({
			SelectionId: 938,
			ContactPersonIds: [{ PersonId: 0, ContactId: 140 }],
		});
	});

	it('combines items for the same selection into one request and pairs each output to its input', async () => {
		const result = await run([
			{ contactId: 138, personId: 266 },
			{ contactId: 138, personId: 267 },
			{ contactId: 139, personId: 301 },
		]);

		const sent = sim.requests.filter((r) => r.path === ENDPOINT);
		expect(sent).toHaveLength(1);
		expect(sent[0].body).toEqual({
			SelectionId: 938,
			ContactPersonIds: [
				{ PersonId: 266, ContactId: 138 },
				{ PersonId: 267, ContactId: 138 },
				{ PersonId: 301, ContactId: 139 },
			],
		});
		expect(result.items.map((item) => [item.pairedItem, item.json.personId])).toEqual([
			[{ item: 0 }, 266],
			[{ item: 1 }, 267],
			[{ item: 2 }, 301],
		]);
	});

	it('sends one request per selection when items target different selections', async () => {
		const result = await harness.runNode({
			nodeType: 'superOffice',
			parameters: removeMembersParameters('={{ $json.selectionId }}'),
			credentials: superOfficeCredential(sim),
			items: [
				{ selectionId: 938, contactId: 138, personId: 266 },
				{ selectionId: 939, contactId: 139, personId: 301 },
				{ selectionId: 938, contactId: 138, personId: 267 },
			],
		});

		const bodies = sim.requests.filter((r) => r.path === ENDPOINT).map((r) => r.body);
		expect(bodies).toEqual([
			{
				SelectionId: 938,
				ContactPersonIds: [
					{ PersonId: 266, ContactId: 138 },
					{ PersonId: 267, ContactId: 138 },
				],
			},
			{ SelectionId: 939, ContactPersonIds: [{ PersonId: 301, ContactId: 139 }] },
		]);
		expect(result.items.map((item) => item.json.selectionId)).toEqual([938, 939, 938]);
	});

	it('sends a member asked for twice only once, and still answers both items', async () => {
		const result = await run([
			{ contactId: 138, personId: 266 },
			{ contactId: 138, personId: 266 },
		]);

		expect(sim.requests.find((r) => r.path === ENDPOINT)?.body).toEqual({
			SelectionId: 938,
			ContactPersonIds: [{ PersonId: 266, ContactId: 138 }],
		});
		expect(result.items).toHaveLength(2);
	});

	it('accepts the selection from the list picker and numeric strings from expressions', async () => {
		const result = await harness.runNode({
			nodeType: 'superOffice',
			parameters: {
				...removeMembersParameters(938),
				selectionId: { __rl: true, mode: 'list', value: '938', cachedResultName: 'Newsletter subscribers' },
				contactId: '={{ "138" }}',
				personId: '={{ "266" }}',
			},
			credentials: superOfficeCredential(sim),
		});

		expect(result.items[0].json).toEqual({ success: true, selectionId: 938, contactId: 138, personId: 266 });
	});

	it('offers no Fields or Language: SuperOffice answers a removal with no content to shape', async () => {
		const properties = new SuperOffice().description.properties.filter((property) =>
			property.displayOptions?.show?.operation?.includes('removeMembers'),
		);
		const options = properties.find((property) => property.name === 'options')?.options ?? [];

		expect(options.map((option) => option.name)).not.toContain('select');
		expect(options.map((option) => option.name)).not.toContain('language');
	});

	it.each([
		['a negative person id', { contactId: 138, personId: -1 }, 'Person ID'],
		['a decimal company id', { contactId: 13.5, personId: 266 }, 'Company (Contact) ID'],
		['a zero company id', { contactId: 0, personId: 266 }, 'Company (Contact) ID'],
		['a text company id', { contactId: 'abc', personId: 266 }, 'Company (Contact) ID'],
		['a missing company id', { personId: 266 }, 'Company (Contact) ID'],
		['an id beyond int32', { contactId: 2147483648, personId: 266 }, 'Company (Contact) ID'],
	])('refuses %s before calling SuperOffice, naming the field and the item', async (_case, item, field) => {
		const result = await run([{ contactId: 138, personId: 266 }, item]);

		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toContain(field);
		expect(result.error?.message).toContain('[item 1]');
		expect(sim.requests.filter((r) => r.path === ENDPOINT)).toHaveLength(0);
	});

	it("leaves a malformed static selection ID to n8n's own parameter check", async () => {
		await expect(run([{ contactId: 138, personId: 266 }], {}, '12a')).rejects.toThrow(/workflow has issues/);
		expect(sim.requests).toHaveLength(0);
	});

	it.each([[0], ['-5'], ['12a'], [''], [null], [[938]]])(
		'refuses the selection ID %j from an expression',
		async (selectionId) => {
			const result = await run([{ selectionId, contactId: 138, personId: 266 }], {}, '={{ $json.selectionId }}');

			expect(result.error).toBeInstanceOf(NodeOperationError);
			expect(result.error?.message).toMatch(/^Selection must be a whole number.*\[item 0\]$/);
			expect(sim.requests).toHaveLength(0);
		},
	);

	it("reports SuperOffice's own message when the agent answers an error with status 200", async () => {
		const result = await run([{ contactId: 138, personId: 266 }], {}, 999);

		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.message).toBe(
			'SuperOffice could not remove members from selection 999: The request is invalid. Selection 999 does not exist [item 0]',
		);
		expect(result.error?.description).toMatch(/Check that the IDs exist/);
	});

	it('with On Error: Continue, fails only the items of the failing request', async () => {
		const result = await harness.runNode({
			nodeType: 'superOffice',
			parameters: removeMembersParameters('={{ $json.selectionId }}'),
			credentials: superOfficeCredential(sim),
			onError: 'continueRegularOutput',
			items: [
				{ selectionId: 938, contactId: 138, personId: 266 },
				{ selectionId: 999, contactId: 138, personId: 267 },
				{ selectionId: 999, contactId: 139, personId: 301 },
				{ selectionId: 938, contactId: 'x', personId: 1 },
			],
		});

		expect(result.items).toHaveLength(4);
		expect(result.items[0].json).toEqual({ success: true, selectionId: 938, contactId: 138, personId: 266 });
		for (const index of [1, 2, 3]) {
			expect(Object.keys(result.items[index].json)).toEqual(['error']);
			expect(result.items[index].pairedItem).toEqual({ item: index });
			expect(result.items[index].json.error).toContain(`[item ${index}]`);
		}
		expect(result.items[1].json.error).toContain('Selection 999 does not exist');
		expect(result.items[1].json.error).toContain('2 items combined');
		expect(result.items[3].json.error).toContain('Company (Contact) ID');
	});
});
