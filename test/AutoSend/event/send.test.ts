import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { JANE, QUICK, requestsTo, runAutoSend, sendEventParameters } from '../../support/autosend-operations';
import { useSimulators } from '../../support/package';

describe('AutoSend › Event › Send', () => {
	const sim = useSimulators({ each: true });
	const run = async (items: object[], extra: Record<string, unknown> = {}, onError?: 'continueRegularOutput') =>
		await runAutoSend(sim.as, sendEventParameters({ options: QUICK, ...extra }), items, onError);

	it('sends an event for a contact by email with properties as fields, and outputs the recorded event', async () => {
		const result = await run([{ email: 'Jane@Example.com' }], {
			properties: {
				property: [
					{ name: 'order_total', value: '129.99' },
					{ name: 'currency', value: 'USD' },
				],
			},
		});

		expect(requestsTo(sim.as, '/events/send').map((r) => [r.body, r.status])).toEqual([
			[
				{
					eventName: 'order_completed',
					email: JANE.email,
					eventProperties: { order_total: '129.99', currency: 'USD' },
				},
				201,
			],
		]);
		expect(result.items).toEqual([
			{
				json: {
					success: true,
					id: expect.any(String),
					eventName: 'order_completed',
					contactId: JANE.id,
					properties: { order_total: 129.99, currency: 'USD' },
					createdAt: expect.any(String),
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('sends an event picked From List for a contact by ID, with properties as JSON', async () => {
		await run([{}], {
			eventName: { __rl: true, mode: 'list', value: 'signup_completed' },
			identifyBy: 'contactId',
			contactId: JANE.id,
			specifyProperties: 'json',
			propertiesJson: '{}',
		});

		expect(requestsTo(sim.as, '/events/send')[0].body).toEqual({ eventName: 'signup_completed', contactId: JANE.id });
		expect(sim.as.state.eventLogs).toHaveLength(1);
	});

	it('never sends an event twice when its answer is lost, and says it may have been recorded', async () => {
		sim.as.injectFault({ match: { path: '/events/send' }, kind: 'appliedThenHang' });
		const result = await run([{ email: JANE.email }], { options: { ...QUICK, timeout: 300, maxTries: 3 } });

		expect(requestsTo(sim.as, '/events/send')).toHaveLength(1);
		expect(sim.as.state.eventLogs).toHaveLength(1);
		expect(result.error?.message).toContain(
			'did not confirm whether it could send event order_completed for jane@example.com',
		);
	});

	it('fails an event AutoSend does not know with its message and what to check', async () => {
		const result = await run([{ email: JANE.email }], { eventName: { __rl: true, mode: 'name', value: 'nope' } });

		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.message).toContain('Event not found (EVENT_NOT_FOUND)');
		expect(result.error?.description).toContain('defined under Events in AutoSend');
	});

	it("fails only the item whose property the event does not declare, with AutoSend's message", async () => {
		const result = await run(
			[
				{ email: JANE.email, p: 'currency' },
				{ email: JANE.email, p: 'shoe_size' },
			],
			{ properties: { property: [{ name: '={{ $json.p }}', value: 'x' }] } },
			'continueRegularOutput',
		);

		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.items[0].json.success).toBe(true);
		expect(result.items[1].json.error).toContain('Validation failed');
	});

	it("fails a contact AutoSend does not have, with AutoSend's message", async () => {
		const result = await run([{ email: 'nobody@example.com' }]);

		expect(result.error?.message).toContain('Contact not found');
	});

	it.each([
		[
			'an event name with spaces',
			{ eventName: { __rl: true, mode: 'name', value: '={{ "order completed" }}' } },
			{ email: JANE.email },
			'is not an AutoSend event name',
		],
		['an address that is not one', {}, { email: 'jane' }, 'Email is "jane", which is not one email address'],
		[
			'an email as contact ID',
			{ identifyBy: 'contactId', contactId: '={{ $json.email }}' },
			{ email: JANE.email },
			'is not an AutoSend contact ID',
		],
		[
			'a property without a name',
			{ properties: { property: [{ name: '', value: '1' }] } },
			{ email: JANE.email },
			'a property without a name',
		],
		[
			'a property value that is an object',
			{ specifyProperties: 'json', propertiesJson: '{"currency": {"a": 1}}' },
			{ email: JANE.email },
			'must be text, a number',
		],
	])('refuses %s before sending', async (_case, extra, item, message) => {
		const result = await run([item], extra);

		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toContain(message);
		expect(sim.as.requests).toHaveLength(0);
	});
});
