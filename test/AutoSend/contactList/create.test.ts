import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { createListParameters, QUICK, runAutoSend } from '../../support/autosend-operations';
import { useSimulators } from '../../support/package';

describe('AutoSend › Contact List › Create', () => {
	const sim = useSimulators({ each: true });
	const run = async (items: object[], extra: Record<string, unknown> = {}, onError?: 'continueRegularOutput') =>
		await runAutoSend(sim.as, createListParameters({ options: QUICK, ...extra }), items, onError);

	it('creates a list per item and outputs it', async () => {
		const result = await run([{ name: 'Leads', description: 'From the website' }], {
			description: '={{ $json.description }}',
		});

		expect(sim.as.requests.map((r) => [r.method, r.path, r.body, r.status])).toEqual([
			['POST', '/contact-lists', { name: 'Leads', description: 'From the website' }, 201],
		]);
		expect(result.items).toEqual([
			{
				json: expect.objectContaining({ id: expect.any(String), name: 'Leads', type: 'list', contactCount: 0 }),
				pairedItem: { item: 0 },
			},
		]);
	});

	it("fails a name that exists with AutoSend's message and what to do, and keeps the other items", async () => {
		const result = await run([{ name: 'Newsletter' }, { name: 'Fresh' }], {}, 'continueRegularOutput');

		expect(result.items[0].json.error).toContain('A contact list named "Newsletter" already exists');
		expect(result.items[0].json.error).toContain('List names are unique');
		expect(result.items[1].json.name).toBe('Fresh');
	});

	it('never sends a create twice when its answer is lost, and says it may have happened', async () => {
		sim.as.injectFault({ match: { path: '/contact-lists' }, kind: 'appliedThenHang' });
		const result = await run([{ name: 'Once' }], { options: { ...QUICK, timeout: 300, maxTries: 3 } });

		expect(sim.as.requests).toHaveLength(1);
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.message).toContain('did not confirm whether it could create contact list "Once"');
	});

	it.each([
		['an empty name', { name: ' ' }, 'Name is empty'],
		['a name over 200 characters', { name: 'x'.repeat(201) }, 'Name has 201 characters; AutoSend accepts at most 200'],
	])('refuses %s before calling AutoSend', async (_case, item, message) => {
		const result = await run([item]);

		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toContain(message);
		expect(sim.as.requests).toHaveLength(0);
	});
});
