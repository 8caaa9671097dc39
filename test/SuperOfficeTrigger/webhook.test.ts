// SuperOffice Trigger: registration lifecycle through n8n-core's hook context, and signed deliveries from
// the simulator to the harness's webhook URL, run through n8n-core's webhook context.
import { postTo } from '../simulators/superoffice';
import type { ActiveTrigger } from '../harness';
import { shutdownHarness } from '../harness';
import type { SuperOfficeSimulator } from '../simulators';
import { signSuperOfficePayload, startSuperOfficeSimulator } from '../simulators';
import { harness, superOfficeCredential, superOfficeOAuth2Credential } from '../support/package';
import { sendAgainAfterRestart } from '../support/restart';

describe('SuperOffice Trigger', () => {
	let sim: SuperOfficeSimulator;
	let trigger: ActiveTrigger | undefined;

	beforeEach(async () => {
		sim = await startSuperOfficeSimulator();
		sim.webhookRetryDelaysMs = [0, 0];
	});
	afterEach(async () => {
		await trigger?.close();
		trigger = undefined;
		await sim.close();
	});
	afterAll(async () => await shutdownHarness());

	const start = async (parameters: Record<string, unknown> = {}, credentials?: object) => {
		trigger = await harness.startTrigger({
			nodeType: 'superOfficeTrigger',
			parameters: { events: ['person.created', 'person.changed'], ...parameters },
			credentials: (credentials ?? superOfficeCredential(sim)) as never,
			workflowName: 'Person sync',
			workflowId: 'wf-7',
		});
		return trigger;
	};

	describe('registration', () => {
		it('registers its webhook on activation, answering the test event SuperOffice sends while saving', async () => {
			const t = await start();
			await t.activate();

			const [webhook] = [...sim.webhooks.values()];
			expect(webhook).toMatchObject({
				Name: 'n8n: Person sync (wf-7)',
				Events: ['person.created', 'person.changed'],
				TargetUrl: t.webhookUrl,
				State: 'Active',
				Type: 'webhook',
			});
			expect(webhook.Secret).toMatch(/^[0-9a-f]{64}$/);
			expect(sim.deliveries.map((d) => [d.event, d.status])).toEqual([['test', 200]]);
			expect(t.calls[0]).toMatchObject({ status: 200, started: false });
			expect(t.executions).toHaveLength(0);
			expect(t.nodeStaticData).toEqual({
				webhookId: webhook.WebhookId,
				webhookSecret: webhook.Secret,
			});
		});

		it('keeps the webhook on restart when it still exists and is Active', async () => {
			const t = await start();
			await t.activate();
			sim.resetRequests();

			await expect(t.checkExists()).resolves.toBe(true);
			await t.activate('init');

			expect(sim.webhooks.size).toBe(1);
			expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/Webhook/1', 'GET /v1/Webhook/1']);
		});

		it('registers again when SuperOffice deleted the webhook', async () => {
			const t = await start();
			await t.activate();
			sim.webhooks.clear();

			await t.activate('init');

			expect([...sim.webhooks.keys()]).toEqual([2]);
			expect(t.nodeStaticData.webhookId).toBe(2);
		});

		it('replaces a webhook SuperOffice stopped after too many errors', async () => {
			const t = await start();
			await t.activate();
			sim.webhooks.get(1)!.State = 'TooManyErrors';

			await t.activate('init');

			expect([...sim.webhooks.values()].map((w) => [w.WebhookId, w.State])).toEqual([[2, 'Active']]);
			expect(t.nodeStaticData.webhookId).toBe(2);
		});

		it('deletes its webhook on deactivation and forgets id and secret', async () => {
			const t = await start();
			await t.activate();

			await t.deactivate();

			expect(sim.webhooks.size).toBe(0);
			expect(t.nodeStaticData).toEqual({});
			expect(sim.requests.at(-1)).toMatchObject({ method: 'DELETE', path: '/v1/Webhook/1', status: 204 });
		});

		it('keeps id and secret when the delete fails, so the next activation reuses the webhook', async () => {
			const t = await start();
			await t.activate();
			sim.injectFault({
				match: { method: 'DELETE' },
				status: 500,
				body: { Error: true, ErrorMessage: 'Database busy' },
			});

			await expect(t.delete()).resolves.toBe(false);

			expect(t.nodeStaticData.webhookId).toBe(1);
			await expect(t.checkExists()).resolves.toBe(true);
		});

		it('explains webhook access when SuperOffice refuses the registration', async () => {
			const t = await start();
			sim.injectFault({
				match: { method: 'POST', path: '/v1/Webhook' },
				status: 403,
				body: {
					Error: true,
					ErrorType: 'SoSecurityException',
					ErrorMessage: 'Webhook agent is not available for this application',
				},
			});

			const error = await t.activate().then(
				() => undefined,
				(e: Error & { description?: string }) => e,
			);

			expect(error?.message).toBe(
				'SuperOffice could not register the webhook: Webhook agent is not available for this application',
			);
			expect(error?.description).toContain('access to the Webhook agent');
			expect(t.nodeStaticData).toEqual({});
		});

		it('refuses to register a webhook for no events, before any request', async () => {
			const t = await start({ events: [] });

			const error = await t.activate().then(
				() => undefined,
				(e: Error & { description?: string }) => e,
			);

			expect(error?.message).toBe('No events are selected');
			expect(error?.description).toContain('Choose at least one event in the SuperOffice Trigger');
			expect(sim.requests.filter((r) => r.method === 'POST')).toEqual([]);
		});

		it('fails the activation, saying why, when the webhook URL does not answer the test event', async () => {
			const t = await start();
			await t.close(); // n8n not reachable from SuperOffice

			const error = await t.activate().then(
				() => undefined,
				(e: Error & { description?: string }) => e,
			);

			expect(error?.message).toMatch(
				/^SuperOffice could not register the webhook: Webhook test to .* failed: expected 200 OK, got no answer$/,
			);
			expect(error?.description).toContain('must be reachable from the internet over HTTPS');
			expect(sim.webhooks.size).toBe(0);
		});

		it('works with the OAuth2 credential', async () => {
			const t = await start({ authentication: 'superOfficeOAuth2Api' }, await superOfficeOAuth2Credential(sim));
			await t.activate();

			expect(sim.webhooks.size).toBe(1);
			expect(sim.requests.find((r) => r.path === '/v1/Webhook')?.headers.authorization).toMatch(/^Bearer 8A:/);
		});
	});

	describe('deliveries', () => {
		it('starts the workflow with the event when the signature matches', async () => {
			const t = await start();
			await t.activate();

			const [delivery] = await sim.fireEvent('person.created', { primaryKey: 266, fieldValues: { contact_id: 138 } });

			expect(delivery.status).toBe(200);
			expect(t.executions).toHaveLength(1);
			expect(t.executions[0][0].json).toMatchObject({
				Event: 'person.created',
				PrimaryKey: 266,
				Entity: 'person',
				ContextIdentifier: 'Cust12345',
				FieldValues: { contact_id: 138 },
			});
		});

		it('answers 401 and starts nothing when the signature does not match', async () => {
			const t = await start();
			await t.activate();
			sim.webhooks.get(1)!.Secret = 'not-the-secret-n8n-knows';

			const deliveries = await sim.fireEvent('person.created', { primaryKey: 266 });

			expect(deliveries.map((d) => d.status)).toEqual([401, 401, 401]);
			expect(t.executions).toHaveLength(0);
		});

		it('answers 401 to an unsigned or forged request', async () => {
			const t = await start();
			await t.activate();
			const body = JSON.stringify({ Event: 'person.created', PrimaryKey: 266, Entity: 'person' });

			const unsigned = await postTo(t.webhookUrl, body, { 'Content-Type': 'application/json' });
			const forged = await postTo(t.webhookUrl, body, {
				'Content-Type': 'application/json',
				'X-SuperOffice-Signature': signSuperOfficePayload('guessed', body),
			});

			expect([unsigned.status, forged.status]).toEqual([401, 401]);
			expect(JSON.parse(forged.body)).toEqual({
				message: 'The X-SuperOffice-Signature header is missing or does not match',
			});
			expect(t.executions).toHaveLength(0);
		});

		it('verifies against the raw body, so a re-serialised body fails', async () => {
			const t = await start();
			await t.activate();
			const secret = String(t.nodeStaticData.webhookSecret);
			const signedBody = JSON.stringify({ Event: 'person.created', PrimaryKey: 266 });
			const sentBody = JSON.stringify({ Event: 'person.created', PrimaryKey: 266 }, null, 2);

			const answer = await postTo(t.webhookUrl, sentBody, {
				'Content-Type': 'application/json',
				'x-superoffice-signature': signSuperOfficePayload(secret, signedBody),
			});

			expect(answer.status).toBe(401);
		});

		it('answers a test event with 200 without starting the workflow', async () => {
			const t = await start();
			await t.activate();
			const body = JSON.stringify({ Event: 'test', PrimaryKey: 0, Entity: 'test' });

			const answer = await postTo(t.webhookUrl, body, { 'Content-Type': 'application/json', 'X-Hook-Test': 'true' });

			expect(answer.status).toBe(200);
			expect(t.executions).toHaveLength(0);
		});

		it('ignores a signed event that is not selected, with 200', async () => {
			const t = await start({ events: ['person.created'] });
			await t.activate();
			sim.webhooks.get(1)!.Events.push('sale.sold');

			const [delivery] = await sim.fireEvent('sale.sold', { primaryKey: 7 });

			expect(delivery.status).toBe(200);
			expect(t.executions).toHaveLength(0);
		});

		it('fetches the full person when asked, so the workflow gets name and email', async () => {
			const t = await start({ fetchFullRecord: true });
			await t.activate();

			await sim.fireEvent('person.changed', { primaryKey: 266, changes: ['firstname'] });

			expect(t.executions[0][0].json.record).toMatchObject({
				PersonId: 266,
				FullName: 'Kari Nordmann',
				Emails: [{ Value: 'kari.nordmann@nordicbikes.example' }],
				Contact: { ContactId: 138, Name: 'Nordic Bikes AS' },
			});
			expect(sim.requests.find((r) => r.path === '/v1/Person/266')?.method).toBe('GET');
		});

		it('still starts the workflow when the record is gone, saying why in recordError', async () => {
			const t = await start({ fetchFullRecord: true });
			await t.activate();

			await sim.fireEvent('person.changed', { primaryKey: 999 });

			expect(t.executions[0][0].json).toMatchObject({
				PrimaryKey: 999,
				record: null,
				recordError: 'SuperOffice could not fetch person 999: Person id 999 not found',
			});
		});

		it('does not fetch a record for a delete event', async () => {
			const t = await start({ events: ['person.deleted'], fetchFullRecord: true });
			await t.activate();

			await sim.fireEvent('person.deleted', { primaryKey: 266, values: { person_id: 266, contact_id: 138 } });

			expect(t.executions[0][0].json).toMatchObject({ Values: { person_id: 266, contact_id: 138 }, record: null });
			expect(sim.requests.filter((r) => r.path.startsWith('/v1/Person'))).toHaveLength(0);
		});

		it('runs an event once when SuperOffice sends it again with the same EventId', async () => {
			const t = await start();
			await t.activate();
			const [delivery] = await sim.fireEvent('person.changed', { primaryKey: 266 });

			const again = await postTo(t.webhookUrl, delivery.rawBody, delivery.headers);

			expect(again.status).toBe(200);
			expect(JSON.parse(again.body)).toEqual({ message: 'This event was already received; it starts no second run' });
			expect(t.executions).toHaveLength(1);
		});

		it('passes nothing on when an event is sent again after n8n restarted', async () => {
			const before = await start({ events: ['person.changed'] });
			await before.activate();
			const [delivery] = await sim.fireEvent('person.changed', { primaryKey: 266 });
			trigger = undefined;

			const again = await sendAgainAfterRestart(
				before,
				{
					nodeType: 'superOfficeTrigger',
					parameters: { events: ['person.changed'] },
					credentials: superOfficeCredential(sim),
					workflowId: 'wf-7',
				},
				delivery,
			);

			expect(again.status).toBe(200);
			expect(again.runs).toEqual([[]]);
		});

		it('refuses a signed event whose Timestamp is older than Max Event Age, so a capture cannot be replayed later', async () => {
			const t = await start();
			await t.activate();
			const secret = String(t.nodeStaticData.webhookSecret);
			const captured = JSON.stringify({
				EventId: 'e2f1c0de-0000-4000-8000-000000000001',
				Timestamp: new Date(Date.now() - 600_000).toISOString(),
				Event: 'person.changed',
				PrimaryKey: 266,
				Entity: 'person',
			});

			const answer = await postTo(t.webhookUrl, captured, {
				'Content-Type': 'application/json',
				'X-SuperOffice-Signature': signSuperOfficePayload(secret, captured),
			});

			expect(answer.status).toBe(401);
			expect(JSON.parse(answer.body).message).toContain('600 s old, beyond the 300 s Max Event Age');
			expect(t.executions).toHaveLength(0);
		});

		it('accepts an old Timestamp when Max Event Age is 0', async () => {
			const t = await start({ options: { maxEventAge: 0 } });
			await t.activate();
			const secret = String(t.nodeStaticData.webhookSecret);
			const late = JSON.stringify({ Timestamp: '2020-01-01T00:00:00Z', Event: 'person.changed', PrimaryKey: 266 });

			const answer = await postTo(t.webhookUrl, late, {
				'Content-Type': 'application/json',
				'X-SuperOffice-Signature': signSuperOfficePayload(secret, late),
			});

			expect(answer.status).toBe(200);
			expect(t.executions).toHaveLength(1);
		});

		it('starts the workflow without the record when SuperOffice is slower than Fetch Timeout', async () => {
			const t = await start({ fetchFullRecord: true, fetchTimeout: 300 });
			await t.activate();
			sim.setLatency(2000);

			const started = Date.now();
			const [delivery] = await sim.fireEvent('person.changed', { primaryKey: 266 });
			sim.setLatency(0);

			expect(delivery.status).toBe(200);
			expect(Date.now() - started).toBeLessThan(1800);
			expect(t.executions[0][0].json).toMatchObject({
				PrimaryKey: 266,
				record: null,
				recordError:
					'SuperOffice did not answer within 300 ms (Fetch Timeout); the workflow started without the record',
			});
		});

		it.each(['constructor', '__proto__', 'toString'])(
			'fetches nothing for an event about an entity named %s, which is no SuperOffice entity',
			async (entity) => {
				const t = await start({ fetchFullRecord: true });
				await t.activate();
				const secret = String(t.nodeStaticData.webhookSecret);
				const body = JSON.stringify({
					EventId: `proto-${entity}`,
					Timestamp: new Date().toISOString(),
					Event: 'person.changed',
					PrimaryKey: 266,
					Entity: entity,
				});

				const answer = await postTo(t.webhookUrl, body, {
					'Content-Type': 'application/json',
					'X-SuperOffice-Signature': signSuperOfficePayload(secret, body),
				});

				expect(answer.status).toBe(200);
				expect(t.executions[0][0].json).toMatchObject({
					record: null,
					recordError: 'SuperOffice has no single record to fetch for person.changed',
				});
				expect(sim.requests.filter((r) => r.method === 'GET' && !r.path.startsWith('/v1/Webhook'))).toHaveLength(0);
			},
		);

		it('never shows the webhook secret in the workflow output', async () => {
			const t = await start({ fetchFullRecord: true });
			await t.activate();

			await sim.fireEvent('person.created', { primaryKey: 266 });

			expect(JSON.stringify(t.executions)).not.toContain(String(t.nodeStaticData.webhookSecret));
		});
	});
});
