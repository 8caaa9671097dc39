/** The AutoSend simulator's events: definitions, and events sent for contacts against their schema. */
import { startAutoSendSimulator, type AutoSendSimulator } from '..';
import { AS_JSON, call } from '../../specClient';

const JANE = '60d5ec49f1b2c72d9c8b1111';

describe('AutoSend simulator: events', () => {
	let as: AutoSendSimulator;
	const send = (body: unknown) =>
		call(`${as.baseUrl}/events/send`, { method: 'POST', headers: AS_JSON, body: JSON.stringify(body) });

	beforeEach(async () => {
		as = await startAutoSendSimulator();
	});
	afterEach(async () => await as.close());

	it('lists event definitions newest first', async () => {
		const { body } = await call(`${as.baseUrl}/events`, { headers: AS_JSON });
		expect(body.data.events.map((e: { eventName: string }) => e.eventName)).toEqual([
			'signup_completed',
			'order_completed',
		]);
	});

	it('records an event (201), coercing properties to their declared types; contactId wins over email', async () => {
		const { status, body } = await send({
			eventName: 'order_completed',
			email: 'john@example.com',
			contactId: JANE,
			eventProperties: { order_total: '9.5', is_first_purchase: 'true' },
		});
		expect(status).toBe(201);
		expect(body.data).toMatchObject({ contactId: JANE, properties: { order_total: 9.5, is_first_purchase: true } });
		expect(as.state.eventLogs).toHaveLength(1);
	});

	it.each([
		['neither email nor contactId', { eventName: 'order_completed' }, 400, 'VALIDATION_FAILED'],
		['an unknown event', { eventName: 'nope', email: 'jane@example.com' }, 404, 'EVENT_NOT_FOUND'],
		[
			'an undeclared property',
			{ eventName: 'order_completed', email: 'jane@example.com', eventProperties: { x: 1 } },
			400,
			'VALIDATION_FAILED',
		],
		[
			'a value of the wrong type',
			{ eventName: 'order_completed', email: 'jane@example.com', eventProperties: { order_total: 'lots' } },
			400,
			'VALIDATION_FAILED',
		],
		['an unknown contact', { eventName: 'order_completed', email: 'nobody@example.com' }, 404, 'CONTACT_NOT_FOUND'],
	])('refuses %s', async (_case, body, status, code) => {
		const answer = await send(body);
		expect(answer.status).toBe(status);
		expect(answer.body.error.code).toBe(code);
		expect(as.state.eventLogs).toHaveLength(0);
	});
});
