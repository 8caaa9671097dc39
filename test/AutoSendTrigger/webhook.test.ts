// AutoSend Trigger: registration lifecycle through n8n-core's hook context, and signed deliveries from
// the simulator to the harness's webhook URL, run through n8n-core's webhook context.
import type { ActiveTrigger } from '../harness';
import { shutdownHarness } from '../harness';
import type { AutoSendSimulator } from '../simulators';
import { postTo, signAutoSendPayload, startAutoSendSimulator } from '../simulators';
import { AUTOSEND_KEY, autoSendCredential, harness } from '../support/package';
import { sendAgainAfterRestart } from '../support/restart';

describe('AutoSend Trigger', () => {
	let sim: AutoSendSimulator;
	let trigger: ActiveTrigger | undefined;

	const start = async (events: string[] = ['email.bounced', 'contact.deleted']) => {
		trigger = await harness.startTrigger({
			nodeType: 'autoSendTrigger',
			parameters: { events },
			credentials: autoSendCredential(sim),
		});
		return trigger;
	};

	afterEach(async () => {
		await trigger?.close();
		trigger = undefined;
		await sim.close();
	});
	afterAll(async () => await shutdownHarness());

	describe('registration', () => {
		beforeEach(async () => {
			sim = await startAutoSendSimulator();
		});

		it('registers url and events on activation and keeps the returned whsec_ secret', async () => {
			const t = await start();
			await t.activate();

			const [webhook] = [...sim.webhooks.values()];
			expect(webhook).toMatchObject({
				url: t.webhookUrl,
				events: ['email.bounced', 'contact.deleted'],
				isActive: true,
			});
			expect(sim.requests.find((r) => r.method === 'POST')?.body).toEqual({
				url: t.webhookUrl,
				events: ['email.bounced', 'contact.deleted'],
			});
			expect(sim.requests.find((r) => r.method === 'POST')?.headers.authorization).toBe(`Bearer ${AUTOSEND_KEY}`);
			expect(t.nodeStaticData).toEqual({ webhookId: webhook.id, webhookSecret: webhook.secret });
			expect(webhook.secret).toMatch(/^whsec_/);
		});

		it('keeps the webhook on restart when it still exists', async () => {
			const t = await start();
			await t.activate();

			await expect(t.checkExists()).resolves.toBe(true);
			expect(sim.webhooks.size).toBe(1);
		});

		it('switches a deactivated webhook back on instead of registering another', async () => {
			const t = await start();
			await t.activate();
			const [webhook] = [...sim.webhooks.values()];
			webhook.isActive = false;

			await t.activate('init');

			expect(sim.webhooks.size).toBe(1);
			expect(webhook.isActive).toBe(true);
		});

		it('registers again when the webhook is gone', async () => {
			const t = await start();
			await t.activate();
			sim.webhooks.clear();

			await t.activate('init');

			expect(sim.webhooks.size).toBe(1);
			expect(t.nodeStaticData.webhookId).toBe([...sim.webhooks.keys()][0]);
		});

		it('deletes its webhook on deactivation', async () => {
			const t = await start();
			await t.activate();

			await t.deactivate();

			expect(sim.webhooks.size).toBe(0);
			expect(t.nodeStaticData).toEqual({});
		});

		it("reports a refused registration with AutoSend's message and how to fix it", async () => {
			const t = await start();
			sim.injectFault({
				match: { method: 'POST', path: '/webhooks' },
				status: 403,
				body: { success: false, error: { message: 'Webhooks are not available on this plan', code: 'PLAN_LIMIT' } },
			});

			const error = await t.activate().then(
				() => undefined,
				(e: Error & { description?: string }) => e,
			);

			expect(error?.message).toBe(
				'AutoSend could not register the webhook: Webhooks are not available on this plan (PLAN_LIMIT)',
			);
			expect(error?.description).toContain('project API key');
		});
	});

	it('deactivates the webhook with PUT isActive false when AutoSend has no DELETE', async () => {
		sim = await startAutoSendSimulator({ supportsWebhookDelete: false });
		const t = await start();
		await t.activate();

		await expect(t.delete()).resolves.toBe(true);

		const [webhook] = [...sim.webhooks.values()];
		expect(webhook.isActive).toBe(false);
		expect(sim.requests.slice(-2).map((r) => [r.method, r.status, r.body])).toEqual([
			['DELETE', 404, undefined],
			['PUT', 200, { isActive: false }],
		]);
		expect(t.nodeStaticData).toEqual({});
	});

	describe('deliveries', () => {
		beforeEach(async () => {
			sim = await startAutoSendSimulator();
		});

		it('starts the workflow with a signed event', async () => {
			const t = await start();
			await t.activate();

			const [delivery] = await sim.fireEvent('email.bounced', {
				emailId: 'em_1',
				to: { email: 'jane@example.com' },
				bounceType: 'Permanent',
			});

			expect(delivery.status).toBe(200);
			expect(t.executions).toHaveLength(1);
			expect(t.executions[0][0].json).toMatchObject({
				type: 'email.bounced',
				data: { emailId: 'em_1', to: { email: 'jane@example.com' } },
				deliveryId: delivery.deliveryId,
			});
		});

		it('runs a delivery once when AutoSend retries it with the same delivery id', async () => {
			const t = await start();
			await t.activate();
			const [delivery] = await sim.fireEvent('contact.deleted', { contactId: '60d5ec49f1b2c72d9c8b1111' });

			const retry = await sim.redeliver(delivery);

			expect(retry.status).toBe(200);
			expect(JSON.parse(retry.responseBody)).toEqual({
				message: 'This delivery was already received; it starts no second run',
			});
			expect(t.executions).toHaveLength(1);
			// Nothing about deliveries goes to static data, which n8n returns with the workflow.
			expect(Object.keys(t.nodeStaticData).sort()).toEqual(['webhookId', 'webhookSecret']);
		});

		it('passes nothing on when a delivery is retried after n8n restarted', async () => {
			const before = await start(['contact.deleted']);
			await before.activate();
			const [delivery] = await sim.fireEvent('contact.deleted', { contactId: '60d5ec49f1b2c72d9c8b1111' });
			expect(before.executions.map((run) => run.length)).toEqual([1]);
			trigger = undefined;

			const again = await sendAgainAfterRestart(
				before,
				{
					nodeType: 'autoSendTrigger',
					parameters: { events: ['contact.deleted'] },
					credentials: autoSendCredential(sim),
				},
				delivery,
			);

			expect(again.status).toBe(200);
			// n8n starts a run before any node can look into its store; the trigger ends it at once.
			expect(again.runs).toEqual([[]]);
		});

		it('runs a captured delivery replayed with a new delivery id once: the id is not signed, the body is', async () => {
			const t = await start();
			await t.activate();
			const [delivery] = await sim.fireEvent('email.bounced', { emailId: 'em_1', to: { email: 'jane@example.com' } });

			const replay = await postTo(t.webhookUrl, delivery.rawBody, {
				...delivery.headers,
				'X-Webhook-Delivery-Id': 'dlv_replayed_with_a_new_id',
			});

			expect(replay.status).toBe(200);
			expect(t.executions).toHaveLength(1);
		});

		it.each(['__proto__', 'constructor', 'toString'])(
			'treats a delivery id %s as any other id: one run, and its retry none',
			async (deliveryId) => {
				const t = await start();
				await t.activate();
				const body = JSON.stringify({
					type: 'email.bounced',
					createdAt: new Date().toISOString(),
					data: { emailId: deliveryId },
				});
				const headers = {
					'Content-Type': 'application/json',
					'X-Webhook-Delivery-Id': deliveryId,
					'X-Webhook-Signature': signAutoSendPayload(String(t.nodeStaticData.webhookSecret), body),
				};

				const first = await postTo(t.webhookUrl, body, headers);
				const retry = await postTo(t.webhookUrl, body, headers);

				expect([first.status, retry.status]).toEqual([200, 200]);
				expect(t.executions).toHaveLength(1);
				expect(t.executions[0][0].json.deliveryId).toBe(deliveryId);
			},
		);

		it('runs two different deliveries of the same event twice', async () => {
			const t = await start();
			await t.activate();

			await sim.fireEvent('email.bounced', { emailId: 'em_1' });
			await sim.fireEvent('email.bounced', { emailId: 'em_1' });

			expect(t.executions).toHaveLength(2);
		});

		it('answers 401 and starts nothing for a wrong, missing or forged signature', async () => {
			const t = await start();
			await t.activate();
			const body = JSON.stringify({ type: 'email.bounced', data: {} });
			const send = async (headers: Record<string, string>) =>
				(
					await postTo(t.webhookUrl, body, {
						'Content-Type': 'application/json',
						'X-Webhook-Delivery-Id': 'dlv_x',
						...headers,
					})
				).status;

			expect(await send({})).toBe(401);
			expect(await send({ 'X-Webhook-Signature': signAutoSendPayload('whsec_guessed', body) })).toBe(401);
			expect(await send({ 'X-Webhook-Signature': 'zz' })).toBe(401);
			expect(t.executions).toHaveLength(0);
			// A forged delivery must not use up its id either.
			const [genuine] = await sim.fireEvent('email.bounced', { emailId: 'em_2' });
			expect(genuine.status).toBe(200);
			expect(t.executions).toHaveLength(1);
		});

		it('retries and still runs nothing when the secret AutoSend signs with is not ours', async () => {
			const t = await start();
			await t.activate();
			[...sim.webhooks.values()][0].secret = 'whsec_rotated';

			const deliveries = await sim.fireEvent('email.bounced', { emailId: 'em_1' });

			expect(deliveries.map((d) => d.status)).toEqual([401, 401, 401, 401]);
			expect(t.executions).toHaveLength(0);
		});

		it('reads the older envelope ({ event, timestamp })', async () => {
			const t = await start();
			await t.activate();
			const secret = String(t.nodeStaticData.webhookSecret);
			const body = JSON.stringify({
				event: 'email.bounced',
				timestamp: '2026-01-15T09:30:00Z',
				data: { emailId: 'em_2' },
			});

			const answer = await postTo(t.webhookUrl, body, {
				'Content-Type': 'application/json',
				'X-Webhook-Signature': signAutoSendPayload(secret, body),
				'X-Webhook-Delivery-Id': 'dlv_old',
			});

			expect(answer.status).toBe(200);
			expect(t.executions[0][0].json).toMatchObject({
				type: 'email.bounced',
				event: 'email.bounced',
				deliveryId: 'dlv_old',
			});
		});

		it('ignores a signed event that is not selected', async () => {
			const t = await start(['email.bounced']);
			await t.activate();
			[...sim.webhooks.values()][0].events.push('email.opened');

			const [delivery] = await sim.fireEvent('email.opened', { emailId: 'em_1' });

			expect(delivery.status).toBe(200);
			expect(t.executions).toHaveLength(0);
		});
	});
});
