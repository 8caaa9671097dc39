import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { harness, superOfficeCredential, useSimulators } from '../../support/package';
import { addMembersParameters } from '../../support/superoffice-selections';

const ENDPOINT = '/v1/Agents/Selection/AddContactSelectionMembers';

describe('SuperOffice › Selection › Add Members', () => {
	const sims = useSimulators();
	/** A fresh static selection per test: the simulator's state lives as long as the file. */
	const emptySelection = (kind: 'static' | 'dynamic' = 'static') =>
		sims.so.addSelection({ name: `Add members ${Math.random()}`, kind }).selectionId;
	const members = (selectionId: number) =>
		sims.so.state.selections.get(selectionId)?.members.map((m) => `${m.contactId}/${m.personId}`);
	const sent = () => sims.so.requests.filter((r) => r.path === ENDPOINT);

	const run = async (selectionId: unknown, items: object[], extra: Record<string, unknown> = {}) =>
		await harness.runNode({
			nodeType: 'superOffice',
			parameters: addMembersParameters(selectionId, extra),
			credentials: superOfficeCredential(sims.so),
			items: items as never,
			onError: (extra.onError as never) ?? undefined,
		});

	it('adds one person to a selection and reports the identifiers sent', async () => {
		const selectionId = emptySelection();
		const result = await run(selectionId, [{ contactId: 138, personId: 266 }]);

		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			{ json: { success: true, selectionId, contactId: 138, personId: 266 }, pairedItem: { item: 0 } },
		]);
		expect(members(selectionId)).toEqual(['138/266']);
		expect(sent()).toHaveLength(1);
		expect(sent()[0].headers['content-type']).toMatch(/^application\/json/);
		expect(sent()[0].body).toEqual({ SelectionId: selectionId, ContactPersonIds: [{ PersonId: 266, ContactId: 138 }] });
	});

	it('adds a company itself with Person ID 0', async () => {
		const selectionId = emptySelection();
		const result = await run(selectionId, [{ contactId: 140, personId: 0 }]);

		expect(result.items[0].json).toEqual({ success: true, selectionId, contactId: 140, personId: 0 });
		expect(members(selectionId)).toEqual(['140/0']);
	});

	it('combines items for the same selection into one request, each output paired to its input', async () => {
		const selectionId = emptySelection();
		const result = await run(selectionId, [
			{ contactId: 138, personId: 266 },
			{ contactId: 138, personId: 267 },
			{ contactId: 139, personId: 301 },
			{ contactId: 138, personId: 266 },
		]);

		expect(sent()).toHaveLength(1);
		expect(sent()[0].body).toEqual({
			SelectionId: selectionId,
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
			[{ item: 3 }, 266],
		]);
		expect(members(selectionId)).toEqual(['138/266', '138/267', '139/301']);
	});

	it('sends one request per selection when items target different selections', async () => {
		const [first, second] = [emptySelection(), emptySelection()];
		const result = await run('={{ $json.selectionId }}', [
			{ selectionId: first, contactId: 138, personId: 266 },
			{ selectionId: second, contactId: 139, personId: 301 },
			{ selectionId: first, contactId: 138, personId: 267 },
		]);

		expect(sent().map((r) => r.body)).toEqual([
			{
				SelectionId: first,
				ContactPersonIds: [
					{ PersonId: 266, ContactId: 138 },
					{ PersonId: 267, ContactId: 138 },
				],
			},
			{ SelectionId: second, ContactPersonIds: [{ PersonId: 301, ContactId: 139 }] },
		]);
		expect(result.items.map((item) => item.json.selectionId)).toEqual([first, second, first]);
	});

	it('treats a member that is already in the selection as added, claiming no more than SuperOffice says', async () => {
		const selectionId = sims.so.addSelection({
			name: 'Has Kari',
			members: [{ contactId: 138, personId: 266 }],
		}).selectionId;
		const result = await run(selectionId, [{ contactId: 138, personId: 266 }]);

		expect(result.error).toBeUndefined();
		// SuperOffice answers 204 for the whole request: it does not say whether the member was there before.
		expect(result.items[0].json).toEqual({ success: true, selectionId, contactId: 138, personId: 266 });
		expect(members(selectionId)).toEqual(['138/266']);
	});

	it('accepts the selection from the list picker and numeric strings from expressions', async () => {
		const selectionId = emptySelection();
		const result = await harness.runNode({
			nodeType: 'superOffice',
			parameters: {
				...addMembersParameters(selectionId),
				selectionId: { __rl: true, mode: 'list', value: String(selectionId), cachedResultName: 'Campaign' },
				contactId: '={{ "138" }}',
				personId: '={{ "267" }}',
			},
			credentials: superOfficeCredential(sims.so),
		});

		expect(result.items[0].json).toEqual({ success: true, selectionId, contactId: 138, personId: 267 });
	});

	it('says a dynamic selection takes no members, with SuperOffice message and how to fix it', async () => {
		const selectionId = emptySelection('dynamic');
		const result = await run(selectionId, [{ contactId: 138, personId: 266 }]);

		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.message).toBe(
			`SuperOffice could not add members to selection ${selectionId}: The request is invalid. Members can only be added to a static selection [item 0]`,
		);
		expect(result.error?.description).toContain(`is a dynamic selection`);
		expect(result.error?.description).toContain('Choose a static selection, or change the criteria in SuperOffice');
		expect(sims.so.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`POST ${ENDPOINT}`,
			`GET /v1/Selection/${selectionId}`,
		]);
		expect(members(selectionId)).toEqual([]);
	});

	it("explains a refused person with SuperOffice's message and what to check", async () => {
		const selectionId = emptySelection();
		const result = await run(selectionId, [{ contactId: 139, personId: 266 }]);

		expect(result.error?.message).toContain('Person 266 does not belong to contact 139');
		expect(result.error?.description).toContain('each person belongs to the company given with it');
		expect(result.error?.description).not.toContain('is a static selection');
	});

	it.each([
		['a negative person id', { contactId: 138, personId: -1 }, 'Person ID'],
		['a zero company id', { contactId: 0, personId: 266 }, 'Company (Contact) ID'],
		['a text company id', { contactId: 'abc', personId: 266 }, 'Company (Contact) ID'],
	])('refuses %s before calling SuperOffice, naming the field and the item', async (_case, item, field) => {
		const result = await run(emptySelection(), [{ contactId: 138, personId: 266 }, item]);

		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toContain(field);
		expect(result.error?.message).toContain('[item 1]');
		expect(sims.so.requests).toHaveLength(0);
	});

	it('with On Error: Continue, fails only the items of the refused request, each output paired', async () => {
		const [good, dynamic] = [emptySelection(), emptySelection('dynamic')];
		const result = await run(
			'={{ $json.selectionId }}',
			[
				{ selectionId: good, contactId: 138, personId: 266 },
				{ selectionId: dynamic, contactId: 138, personId: 267 },
				{ selectionId: dynamic, contactId: 139, personId: 301 },
				{ selectionId: good, contactId: 'x', personId: 1 },
			],
			{ onError: 'continueRegularOutput' },
		);

		expect(result.items).toHaveLength(4);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(result.items[0].json).toEqual({ success: true, selectionId: good, contactId: 138, personId: 266 });
		for (const index of [1, 2, 3]) expect(Object.keys(result.items[index].json)).toEqual(['error']);
		expect(result.items[1].json.error).toContain('Members can only be added to a static selection');
		expect(result.items[1].json.error).toContain('2 items combined');
		expect(result.items[3].json.error).toContain('Company (Contact) ID');
		expect(members(good)).toEqual(['138/266']);
	});

	it('shares one request with other runs adding to the same selection at the same moment', async () => {
		const selectionId = emptySelection();
		const runs = await Promise.all(
			[266, 267].map(async (personId) => await run(selectionId, [{ contactId: 138, personId }])),
		);

		expect(sent()).toHaveLength(1);
		expect(runs.map((r) => r.items.map((item) => item.json.personId))).toEqual([[266], [267]]);
		expect(members(selectionId)).toEqual(['138/266', '138/267']);
	});
});
