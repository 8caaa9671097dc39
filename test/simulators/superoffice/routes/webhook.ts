/** Webhook: registering, reading, changing and deleting the webhooks the SuperOffice trigger relies on (§5). */
import type { SimRequest } from '../../common/request';
import { isPlainObject } from '../../common/request';
import type { SimResponse } from '../../common/response';
import type { Route } from '../../common/routes';
import type { SuperOfficeContext } from '../context';
import { InvalidInput, notFound, restError, tryParse } from '../helpers';
import type { SoWebhook } from '../state';

type WebhookInput = Omit<
	SoWebhook,
	'WebhookId' | 'ConsecutiveErrors' | 'TotalCalls' | 'TotalErrors' | 'LastError' | 'Registered'
>;

const WEBHOOK_KEYS = [
	'WebhookId',
	'Name',
	'Events',
	'TargetUrl',
	'Secret',
	'State',
	'Type',
	'Headers',
	'Properties',
	'Description',
];

export function webhookRoutes({ webhooks, webApiUrl }: SuperOfficeContext): Route[] {
	const registered = webhooks.registered;
	// Ids are never reused, also after a delete.
	let lastWebhookId = 0;

	/** SuperOffice tests the TargetUrl while saving: the save fails unless the test event gets 200 (§5.2). */
	async function createWebhook(req: SimRequest): Promise<SimResponse> {
		const input = tryParse(() => parseWebhook(req.body));
		if (input instanceof InvalidInput) return restError(400, 'ArgumentException', input.message);
		const webhook: SoWebhook = {
			WebhookId: lastWebhookId + 1,
			...input,
			ConsecutiveErrors: 0,
			TotalCalls: 0,
			TotalErrors: 0,
			LastError: '',
			Registered: new Date().toISOString(),
		};
		const test = await webhooks.sendTest(webhook);
		if (test.status !== 200) {
			return restError(
				400,
				'WebhookException',
				`Webhook test to ${webhook.TargetUrl} failed: expected 200 OK, got ${test.status || 'no answer'}`,
			);
		}
		lastWebhookId = webhook.WebhookId;
		registered.set(webhook.WebhookId, webhook);
		return {
			status: 200,
			body: { ...webhookView(webhook), _Links: { Self: `${webApiUrl()}/v1/Webhook/${webhook.WebhookId}` } },
		};
	}

	function listWebhooks(req: SimRequest): SimResponse {
		const { nameFilter, eventFilter, statusFilter } = req.query;
		const rows = [...registered.values()].filter(
			(w) =>
				(!nameFilter || w.Name.includes(nameFilter)) &&
				(!eventFilter || w.Events.includes(eventFilter)) &&
				(!statusFilter || w.State === statusFilter),
		);
		return { status: 200, body: rows.map(webhookView) };
	}

	function getWebhook(rawId: string): SimResponse {
		const webhook = registered.get(Number(rawId));
		return webhook ? { status: 200, body: webhookView(webhook) } : notFound('Webhook', Number(rawId));
	}

	function updateWebhook(req: SimRequest, rawId: string): SimResponse {
		const webhook = registered.get(Number(rawId));
		if (!webhook) return notFound('Webhook', Number(rawId));
		const input = tryParse(() => parseWebhook(req.body));
		if (input instanceof InvalidInput) return restError(400, 'ArgumentException', input.message);
		// Without a Secret the registered one stays: reads never show it, so a read-modify-write cannot resend it.
		Object.assign(webhook, input, input.Secret === '' ? { Secret: webhook.Secret } : {});
		if (webhook.State === 'Active') webhook.ConsecutiveErrors = 0;
		return { status: 200, body: webhookView(webhook) };
	}

	function deleteWebhook(rawId: string): SimResponse {
		return registered.delete(Number(rawId)) ? { status: 204 } : notFound('Webhook', Number(rawId));
	}

	return [
		{ method: 'GET', pattern: /^\/v1\/Webhook$/i, run: listWebhooks },
		{ method: 'POST', pattern: /^\/v1\/Webhook$/i, run: createWebhook },
		{ method: 'GET', pattern: /^\/v1\/Webhook\/(\d+)$/i, run: (_req, [id]) => getWebhook(id) },
		{ method: 'PUT', pattern: /^\/v1\/Webhook\/(\d+)$/i, run: (req, [id]) => updateWebhook(req, id) },
		{ method: 'DELETE', pattern: /^\/v1\/Webhook\/(\d+)$/i, run: (_req, [id]) => deleteWebhook(id) },
	];
}

function webhookView(webhook: SoWebhook): Record<string, unknown> {
	// Whether SuperOffice echoes Secret is unverified; the simulator never does, so nothing relies on it.
	const { Secret: _secret, ...rest } = webhook;
	return { ...rest, Secret: null };
}

function parseWebhook(body: unknown): WebhookInput {
	if (!isPlainObject(body)) throw new InvalidInput('Webhook must be a JSON object');
	for (const key of Object.keys(body)) {
		if (!WEBHOOK_KEYS.includes(key)) throw new InvalidInput(`Webhook has unexpected property '${key}'`);
	}
	if (typeof body.Name !== 'string' || body.Name.trim() === '') throw new InvalidInput('Name is required');
	const events = body.Events;
	if (
		!Array.isArray(events) ||
		events.length === 0 ||
		!events.every((e) => typeof e === 'string' && /^[a-z0-9_.]+$/i.test(e))
	) {
		throw new InvalidInput('Events must be a non-empty array of event names');
	}
	if (typeof body.TargetUrl !== 'string' || !/^https?:\/\//i.test(body.TargetUrl)) {
		throw new InvalidInput('TargetUrl must be an absolute http(s) URL');
	}
	if (body.Type !== 'webhook') throw new InvalidInput("Type must be 'webhook'");
	if (body.State !== 'Active' && body.State !== 'Stopped')
		throw new InvalidInput("State must be 'Active' or 'Stopped'");
	if (body.Secret !== undefined && typeof body.Secret !== 'string') throw new InvalidInput('Secret must be a string');
	return {
		Name: body.Name,
		Events: events as string[],
		TargetUrl: body.TargetUrl,
		Secret: (body.Secret as string | undefined) ?? '',
		State: body.State,
		Type: body.Type,
		Headers: isPlainObject(body.Headers) ? (body.Headers as Record<string, string>) : {},
	};
}
