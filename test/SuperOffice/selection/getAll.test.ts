import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { harness, superOfficeCredential, useSimulators } from '../../support/package';
import { selectionParameters } from '../../support/superoffice-selections';

describe('SuperOffice › Selection › Get Many', () => {
	const sims = useSimulators();
	const run = async (extra: Record<string, unknown> = {}, items?: object[]) =>
		await harness.runNode({
			nodeType: 'superOffice',
			parameters: selectionParameters('getAll', extra),
			credentials: superOfficeCredential(sims.so),
			items: items as never,
			onError: (extra.onError as never) ?? undefined,
		});
	const listed = () => sims.so.requests.filter((r) => r.path === '/v1/Selection');

	beforeAll(() => {
		for (let i = 0; i < 230; i++) sims.so.addSelection({ name: `Campaign ${String(i).padStart(3, '0')}` });
	});

	it('lists selections with their id, name, kind, member type and member count', async () => {
		const result = await run({ returnAll: false, limit: 3 });

		expect(result.items.map((item) => item.json)).toEqual([
			{
				PrimaryKey: 938,
				EntityName: 'selection',
				selectionId: 938,
				name: 'Newsletter subscribers',
				kind: 'static',
				targetTableNumber: 5,
				memberCount: 4,
			},
			expect.objectContaining({ selectionId: 939 }),
			expect.objectContaining({ selectionId: 940, kind: 'dynamic' }),
		]);
		expect(listed()[0].query).toEqual({
			$select: 'selectionId,name,kind,targetTableNumber,memberCount',
			$top: '3',
			$skip: '0',
		});
	});

	it('with Return All, pages past the first page until SuperOffice has no more', async () => {
		const result = await run({ returnAll: true });

		expect(result.items).toHaveLength(233);
		expect(listed().map((r) => [r.query.$top, r.query.$skip])).toEqual([
			['200', '0'],
			['200', '200'],
		]);
	});

	it('with a Limit over one page, asks for the rest only', async () => {
		const result = await run({ returnAll: false, limit: 210 });

		expect(result.items).toHaveLength(210);
		expect(listed().map((r) => [r.query.$top, r.query.$skip])).toEqual([
			['200', '0'],
			['10', '200'],
		]);
	});

	it('filters by a part of the name on the server, quotes escaped', async () => {
		const result = await run({ returnAll: true, filters: { name: 'newsletter' } });
		expect(result.items.map((item) => item.json.selectionId)).toEqual([938]);
		expect(listed()[0].query.$filter).toBe("name contains 'newsletter'");

		sims.so.resetRequests();
		const quoted = await run({ returnAll: true, filters: { name: "O'Brien" } });
		expect(listed()[0].query.$filter).toBe("name contains 'O''Brien'");
		expect(quoted.items).toEqual([]);
	});

	it('answers each item with its own filter, paired', async () => {
		const result = await run({ returnAll: true, filters: { name: '={{ $json.name }}' } }, [
			{ name: 'Event' },
			{ name: 'Campaign 22' },
		]);

		expect(result.items.map((item) => [(item.pairedItem as { item: number }).item, item.json.name])).toEqual([
			[0, 'Event invitations 2026'],
			[1, 'Campaign 220'],
			[1, 'Campaign 221'],
			[1, 'Campaign 222'],
			[1, 'Campaign 223'],
			[1, 'Campaign 224'],
			[1, 'Campaign 225'],
			[1, 'Campaign 226'],
			[1, 'Campaign 227'],
			[1, 'Campaign 228'],
			[1, 'Campaign 229'],
		]);
	});

	it('refuses a name filter that is not text before calling SuperOffice', async () => {
		const result = await run({ returnAll: true, filters: { name: '={{ $json.name }}' } }, [
			{ name: 'x' },
			{ name: { a: 1 } },
		]);

		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toMatch(/^Filters › Name Contains must be text.*\[item 1\]$/);
		expect(sims.so.requests).toHaveLength(0);
	});

	it("reports a refused list with SuperOffice's message, and under On Error: Continue keeps the others", async () => {
		sims.so.injectFault({
			match: { path: '/v1/Selection' },
			status: 500,
			body: { Error: true, ErrorType: 'SoException', ErrorMessage: 'Archive failed', ErrorSource: 'x' },
		});
		const result = await run({ returnAll: false, limit: 1, onError: 'continueRegularOutput' }, [{}, {}]);

		expect(result.items.filter((item) => 'error' in item.json)).toHaveLength(1);
		expect(result.items.filter((item) => 'selectionId' in item.json)).toHaveLength(1);
		expect(
			result.items.map((item) => item.pairedItem).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
		).toEqual([{ item: 0 }, { item: 1 }]);

		sims.so.injectFault({ match: { path: '/v1/Selection' }, status: 500, body: { ErrorMessage: 'Archive failed' } });
		const stopped = await run({ returnAll: false, limit: 1 });
		expect(stopped.error).toBeInstanceOf(NodeApiError);
		expect(stopped.error?.message).toBe('SuperOffice could not list selections: Archive failed [item 0]');
	});
});
