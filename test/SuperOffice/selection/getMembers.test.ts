import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { harness, superOfficeCredential, useSimulators } from '../../support/package';
import { getMembersParameters } from '../../support/superoffice-selections';

const members = (selectionId: number) => new RegExp(`^/v1/Selection/${selectionId}/Members$`);

describe('SuperOffice › Selection › Get Members', () => {
	const sims = useSimulators();
	const run = async (selectionId: unknown, extra: Record<string, unknown> = {}, items?: object[]) =>
		await harness.runNode({
			nodeType: 'superOffice',
			parameters: getMembersParameters(selectionId, extra),
			credentials: superOfficeCredential(sims.so),
			items: items as never,
			onError: (extra.onError as never) ?? undefined,
		});
	/** A selection of `count` persons of Nordic Bikes AS (ids from 30000). */
	const bigSelection = (count: number) =>
		sims.so.addSelection({
			name: `Big ${count}`,
			members: Array.from({ length: count }, (_, i) => ({ contactId: 138, personId: 30_000 + i })),
		}).selectionId;
	const pages = (selectionId: number) =>
		sims.so.requests.filter((r) => members(selectionId).test(r.path)).map((r) => [r.query.$top, r.query.$skip]);

	it('lists persons and companies with their ids, names and email addresses', async () => {
		const result = await run(938);

		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([
			{
				selectionId: 938,
				memberType: 'person',
				contactId: 138,
				personId: 266,
				companyName: 'Nordic Bikes AS',
				fullName: 'Kari Nordmann',
				firstName: 'Kari',
				lastName: 'Nordmann',
				email: 'kari.nordmann@nordicbikes.example',
				companyEmail: '',
				selectionMemberId: 938001,
			},
			expect.objectContaining({ personId: 267, email: 'ola.hansen@nordicbikes.example' }),
			expect.objectContaining({ personId: 301, companyName: 'Fjord Consulting' }),
			expect.objectContaining({
				memberType: 'company',
				contactId: 140,
				personId: 0,
				companyName: 'Aurora Logistics AB',
			}),
		]);
		expect(result.items.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0)).toBe(
			true,
		);
		expect(sims.so.requests[0].query.$select).toBe(
			'selectionMemberId,contactId,name,personId,firstName,lastName,fullName,personEmail/emailAddress,email/emailAddress',
		);
	});

	it('with Return All, pages with $top and $skip past the first page until SuperOffice has no more', async () => {
		const selectionId = bigSelection(450);
		const result = await run(selectionId);

		expect(result.items).toHaveLength(450);
		expect(pages(selectionId)).toEqual([
			['200', '0'],
			['200', '200'],
			['200', '400'],
		]);
		expect(result.items[449].json).toMatchObject({ personId: 30_449, memberType: 'person' });
	});

	it('with a Limit, asks for no more rows than the limit and outputs exactly that many', async () => {
		const selectionId = bigSelection(450);
		const five = await run(selectionId, { returnAll: false, limit: 5 });
		expect(five.items).toHaveLength(5);
		expect(pages(selectionId)).toEqual([['5', '0']]);

		sims.so.resetRequests();
		const many = await run(selectionId, { returnAll: false, limit: 250 });
		expect(many.items).toHaveLength(250);
		expect(pages(selectionId)).toEqual([
			['200', '0'],
			['50', '200'],
		]);
	});

	it('keeps to the Limit when SuperOffice answers more rows than $top asked for', async () => {
		const rows = Array.from({ length: 5 }, (_, i) => ({ personId: 266 + i, contactId: 138 }));
		sims.so.injectFault({ match: { path: members(938) }, status: 200, body: { value: rows } });
		const result = await run(938, { returnAll: false, limit: 2 });

		expect(result.items.map((item) => item.json.personId)).toEqual([266, 267]);
	});

	it('pairs each item to the members of its own selection', async () => {
		const result = await run('={{ $json.selectionId }}', {}, [{ selectionId: 939 }, { selectionId: 938 }]);

		expect(result.items.map((item) => [(item.pairedItem as { item: number }).item, item.json.selectionId])).toEqual([
			[0, 939],
			[0, 939],
			[0, 939],
			[1, 938],
			[1, 938],
			[1, 938],
			[1, 938],
		]);
	});

	it('outputs nothing for a selection without members', async () => {
		const selectionId = sims.so.addSelection({ name: 'Empty' }).selectionId;
		const result = await run(selectionId);

		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([]);
	});

	it('with Fields, asks for those columns and outputs the rows as SuperOffice names them', async () => {
		const result = await run(938, { options: { select: 'personId,fullName', language: 'nb' } });

		expect(sims.so.requests[0].query.$select).toBe('personId,fullName');
		expect(sims.so.requests[0].headers['accept-language']).toBe('nb');
		expect(result.items[0].json).toEqual({
			PrimaryKey: 266,
			EntityName: 'person',
			personId: 266,
			fullName: 'Kari Nordmann',
		});
	});

	it("reports an unknown selection with SuperOffice's message, and under On Error: Continue keeps the others", async () => {
		const result = await run('={{ $json.selectionId }}', { onError: 'continueRegularOutput' }, [
			{ selectionId: 999 },
			{ selectionId: 939 },
		]);

		expect(result.items[0]).toEqual({
			json: { error: expect.stringContaining('Selection id 999 not found') },
			pairedItem: { item: 0 },
		});
		expect(result.items.slice(1).map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 1 }, { item: 1 }]);

		const stopped = await run(999);
		expect(stopped.error).toBeInstanceOf(NodeApiError);
		expect(stopped.error?.message).toBe(
			'SuperOffice could not list the members of selection 999: Selection id 999 not found [item 0]',
		);
		expect(stopped.error?.httpCode).toBe('404');
	});

	it('refuses a selection ID that is not a number before calling SuperOffice', async () => {
		const result = await run('={{ $json.selectionId }}', {}, [{ selectionId: 938 }, { selectionId: 'news' }]);

		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toMatch(/^Selection must be a whole number.*\[item 1\]$/);
		expect(sims.so.requests).toHaveLength(0);
	});
});
