/**
 * Both triggers in a real n8n, in either execution mode (triggers.e2e.ts, triggers.queue.e2e.ts): the
 * workflows activated through n8n's REST API as the editor's Publish button does, signed events fired by
 * the simulators at n8n's production webhook URL, forged events posted by hand. A run is proven by its
 * effect: the workflow's second node calls the AutoSend simulator. Deactivation must remove both
 * webhooks. Then n8n is restarted (every process, same database): the webhooks must still work, and a
 * delivery that already ran must not run again when SuperOffice or AutoSend re-sends it.
 */
import fs from 'node:fs';
import path from 'node:path';

import type { RecordedRequest } from '../../simulators';
import { signAutoSendPayload, type AsDelivery } from '../../simulators/autosend';
import { signSuperOfficePayload, type SoDelivery } from '../../simulators/superoffice';
import { setupE2e, type E2eContext } from '../support';
import { importWorkflows } from '../support/cli';
import { REPO_ROOT } from '../support/paths';
import { listExecutions, login, setActive, setupOwner, workflowRuns, type Session } from '../support/rest';
import { NEWSLETTER_LIST, resendSuperOfficeDelivery } from '../support/simulators';
import { workerStarts, type N8nMode, type N8nStack } from '../support/stack';
import { until } from '../support/wait';
import { PERSON_CHANGED_WORKFLOW, personChangedWorkflow, TRIGGER_WEBHOOKS } from '../workflows';

const BOUNCE_EXAMPLE = 'ExBounceClean001';
const BOUNCE_WEBHOOK_ID = 'b7e1c9d4-2a3f-4c5e-8d6b-9a0f1e2d3c4b';
const KARI = 'kari.nordmann@nordicbikes.example';
const OLA = 'ola.hansen@nordicbikes.example';
const INGRID = 'ingrid.berg@fjordconsulting.example';
const LARS = 'lars.eriksen@fjordconsulting.example';
const MIKKO = 'mikko.virtanen@baltictimber.example';
const SOFIE = 'sofie.dahl@nordicbikesretail.example';
/** SuperOffice person ids of Ola and Sofie (the simulators' seed). */
const PERSON = { ola: 267, sofie: 320 };

async function post(url: string, body: string, headers: Record<string, string>): Promise<number> {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body,
	});
	await response.arrayBuffer();
	return response.status;
}

/** Gives n8n time to start a run the test expects not to happen (queue mode: via Redis, on a worker). */
const settle = async () => await new Promise((resolve) => setTimeout(resolve, 3000));

