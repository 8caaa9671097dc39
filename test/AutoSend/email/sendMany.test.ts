import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import {
	QUICK,
	requestsTo,
	runAutoSend,
	SENDER,
	sendManyParameters,
	SUPPRESSED,
} from '../../support/autosend-operations';
import { useSimulators } from '../../support/package';

const BULK = '/mails/bulk';

describe('AutoSend › Email › Send to Many', () => {
	const sim = useSimulators({ each: true });
	const run = async (items: object[], extra: Record<string, unknown> = {}, onError?: 'continueRegularOutput') =>
		await runAutoSend(sim.as, sendManyParameters({ options: QUICK, ...extra }), items, onError);

	it("sends items that share sender and content in one bulk request, with each recipient's own data", async () => {
		const result = await run(
			[
				{ email: 'ada@example.com', name: 'Ada' },
				{ email: 'bob@example.com', name: 'Bob' },
			],
			{ toName: '={{ $json.name }}', dynamicData: '={{ { name: $json.name } }}' },
		);

		expect(requestsTo(sim.as, BULK).map((r) => r.body)).toEqual([
			{
				from: { email: SENDER, name: 'Example' },
				subject: 'Hello',
				html: '<p>Hello {{name}}</p>',
				recipients: [
					{ email: 'ada@example.com', name: 'Ada', dynamicData: { name: 'Ada' } },
					{ email: 'bob@example.com', name: 'Bob', dynamicData: { name: 'Bob' } },
				],
			},
		]);
		const batchId = result.items[0].json.batchId;
		expect(result.items).toEqual([
			{ json: { success: true, toEmail: 'ada@example.com', batchId }, pairedItem: { item: 0 } },
			{ json: { success: true, toEmail: 'bob@example.com', batchId }, pairedItem: { item: 1 } },
		]);
		expect(sim.as.state.mails.map((mail) => mail.dynamicData)).toEqual([{ name: 'Ada' }, { name: 'Bob' }]);
	});

	it('sends at most 100 recipients per request', async () => {
		const items = Array.from({ length: 250 }, (_, i) => ({ email: `r${i}@example.com` }));
		const result = await run(items);

		expect(requestsTo(sim.as, BULK).map((r) => (r.body as { recipients: unknown[] }).recipients.length)).toEqual([
			100, 100, 50,
		]);
		expect(result.items).toHaveLength(250);
		expect(sim.as.state.mails).toHaveLength(250);
	});

	it('sends items with different subjects in separate requests', async () => {
		await run(
			[
				{ email: 'a@example.com', s: 'One' },
				{ email: 'b@example.com', s: 'Two' },
				{ email: 'c@example.com', s: 'One' },
			],
			{
				subject: '={{ $json.s }}',
			},
		);

		expect(requestsTo(sim.as, BULK).map((r) => r.body as { subject: string; recipients: unknown[] })).toEqual([
			expect.objectContaining({ subject: 'One', recipients: [{ email: 'a@example.com' }, { email: 'c@example.com' }] }),
			expect.objectContaining({ subject: 'Two', recipients: [{ email: 'b@example.com' }] }),
		]);
	});

	it('sends to a recipient once per item: two items for the same address are two emails', async () => {
		await run([{ email: 'a@example.com' }, { email: 'a@example.com' }]);

		expect((requestsTo(sim.as, BULK)[0].body as { recipients: unknown[] }).recipients).toHaveLength(2);
	});

	it('when AutoSend counts some failures without naming them, no item of that request claims success', async () => {
		const result = await run([{ email: 'a@example.com' }, { email: SUPPRESSED }], {}, 'continueRegularOutput');

		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		for (const item of result.items) {
			expect(Object.keys(item.json)).toEqual(['error']);
			expect(item.json.error).toContain('AutoSend did not confirm whether it could send the email');
			expect(item.json.error).toContain('sent 1 and failed 1 of the 2 emails of batch');
			expect(item.json.error).toContain('may or may not have got the email');
		}
	});

	it('when AutoSend sends none of a request, its items fail as not sent', async () => {
		const result = await run([{ email: SUPPRESSED }]);

		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.message).toContain('sent none of its 1 emails');
	});

	it('never sends a bulk request twice when its answer is lost', async () => {
		sim.as.injectFault({ match: { path: BULK }, kind: 'appliedThenHang' });
		const result = await run([{ email: 'a@example.com' }, { email: 'b@example.com' }], {
			options: { ...QUICK, timeout: 300, maxTries: 3 },
		});

		expect(requestsTo(sim.as, BULK)).toHaveLength(1);
		expect(result.error?.description).toContain('it was not sent again');
	});

	it.each([
		['a recipient that is not an address', { email: 'a@b' }, {}, 'To Email is "a@b", which is not one email address'],
		['no content', { email: 'a@example.com' }, { html: '' }, 'The email has no content'],
		[
			'dynamic data that is a list',
			{ email: 'a@example.com' },
			{ dynamicData: '=[1]' },
			'Dynamic Data must be a JSON object',
		],
	])('refuses %s before sending', async (_case, item, extra, message) => {
		const result = await run([{ email: 'ok@example.com' }, item], extra);

		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toContain(message);
		expect(sim.as.requests).toHaveLength(0);
	});
});
