import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { MARKETING_GROUP, QUICK, requestsTo, runAutoSend, suppressParameters } from '../../support/autosend-operations';
import { useSimulators } from '../../support/package';

const SUPPRESS = '/suppression-groups/emails/suppress';

describe('AutoSend › Suppression › Suppress Emails', () => {
	const sim = useSimulators({ each: true });
	const run = async (items: object[], extra: Record<string, unknown> = {}, onError?: 'continueRegularOutput') =>
		await runAutoSend(sim.as, suppressParameters({ options: QUICK, ...extra }), items, onError);

	it('suppresses addresses and says each one was suppressed', async () => {
		const result = await run([{ emails: 'Ada@Example.com, bob@example.com' }]);

		expect(requestsTo(sim.as, SUPPRESS).map((r) => r.body)).toEqual([
			{ emails: ['ada@example.com', 'bob@example.com'] },
		]);
		expect(result.items).toEqual([
			{
				json: {
					success: true,
					emails: ['ada@example.com', 'bob@example.com'],
					results: [
						{ email: 'ada@example.com', status: 'suppressed' },
						{ email: 'bob@example.com', status: 'suppressed' },
					],
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('an address already suppressed is the state asked for: success, flagged alreadySuppressed', async () => {
		await run([{ emails: 'ada@example.com' }]);
		const again = await run([{ emails: 'ada@example.com' }]);

		expect(again.items[0].json.results).toEqual([{ email: 'ada@example.com', status: 'alreadySuppressed' }]);
	});

	it('says "suppressedOrAlreadySuppressed" when AutoSend counts a mix', async () => {
		await run([{ emails: 'ada@example.com' }]);
		const result = await run([{ emails: 'ada@example.com, bob@example.com' }]);

		expect(result.items[0].json.results).toEqual([
			{ email: 'ada@example.com', status: 'suppressedOrAlreadySuppressed' },
			{ email: 'bob@example.com', status: 'suppressedOrAlreadySuppressed' },
		]);
	});

	it('sends group and reason, and items for different groups in separate requests', async () => {
		const result = await run(
			[
				{ emails: 'a@example.com', g: MARKETING_GROUP },
				{ emails: 'b@example.com', g: '' },
			],
			{
				additionalFields: { groupId: '={{ $json.g }}', reason: 'unsubscribed' },
			},
		);

		expect(requestsTo(sim.as, SUPPRESS).map((r) => r.body)).toEqual([
			{ emails: ['a@example.com'], groupId: MARKETING_GROUP, reason: 'unsubscribed' },
			{ emails: ['b@example.com'], reason: 'unsubscribed' },
		]);
		expect(result.items[0].json).toMatchObject({ groupId: MARKETING_GROUP, reason: 'unsubscribed' });
		expect(sim.as.state.suppressions.has(`${MARKETING_GROUP}\u0000a@example.com`)).toBe(true);
	});

	it('suppresses globally when Is Global is on', async () => {
		await run([{ emails: 'a@example.com' }], { additionalFields: { isGlobal: true } });

		expect(requestsTo(sim.as, SUPPRESS)[0].body).toEqual({ emails: ['a@example.com'], isGlobal: true });
		expect(sim.as.state.suppressions.has('global\u0000a@example.com')).toBe(true);
	});

	it('combines items into requests of at most 100 addresses', async () => {
		const items = Array.from({ length: 250 }, (_, i) => ({ emails: `s${i}@example.com` }));
		const result = await run(items);

		expect(requestsTo(sim.as, SUPPRESS).map((r) => (r.body as { emails: string[] }).emails.length)).toEqual([
			100, 100, 50,
		]);
		expect(result.items).toHaveLength(250);
	});

	it("fails the items of an unknown group with AutoSend's message, keeping the others", async () => {
		const result = await run(
			[
				{ emails: 'a@example.com', g: 'NOPE1' },
				{ emails: 'b@example.com', g: MARKETING_GROUP },
			],
			{ additionalFields: { groupId: '={{ $json.g }}' } },
			'continueRegularOutput',
		);

		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.items[0].json.error).toContain('Suppression group not found');
		expect(result.items[1].json.success).toBe(true);
	});

	it('a failed request fails its items with the API error', async () => {
		sim.as.injectFault({
			match: { path: SUPPRESS },
			status: 402,
			body: { success: false, error: 'Plan upgrade required' },
		});
		const result = await run([{ emails: 'a@example.com' }]);

		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.description).toContain('Your AutoSend plan does not include this');
	});

	it.each([
		['a bad address', { emails: 'a@example.com, nope' }, {}, 'Emails contains "nope"'],
		[
			'a group together with Is Global',
			{ emails: 'a@example.com' },
			{ additionalFields: { groupId: MARKETING_GROUP, isGlobal: true } },
			'Group and Is Global are both set',
		],
	])('refuses %s before calling AutoSend', async (_case, item, extra, message) => {
		const result = await run([item], extra);

		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toContain(message);
		expect(sim.as.requests).toHaveLength(0);
	});
});
