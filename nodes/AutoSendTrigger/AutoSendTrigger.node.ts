import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { autoSendRequest } from '../AutoSend/transport';
import type { Registration, WebhookApi } from '../shared/webhooks';
import {
	headersOf,
	httpCodeOf,
	isSignedBy,
	rawBodyOf,
	rejectDelivery,
	removedOrGone,
	webhookLifecycle,
} from '../shared/webhooks';
import { digestOf, keepFirstDeliveries, seenInProcess } from '../shared/deliveries';
import { EVENT_OPTIONS } from './events';

const REGISTRATION_HELP =
	"The AutoSend credential needs a project API key (AutoSend: Settings › API Keys), and AutoSend must reach n8n's webhook URL over HTTPS (set WEBHOOK_URL to n8n's public address).";

const pathOf = (webhookId: string | number) => `/webhooks/${encodeURIComponent(String(webhookId))}`;

/** AutoSend's webhook API, for the shared registration lifecycle. */
const webhooks: WebhookApi = {
	triggerName: 'AutoSend Trigger',
	help: REGISTRATION_HELP,
	async get(context, webhookId) {
		const found = await autoSendRequest
			.call(context, { method: 'GET', path: pathOf(webhookId), action: `check webhook ${webhookId}`, idempotent: true })
			.catch(async (error: Error) => (httpCodeOf(error) === '404' ? null : await Promise.reject(error)));
		const webhook = (found?.webhook ?? null) as IDataObject | null;
		return webhook && { url: webhook.url, events: webhook.events, active: webhook.isActive === true };
	},
	async register(context, url, events) {
		const data = await autoSendRequest.call(context, {
			method: 'POST',
			path: '/webhooks',
			action: 'register the webhook',
			idempotent: false,
			body: { url, events },
		});
		const webhook = (data.webhook ?? {}) as IDataObject;
		if (typeof webhook.id !== 'string' || typeof webhook.secret !== 'string' || !webhook.secret.startsWith('whsec_')) {
			throw new NodeOperationError(
				context.getNode(),
				'AutoSend registered the webhook but did not return its id and signing secret',
				{
					description:
						'Deactivate and activate the workflow again. If it keeps happening, delete the webhook in AutoSend (Settings › Webhooks) and contact AutoSend support.',
				},
			);
		}
		return { webhookId: webhook.id, secret: webhook.secret };
	},
	// Deactivated (by hand, or by an earlier deactivation that could not delete it): switch it back on.
	async reactivate(context, webhookId) {
		await autoSendRequest.call(context, {
			method: 'PUT',
			path: pathOf(webhookId),
			action: `reactivate webhook ${webhookId}`,
			idempotent: true,
			body: { isActive: true },
		});
	},
	/** DELETE /webhooks/{id}; where AutoSend answers 404 or 405 to that, PUT { isActive: false } instead. */
	async remove(context, webhookId) {
		const deleted = await autoSendRequest
			.call(context, {
				method: 'DELETE',
				path: pathOf(webhookId),
				action: `delete webhook ${webhookId}`,
				idempotent: true,
			})
			.then(
				() => 'done' as const,
				(error: Error) => (['404', '405'].includes(httpCodeOf(error) ?? '') ? ('fallBack' as const) : error),
			);
		if (deleted === 'done') return true;
		if (deleted !== 'fallBack') {
			context.logger.warn(`Could not delete AutoSend webhook ${webhookId}: ${deleted.message}`);
			return false;
		}
		return await removedOrGone(
			context,
			`deactivate AutoSend webhook ${webhookId}`,
			autoSendRequest.call(context, {
				method: 'PUT',
				path: pathOf(webhookId),
				action: `deactivate webhook ${webhookId}`,
				idempotent: true,
				body: { isActive: false },
			}),
		);
	},
};

/**
 * What identifies a delivery: AutoSend's X-Webhook-Delivery-Id, which its retries repeat, and a digest of
 * the signed payload, because the id header is not signed: a captured delivery replayed with a new id is
 * still the same payload.
 */
function deliveryKeys(json: IDataObject): string[] {
	const { deliveryId, ...payload } = json;
	const keys = [`b:${digestOf(payload)}`];
	if (typeof deliveryId === 'string' && deliveryId !== '') keys.unshift(`d:${digestOf(deliveryId)}`);
	return keys;
}

export class AutoSendTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AutoSend Trigger',
		name: 'autoSendTrigger',
		icon: { light: 'file:../../icons/autoSend.svg', dark: 'file:../../icons/autoSend.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when AutoSend emails are delivered, opened, bounced, or contacts change',
		defaults: { name: 'AutoSend Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'autoSendApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: EVENT_OPTIONS,
				default: [],
				required: true,
				description: 'The AutoSend events that start the workflow',
			},
		],
	};

	webhookMethods = { default: webhookLifecycle(webhooks) };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const headers = headersOf(this);
		const registration = this.getWorkflowStaticData('node') as Registration;
		const rawBody = rawBodyOf(this);
		if (
			!rawBody ||
			!isSignedBy(rawBody, String(registration.webhookSecret ?? ''), headers['x-webhook-signature'], 'hex')
		) {
			return rejectDelivery(this, 'The X-Webhook-Signature header is missing or does not match');
		}
		const payload = this.getBodyData() as IDataObject;
		// Two versions of AutoSend's docs name the envelope's fields differently.
		const type = String(payload.type ?? payload.event ?? headers['x-webhook-event'] ?? '');
		const events = this.getNodeParameter('events', []) as string[];
		if (!events.includes(type)) return { webhookResponse: { message: `Event ${type} is not selected` } };
		const deliveryId = headers['x-webhook-delivery-id'] ?? null;
		const json: IDataObject = { ...payload, type, deliveryId };
		const scope = `${this.getWorkflow().id ?? ''}/${this.getNode().name}`;
		if (seenInProcess(scope, deliveryKeys(json))) {
			return { webhookResponse: { message: 'This delivery was already received; it starts no second run' } };
		}
		return { workflowData: [this.helpers.returnJsonArray([json])] };
	}

	/** Runs as the workflow starts: a delivery n8n's store already saw (e.g. retried after a restart) ends here. */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [await keepFirstDeliveries(this, deliveryKeys)];
	}
}
