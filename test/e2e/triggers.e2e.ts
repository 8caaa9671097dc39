/**
 * Both triggers in a real n8n: `n8n start`, the workflows activated through n8n's REST API as the
 * editor's Publish button does, signed events fired by the simulators at n8n's production webhook URL,
 * forged events posted by hand. A run is proven by its effect: the workflow's second node calls the
 * AutoSend simulator. Deactivation must remove both webhooks.
 */
import fs from 'node:fs';
import path from 'node:path';

import {
	getJson,
	importWorkflows,
	postJson,
	REPO_ROOT,
	setupOwner,
	startN8n,
	type N8nServer,
} from '../../scripts/e2e/n8n';
import { NEWSLETTER_LIST } from '../../scripts/e2e/simulators';
import type { RecordedRequest } from '../simulators';
import { signAutoSendPayload } from '../simulators/autosend';
import { signSuperOfficePayload } from '../simulators/superoffice';
import { setupE2e, type E2eContext } from './support';
import { PERSON_CHANGED_WORKFLOW, personChangedWorkflow, TRIGGER_WEBHOOKS } from './workflows';

const BOUNCE_EXAMPLE = 'ExBounceClean001';
const BOUNCE_WEBHOOK_ID = 'b7e1c9d4-2a3f-4c5e-8d6b-9a0f1e2d3c4b';
const KARI = 'kari.nordmann@nordicbikes.example';
const OLA = 'ola.hansen@nordicbikes.example';
const INGRID = 'ingrid.berg@fjordconsulting.example';

let ctx: E2eContext;
let server: N8nServer;
let cookie: string;

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

/** AutoSend remove requests so far: the effect of a workflow run. */
function removals(): RecordedRequest[] {
	return ctx.as.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/contacts/remove'));
}

function webhookUrl(webhookId: string): string {
	return `${server.url}/webhook/${webhookId}/webhook`;
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<number> {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body,
	});
	await response.arrayBuffer();
	return response.status;
}

async function setActive(workflowId: string, active: boolean): Promise<void> {
	if (active) {
		const { data } = await getJson<{ data: { versionId: string } }>(server, `/rest/workflows/${workflowId}`, cookie);
		await postJson(server, `/rest/workflows/${workflowId}/activate`, cookie, { versionId: data.versionId });
	} else {
		await postJson(server, `/rest/workflows/${workflowId}/deactivate`, cookie, {});
	}
}

/** Gives n8n time to start a run the test expects not to happen. */
const settle = async () => await new Promise((resolve) => setTimeout(resolve, 3000));

beforeAll(async () => {
	ctx = await setupE2e('triggers');
	ctx.so.webhookRetryDelaysMs = [0, 0];
	const workflows = path.join(ctx.work, 'workflows');
	fs.mkdirSync(workflows, { recursive: true });
	fs.copyFileSync(
		path.join(REPO_ROOT, 'examples', 'bounced-email-cleanup.json'),
		path.join(workflows, 'bounced-email-cleanup.json'),
	);
	fs.writeFileSync(path.join(workflows, 'so-trigger.json'), JSON.stringify(personChangedWorkflow(NEWSLETTER_LIST)));
	await importWorkflows(ctx.install, ctx.env, workflows);
	server = await startN8n(ctx.install, ctx.env);
	cookie = await setupOwner(server);
}, 600_000);

afterAll(async () => {
	await server?.stop();
	await ctx?.cleanup();
});

describe('SuperOffice Trigger', () => {
	it('registers its webhook on activation and answers the registration test event without a run', async () => {
		await setActive(PERSON_CHANGED_WORKFLOW, true);
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
		await setActive(PERSON_CHANGED_WORKFLOW, false);
		await until('the webhook to be deleted', () => (ctx.so.webhooks.size === 0 ? true : undefined));
		expect(ctx.so.requests.some((r) => r.method === 'DELETE' && /\/Webhook\/\d+$/.test(r.path))).toBe(true);
	});
});

describe('AutoSend Trigger (examples/bounced-email-cleanup.json)', () => {
	let removalsBefore: number;

	it('registers its webhook on activation and keeps the whsec_ secret', async () => {
		removalsBefore = removals().length;
		await setActive(BOUNCE_EXAMPLE, true);
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
		await setActive(BOUNCE_EXAMPLE, false);
		await until('the webhook to be deleted', () => (ctx.as.webhooks.size === 0 ? true : undefined));
	});
});
