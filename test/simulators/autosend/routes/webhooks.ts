/** Webhooks: registering, listing, reading, changing and deleting the webhooks the AutoSend trigger relies on. */
import { randomBytes } from 'node:crypto';
import type { SimRequest } from '../../common/request';
import type { SimResponse } from '../../common/response';
import type { Route } from '../../common/routes';
import type { AutoSendContext } from '../context';
import { failure, ok, unknownKeyErrors, validationFailed, type FieldError } from '../helpers';
import { PROJECT_ID, type AsWebhook } from '../state';

/** The webhook event types AutoSend documents (reference §4). */
export const AUTOSEND_WEBHOOK_EVENTS = [
	'email.sent',
	'email.delivered',
	'email.deferred',
	'email.bounced',
	'email.opened',
	'email.clicked',
	'email.spam_reported',
	'email.unsubscribed',
	'email.group_unsubscribed',
	'email.group_resubscribed',
	'email.received',
	'contact.created',
	'contact.updated',
	'contact.deleted',
];

export function webhookRoutes({ webhooks, newId, supportsWebhookDelete }: AutoSendContext): Route[] {
	const registered = webhooks.registered;

	function createWebhook(req: SimRequest): SimResponse {
		const body = req.body as Record<string, unknown>;
		const details = webhookBodyErrors(body, false);
		if (details.length > 0) return validationFailed(details);
		const now = new Date().toISOString();
		const webhook: AsWebhook = {
			id: newId(),
			organizationId: '60d5ec49f1b2c72d9c8b0000',
			projectId: PROJECT_ID,
			url: body.url as string,
			secret: `whsec_${randomBytes(24).toString('hex')}`,
			events: body.events as string[],
			isActive: true,
			createdAt: now,
			updatedAt: now,
			failureCount: 0,
		};
		registered.set(webhook.id, webhook);
		return { status: 201, body: { success: true, data: { webhook: webhookView(webhook, true) } } };
	}

	function listWebhooks(req: SimRequest): SimResponse {
		const { isActive } = req.query;
		const page = Number(req.query.page ?? 1);
		const limit = Number(req.query.limit ?? 50);
		if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
			return validationFailed([{ field: 'limit', message: 'limit must be an integer between 1 and 100' }]);
		}
		const all = [...registered.values()].filter((w) => isActive === undefined || String(w.isActive) === isActive);
		return ok({
			webhooks: all.slice((page - 1) * limit, page * limit).map((w) => webhookView(w)),
			total: all.length,
			page,
			limit,
			totalPages: Math.ceil(all.length / limit),
		});
	}

	function getWebhook(id: string): SimResponse {
		const webhook = registered.get(id);
		return webhook ? ok({ webhook: webhookView(webhook) }) : webhookNotFound();
	}

	function updateWebhook(req: SimRequest, id: string): SimResponse {
		const webhook = registered.get(id);
		if (!webhook) return webhookNotFound();
		const body = req.body as Record<string, unknown>;
		const details = webhookBodyErrors(body, true);
		if (details.length > 0) return validationFailed(details);
		if (body.url !== undefined) webhook.url = body.url as string;
		if (body.events !== undefined) webhook.events = body.events as string[];
		if (body.isActive !== undefined) webhook.isActive = body.isActive as boolean;
		webhook.updatedAt = new Date().toISOString();
		return ok({ webhook: webhookView(webhook) });
	}

	function deleteWebhook(id: string): SimResponse {
		if (!supportsWebhookDelete) return failure(404, 'NOT_FOUND', `Route DELETE /webhooks/${id} not found`);
		if (!registered.delete(id)) return webhookNotFound();
		return { status: 200, body: { success: true, message: 'Webhook deleted successfully' } };
	}

	return [
		{ method: 'POST', pattern: /^\/webhooks$/, run: createWebhook },
		{ method: 'GET', pattern: /^\/webhooks$/, run: listWebhooks },
		{ method: 'GET', pattern: /^\/webhooks\/([^/]+)$/, run: (_req, [id]) => getWebhook(id) },
		{ method: 'PUT', pattern: /^\/webhooks\/([^/]+)$/, run: (req, [id]) => updateWebhook(req, id) },
		{ method: 'DELETE', pattern: /^\/webhooks\/([^/]+)$/, run: (_req, [id]) => deleteWebhook(id) },
	];
}

function webhookNotFound(): SimResponse {
	return failure(404, 'WEBHOOK_NOT_FOUND', 'Webhook not found');
}

/** Only creation reveals the signing secret; every later read masks it. */
function webhookView(webhook: AsWebhook, revealSecret = false) {
	return { ...webhook, secret: revealSecret ? webhook.secret : '***hidden***' };
}

/** Create needs url and events; an update (partial) may send any of them, plus isActive. */
function webhookBodyErrors(body: Record<string, unknown>, partial: boolean): FieldError[] {
	const details = unknownKeyErrors(body, ['url', 'events', 'metadata', ...(partial ? ['isActive', 'secret'] : [])]);
	if (partial && body.secret !== undefined) {
		details.push({ field: 'secret', message: 'Webhook secrets cannot be changed; create a new webhook' });
	}
	if (!partial || body.url !== undefined) {
		if (typeof body.url !== 'string' || !/^https?:\/\//.test(body.url)) {
			details.push({ field: 'url', message: 'url must be a valid URL' });
		}
	}
	if (!partial || body.events !== undefined) {
		const events = body.events;
		if (!Array.isArray(events) || events.length === 0) {
			details.push({ field: 'events', message: 'events must contain at least 1 item' });
		} else {
			for (const [index, event] of events.entries()) {
				if (typeof event !== 'string' || !AUTOSEND_WEBHOOK_EVENTS.includes(event)) {
					details.push({ field: `events[${index}]`, message: `Unknown event '${String(event)}'` });
				}
			}
		}
	}
	if (body.isActive !== undefined && typeof body.isActive !== 'boolean') {
		details.push({ field: 'isActive', message: 'isActive must be a boolean' });
	}
	return details;
}
