import type {
	IDataObject,
	IHookFunctions,
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
import { EVENT_OPTIONS } from './events';

/** What the trigger keeps in the workflow's static data. */
interface Registration extends IDataObject {
	webhookId?: string;
	webhookSecret?: string;
	/** X-Webhook-Delivery-Id → when it started a run (ms); AutoSend retries with the same id. */
	deliveries?: Record<string, number>;
}

/** AutoSend retries for minutes (its docs say up to ~35 min); a day covers that with room to spare. */
const DELIVERY_WINDOW_MS = 24 * 60 * 60 * 1000;
const MAX_REMEMBERED_DELIVERIES = 1000;

const REGISTRATION_HELP =
	"The AutoSend credential needs a project API key (AutoSend: Settings › API Keys), and AutoSend must reach n8n's webhook URL over HTTPS (set WEBHOOK_URL to n8n's public address).";

async function send(context: IHookFunctions, request: AutoSendRequest): Promise<IDataObject> {
	return await autoSendRequest.call(context, request);
}

function forget(registration: Registration): void {
	delete registration.webhookId;
	delete registration.webhookSecret;
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
 * Delivery ids this n8n process has started runs for, keyed by workflow and node. n8n saves static data
 * only when the run it started ends, so a retry that arrives while that run is still going finds nothing
 * in static data; this catches it. Static data still covers retries after a restart.
 */
const startedInProcess = new Map<string, number>();
const MAX_STARTED_IN_PROCESS = 10_000;

function seenInProcess(key: string, now: number): boolean {
	const at = startedInProcess.get(key);
	if (at !== undefined && now - at < DELIVERY_WINDOW_MS) return true;
	startedInProcess.delete(key);
	startedInProcess.set(key, now);
	// Insertion order is age order: drop the oldest beyond the cap.
	for (const oldest of startedInProcess.keys()) {
		if (startedInProcess.size <= MAX_STARTED_IN_PROCESS) break;
		startedInProcess.delete(oldest);
	}
	return false;
}

/** Whether this delivery id already started a run; remembers it, and forgets ids older than the window. */
function isRetry(registration: Registration, scope: string, deliveryId: string | undefined, now: number): boolean {
	if (!deliveryId) return false;
	const seen = { ...(registration.deliveries ?? {}) };
	const inProcess = seenInProcess(`${scope}/${deliveryId}`, now);
	if (inProcess || seen[deliveryId] !== undefined) return true;
	seen[deliveryId] = now;
	const kept = Object.entries(seen)
		.filter(([, at]) => now - at < DELIVERY_WINDOW_MS)
		.sort(([, a], [, b]) => b - a)
		.slice(0, MAX_REMEMBERED_DELIVERIES);
	registration.deliveries = Object.fromEntries(kept);
	return false;
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
				registration.deliveries = {};
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
		const deliveryId = headers['x-webhook-delivery-id'];
		const scope = `${this.getWorkflow().id ?? ''}/${this.getNode().name}`;
		if (isRetry(registration, scope, deliveryId, Date.now())) {
			return { webhookResponse: { message: `Delivery ${deliveryId} was already received` } };
		}
		return {
			workflowData: [this.helpers.returnJsonArray([{ ...payload, type, deliveryId: deliveryId ?? null }])],
		};
	}
}