export function triggersSuite(mode: N8nMode): void {
	let ctx: E2eContext;
	let stack: N8nStack;
	let session: Session;

	/** AutoSend remove requests so far: the effect of a workflow run. */
	function removals(): RecordedRequest[] {
		return ctx.as.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/contacts/remove'));
	}

	/**
	 * The removal that carried this address, once it arrived. Runs at the same moment share one request,
	 * so it may carry other addresses too.
	 */
	async function removalOf(email: string): Promise<RecordedRequest> {
		return await until(`the AutoSend removal of ${email}`, () =>
			removals().find((r) => ((r.body as { emails?: string[] }).emails ?? []).includes(email)),
		);
	}

	function webhookUrl(webhookId: string): string {
		return `${stack.url}/webhook/${webhookId}/webhook`;
	}

	beforeAll(async () => {
		ctx = await setupE2e(mode === 'queue' ? 'triggers-queue' : 'triggers', { mode });
		ctx.so.webhookRetryDelaysMs = [0, 0];
		const workflows = path.join(ctx.work, 'workflows');
		fs.mkdirSync(workflows, { recursive: true });
		fs.copyFileSync(
			path.join(REPO_ROOT, 'examples', 'bounced-email-cleanup.json'),
			path.join(workflows, 'bounced-email-cleanup.json'),
		);
		fs.writeFileSync(path.join(workflows, 'so-trigger.json'), JSON.stringify(personChangedWorkflow(NEWSLETTER_LIST)));
		await importWorkflows(ctx.install, ctx.env, workflows);
		stack = await ctx.startStack();
		session = { url: stack.url, cookie: await setupOwner(stack) };
	}, 600_000);

	afterAll(async () => {
		await ctx?.cleanup();
	});

	describe('SuperOffice Trigger', () => {
		it('registers its webhook on activation and answers the registration test event without a run', async () => {
			await setActive(session, PERSON_CHANGED_WORKFLOW, true);
			const webhook = await until('the SuperOffice webhook', () => [...ctx.so.webhooks.values()][0]);
			expect(webhook).toMatchObject({
				Events: ['person.changed'],
				TargetUrl: webhookUrl(TRIGGER_WEBHOOKS.superOffice),
				State: 'Active',
				Type: 'webhook',
			});
			expect(webhook.Name).toContain(PERSON_CHANGED_WORKFLOW);
			expect(webhook.Secret).toMatch(/^[0-9a-f]{64}$/);
			const test = ctx.so.deliveries.filter((d) => d.event === 'test');
			expect(test.map((d) => d.status)).toEqual([200]);
			await settle();
			expect(removals()).toHaveLength(0);
		});

		it('answers forged and unsigned events 401 and starts no run', async () => {
			const { Secret } = [...ctx.so.webhooks.values()][0];
			const body = JSON.stringify({ Event: 'person.changed', PrimaryKey: 267, Entity: 'person', EventId: 'forged' });
			const url = webhookUrl(TRIGGER_WEBHOOKS.superOffice);
			expect(await post(url, body, { 'X-SuperOffice-Signature': signSuperOfficePayload('not-the-secret', body) })).toBe(
				401,
			);
			expect(await post(url, body, {})).toBe(401);
			// Signed, but the body was changed after signing.
			const signed = signSuperOfficePayload(Secret, body);
			expect(await post(url, body.replace('267', '268'), { 'X-SuperOffice-Signature': signed })).toBe(401);
			await settle();
			expect(removals()).toHaveLength(0);
		});

		it('starts the workflow on a signed event, with the full record fetched', async () => {
			const before = ctx.so.requests.length;
			const [delivery] = await ctx.so.fireEvent('person.changed', { primaryKey: 266, entity: 'person' });
			expect(delivery.status).toBe(200);
			const [removal] = await until('the AutoSend removal', () => (removals().length ? removals() : undefined));
			expect(removal.body).toEqual({ emails: [KARI] });
			expect(removal.path).toBe(`/contact-lists/${NEWSLETTER_LIST}/contacts/remove`);
			const fetched = ctx.so.requests.slice(before).filter((r) => r.method === 'GET' && /\/Person\/266$/.test(r.path));
			expect(fetched).toHaveLength(1);
			expect(fetched[0].headers.authorization).toMatch(/^SOTicket /);
			expect(ctx.as.listMembers(NEWSLETTER_LIST)).not.toContain(KARI);
			// The forged events (person 267, Ola) never ran.
			await settle();
			expect(removals()).toHaveLength(1);
			expect(ctx.as.listMembers(NEWSLETTER_LIST)).toContain(OLA);
		});

		it('deletes its webhook when the workflow is deactivated', async () => {
			await setActive(session, PERSON_CHANGED_WORKFLOW, false);
			await until('the webhook to be deleted', () => (ctx.so.webhooks.size === 0 ? true : undefined));
			expect(ctx.so.requests.some((r) => r.method === 'DELETE' && /\/Webhook\/\d+$/.test(r.path))).toBe(true);
		});
	});

	describe('AutoSend Trigger (examples/bounced-email-cleanup.json)', () => {
		let removalsBefore: number;

		it('registers its webhook on activation and keeps the whsec_ secret', async () => {
			removalsBefore = removals().length;
			await setActive(session, BOUNCE_EXAMPLE, true);
			const webhook = await until('the AutoSend webhook', () => [...ctx.as.webhooks.values()][0]);
			expect(webhook).toMatchObject({ url: webhookUrl(BOUNCE_WEBHOOK_ID), events: ['email.bounced'], isActive: true });
		});

		it('answers a forged bounce 401 and starts no run', async () => {
			const body = JSON.stringify({
				type: 'email.bounced',
				createdAt: new Date().toISOString(),
				data: { to: { email: OLA } },
			});
			const status = await post(webhookUrl(BOUNCE_WEBHOOK_ID), body, {
				'X-Webhook-Signature': signAutoSendPayload('whsec_forged', body),
				'X-Webhook-Delivery-Id': 'dlv_forged',
			});
			expect(status).toBe(401);
			await settle();
			expect(removals()).toHaveLength(removalsBefore);
		});

		it('removes the bounced address on a signed event, and runs a retried delivery once', async () => {
			const [delivery] = await ctx.as.fireEvent('email.bounced', {
				emailId: 'em_1',
				to: { email: INGRID, name: 'Ingrid Berg' },
				subject: 'November newsletter',
			});
			expect(delivery.status).toBe(200);
			const removal = await until('the AutoSend removal', () => removals()[removalsBefore]);
			expect(removal.body).toEqual({ emails: [INGRID] });
			expect(ctx.as.listMembers(NEWSLETTER_LIST)).not.toContain(INGRID);

			const retry = await ctx.as.redeliver(delivery);
			expect(retry.status).toBe(200);
			await settle();
			expect(removals()).toHaveLength(removalsBefore + 1);
			expect(ctx.as.listMembers(NEWSLETTER_LIST)).toContain(OLA);
		});

		it('deletes its webhook when the workflow is deactivated', async () => {
			await setActive(session, BOUNCE_EXAMPLE, false);
			await until('the webhook to be deleted', () => (ctx.as.webhooks.size === 0 ? true : undefined));
		});
	});

	describe('after n8n restarts', () => {
		let bounce: AsDelivery;
		let personChanged: SoDelivery;

		/**
		 * Runs of a workflow so far in which more than the trigger ran. n8n starts an execution for every
		 * signed delivery before any node can look into its store of processed deliveries; for a repeat,
		 * the trigger passes nothing on and nothing else runs.
		 */
		async function runsOf(workflowId: string): Promise<number> {
			return (await workflowRuns(session, await listExecutions(session, workflowId))).length;
		}

		beforeAll(async () => {
			await setActive(session, BOUNCE_EXAMPLE, true);
			await setActive(session, PERSON_CHANGED_WORKFLOW, true);
			await until('both webhooks', () => (ctx.so.webhooks.size && ctx.as.webhooks.size ? true : undefined));
			[bounce] = await ctx.as.fireEvent('email.bounced', { emailId: 'em_2', to: { email: LARS } });
			[personChanged] = await ctx.so.fireEvent('person.changed', { primaryKey: PERSON.ola, entity: 'person' });
			expect([bounce.status, personChanged.status]).toEqual([200, 200]);
			await removalOf(LARS);
			await removalOf(OLA);
			// Lets n8n finish both runs (and save what they leave behind) before it is stopped.
			await settle();
			await stack.restart();
			session = { url: stack.url, cookie: await login(stack) };
		}, 300_000);

		it('AutoSend Trigger: a delivery re-sent after the restart (same X-Webhook-Delivery-Id and body) starts no second run', async () => {
			const [runs, removed] = [await runsOf(BOUNCE_EXAMPLE), removals().length];
			const retry = await ctx.as.redeliver(bounce);
			expect(retry.status).toBe(200);
			await settle();
			expect({ runs: await runsOf(BOUNCE_EXAMPLE), removals: removals().length }).toEqual({ runs, removals: removed });
		});

		it('SuperOffice Trigger: an event re-sent after the restart (same EventId, same signed body) starts no second run', async () => {
			const [runs, removed] = [await runsOf(PERSON_CHANGED_WORKFLOW), removals().length];
			expect(await resendSuperOfficeDelivery(ctx.so, personChanged)).toBe(200);
			await settle();
			expect({ runs: await runsOf(PERSON_CHANGED_WORKFLOW), removals: removals().length }).toEqual({
				runs,
				removals: removed,
			});
		});

		it('keeps both webhooks registered, and new deliveries still start their workflows', async () => {
			expect([...ctx.as.webhooks.values()].map((w) => [w.url, w.isActive])).toEqual([
				[webhookUrl(BOUNCE_WEBHOOK_ID), true],
			]);
			expect([...ctx.so.webhooks.values()].map((w) => [w.TargetUrl, w.State])).toEqual([
				[webhookUrl(TRIGGER_WEBHOOKS.superOffice), 'Active'],
			]);
			const [bounced] = await ctx.as.fireEvent('email.bounced', { emailId: 'em_3', to: { email: MIKKO } });
			const [changed] = await ctx.so.fireEvent('person.changed', { primaryKey: PERSON.sofie, entity: 'person' });
			expect([bounced.status, changed.status]).toEqual([200, 200]);
			await removalOf(MIKKO);
			await removalOf(SOFIE);
		});
	});

	describe('the n8n processes', () => {
		if (mode === 'queue') {
			it('ran every trigger execution on a worker, not in the main process', async () => {
				const executions = [
					...(await listExecutions(session, BOUNCE_EXAMPLE)),
					...(await listExecutions(session, PERSON_CHANGED_WORKFLOW)),
				];
				expect(executions.length).toBeGreaterThanOrEqual(6);
				for (const { id, mode: executionMode } of executions) {
					expect([id, executionMode, workerStarts(stack, id)]).toEqual([id, 'webhook', 1]);
				}
			});
		}

		it('made no call out of 127.0.0.1', () => {
			expect(stack.output()).not.toMatch(/ENOTFOUND|EAI_AGAIN|getaddrinfo|ENETUNREACH/);
		});
	});
}
