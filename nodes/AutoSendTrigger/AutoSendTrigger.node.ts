import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type { AutoSendRequest } from '../AutoSend/transport';
import { autoSendRequest } from '../AutoSend/transport';
import {
	headersOf,
	httpCodeOf,
	isSignedBy,
	rawBodyOf,
	registrationFailed,
	rejectDelivery,
	sameEvents,
	selectedEvents,
} from '../shared/webhooks';
import { digestOf, keepFirstDeliveries, seenInProcess } from '../shared/deliveries';
import { EVENT_OPTIONS } from './events';

/** What the trigger keeps in the workflow's static data (saved when the workflow is activated). */
interface Registration extends IDataObject {
	webhookId?: string;
	webhookSecret?: string;
}

const REGISTRATION_HELP =
	"The AutoSend credential needs a project API key (AutoSend: Settings › API Keys), and AutoSend must reach n8n's webhook URL over HTTPS (set WEBHOOK_URL to n8n's public address).";

async function send(context: IHookFunctions, request: AutoSendRequest): Promise<IDataObject> {
	return await autoSendRequest.call(context, request);
}

function forget(registration: Registration): void {
	delete registration.webhookId;
	delete registration.webhookSecret;
	// Kept here by versions before 0.2, and never saved by n8n 2.41 anyway.
	delete registration.deliveries;
}

/**
 * Removes a registration: DELETE /webhooks/{id}, which AutoSend's docs mention but do not show, else
 * PUT { isActive: false }. A webhook AutoSend no longer has counts as removed.
 */
async function removeRegistration(context: IHookFunctions, webhookId: string): Promise<boolean> {
	const path = `/webhooks/${encodeURIComponent(webhookId)}`;
	const deleted = await send(context, {
		method: 'DELETE',
		path,
		action: `delete webhook ${webhookId}`,
		idempotent: true,
	}).then(
		() => 'done' as const,
		(error: Error) => (['404', '405'].includes(httpCodeOf(error) ?? '') ? ('fallBack' as const) : error),
	);
	if (deleted === 'done') return true;
	if (deleted !== 'fallBack') {
		context.logger.warn(`Could not delete AutoSend webhook ${webhookId}: ${deleted.message}`);
		return false;
	}
	return await send(context, {
		method: 'PUT',
		path,
		action: `deactivate webhook ${webhookId}`,
		idempotent: true,
		body: { isActive: false },
	}).then(
		() => true,
		(error: Error) => {
			if (httpCodeOf(error) === '404') return true;
			context.logger.warn(`Could not deactivate AutoSend webhook ${webhookId}: ${error.message}`);
			return false;
		},
	);
}

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
		icon: { light: 'file:autoSend.svg', dark: 'file:autoSend.dark.svg' },
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

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const registration = this.getWorkflowStaticData('node') as Registration;
				if (registration.webhookId === undefined) return false;
				const webhookId = registration.webhookId;
				const found = await send(this, {
					method: 'GET',
					path: `/webhooks/${encodeURIComponent(webhookId)}`,
					action: `check webhook ${webhookId}`,
					idempotent: true,
				}).catch(async (error: Error) => (httpCodeOf(error) === '404' ? null : await Promise.reject(error)));
				const webhook = (found?.webhook ?? null) as IDataObject | null;
				const events = this.getNodeParameter('events', []) as string[];
				const usable =
					webhook !== null &&
					webhook.url === this.getNodeWebhookUrl('default') &&
					sameEvents(webhook.events, events) &&
					typeof registration.webhookSecret === 'string';
				if (usable && webhook.isActive === true) return true;
				if (usable) {
					// Deactivated (by hand, or by an earlier deactivation that could not delete it): switch it back on.
					await send(this, {
						method: 'PUT',
						path: `/webhooks/${encodeURIComponent(webhookId)}`,
						action: `reactivate webhook ${webhookId}`,
						idempotent: true,
						body: { isActive: true },
					});
					return true;
				}
				if (webhook !== null) await removeRegistration(this, webhookId);
				forget(registration);
				return false;
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const events = selectedEvents(this, 'AutoSend Trigger');
				const data = await send(this, {
					method: 'POST',
					path: '/webhooks',
					action: 'register the webhook',
					idempotent: false,
					body: { url: this.getNodeWebhookUrl('default') as string, events },
				}).catch(async (error: Error) => await Promise.reject(registrationFailed(this, error, REGISTRATION_HELP)));
				const webhook = (data.webhook ?? {}) as IDataObject;
				if (
					typeof webhook.id !== 'string' ||
					typeof webhook.secret !== 'string' ||
					!webhook.secret.startsWith('whsec_')
				) {
					throw new NodeOperationError(
						this.getNode(),
						'AutoSend registered the webhook but did not return its id and signing secret',
						{
							description:
								'Deactivate and activate the workflow again. If it keeps happening, delete the webhook in AutoSend (Settings › Webhooks) and contact AutoSend support.',
						},
					);
				}
				const registration = this.getWorkflowStaticData('node') as Registration;
				registration.webhookId = webhook.id;
				registration.webhookSecret = webhook.secret;
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const registration = this.getWorkflowStaticData('node') as Registration;
				if (registration.webhookId === undefined) return true;
				// Kept when AutoSend could not be reached, so that the next activation finds and reuses it.
				if (!(await removeRegistration(this, registration.webhookId))) return false;
				forget(registration);
				return true;
			},
		},
	};

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
