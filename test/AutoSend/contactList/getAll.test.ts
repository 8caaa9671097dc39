import { NodeOperationError } from 'n8n-workflow';
import { startAutoSendSimulator } from '../../simulators';
import { getListsParameters, QUICK, runAutoSend } from '../../support/autosend-operations';
import { useSimulators } from '../../support/package';

describe('AutoSend › Contact List › Get Many', () => {
	const sim = useSimulators({ each: true });
	const run = async (extra: Record<string, unknown> = {}, items: object[] = [{}]) =>
		await runAutoSend(sim.as, getListsParameters({ options: QUICK, ...extra }), items);

	it('returns the lists, one output item per list, each paired to the input item', async () => {
		const result = await run({ returnAll: true });

		expect(sim.as.requests[0].query).toEqual({ type: 'list', page: '1', limit: '100' });
		expect(result.items.map((item) => item.json.name)).toEqual([
			'All Contacts',
			'Newsletter',
			'Customers',
			'Webinar attendees',
		]);
		expect(result.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('returns segments when Type is Segment', async () => {
		const result = await run({ returnAll: true, type: 'segment' });

		expect(result.items.map((item) => item.json)).toEqual([
			expect.objectContaining({ id: '60d5ec49f1b2c72d9c8b4570', type: 'segment' }),
		]);
	});

	it('Return All pages past the first page', async () => {
		for (let i = 0; i < 230; i++) sim.as.addList({ name: `List ${i}` });
		const result = await run({ returnAll: true });

		expect(sim.as.requests.map((r) => r.query.page)).toEqual(['1', '2', '3']);
		expect(result.items).toHaveLength(234);
	});

	it('Limit stops early and asks only for what it needs', async () => {
		for (let i = 0; i < 230; i++) sim.as.addList({ name: `List ${i}` });
		const result = await run({ returnAll: false, limit: 3 });

		expect(sim.as.requests.map((r) => r.query)).toEqual([{ type: 'list', page: '1', limit: '3' }]);
		expect(result.items).toHaveLength(3);
	});

	it('reads the lists under data.contacts too, as older AutoSend documentation names them', async () => {
		const older = await startAutoSendSimulator({ listsKey: 'contacts' });
		try {
			const result = await runAutoSend(older, getListsParameters({ returnAll: true, options: QUICK }));
			expect(result.items.map((item) => item.json.id)).toContain('60d5ec49f1b2c72d9c8b4567');
		} finally {
			await older.close();
		}
	});

	it('refuses a Type that is not list or segment before calling AutoSend', async () => {
		const result = await run({ type: '={{ "folder" }}' });

		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toContain('Type must be one of list, segment');
		expect(sim.as.requests).toHaveLength(0);
	});
});
