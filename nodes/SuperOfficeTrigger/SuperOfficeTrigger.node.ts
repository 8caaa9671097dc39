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
import { digestOf, keepFirstDeliveries, seenInProcess } from '../shared/deliveries';
import { defaultPolicy } from '../shared/options';
import type { Registration, WebhookApi } from '../shared/webhooks';
import {
	headersOf,
	httpCodeOf,
	isSignedBy,
	newWebhookSecret,
	rawBodyOf,
	rejectDelivery,
	removedOrGone,
	webhookLifecycle,
} from '../shared/webhooks';
import { authenticationProperty, superOfficeCredentials } from '../SuperOffice/authentication';
import { SUPEROFFICE, superOfficeRequest } from '../SuperOffice/transport';
import { EVENT_OPTIONS, RECORD_PATHS } from './events';

const REGISTRATION_HELP =
	"SuperOffice only registers a webhook for an app with access to the Webhook agent (SuperOffice Developer Portal › your app) on a tenant with Development Tools or CRM Suite Core. While registering, SuperOffice sends a test event to n8n's webhook URL and needs 200 OK back: n8n must be reachable from the internet over HTTPS with a valid certificate (set WEBHOOK_URL to n8n's public address).";

/** SuperOffice's Webhook API, for the shared registration lifecycle. */
const webhooks: WebhookApi = {
	triggerName: 'SuperOffice Trigger',
	help: REGISTRATION_HELP,
	async get(context, webhookId) {
		const found = (await superOfficeRequest
			.call(context, {
				method: 'GET',
				path: `/Webhook/${webhookId}`,
				action: `check webhook ${webhookId}`,
				idempotent: true,
			})
			.catch(async (error: Error) =>
				httpCodeOf(error) === '404' ? null : await Promise.reject(error),
			)) as IDataObject | null;
		// Stopped (e.g. TooManyErrors after failed deliveries) counts as inactive; SuperOffice's webhook is then replaced.
		return found && { url: found.TargetUrl, events: found.Events, active: found.State === 'Active' };
	},
	async register(context, url, events) {
		const workflow = context.getWorkflow();
		const secret = newWebhookSecret();
		const created = (await superOfficeRequest.call(context, {
			method: 'POST',
			path: '/Webhook',
			action: 'register the webhook',
			idempotent: false,
			body: {
				Name: `n8n: ${workflow.name ?? 'workflow'} (${workflow.id ?? 'unsaved'})`.slice(0, 250),
				Events: events,
				TargetUrl: url,
				Secret: secret,
				State: 'Active',
				Type: 'webhook',
			},
		})) as IDataObject | null;
		const webhookId = Number(created?.WebhookId);
		if (!Number.isInteger(webhookId) || webhookId <= 0) {
			throw new NodeOperationError(
				context.getNode(),
				'SuperOffice registered the webhook but did not say its WebhookId',
				{
					description:
						'Deactivate and activate the workflow again; if it keeps happening, check the webhooks under Settings and maintenance › System design › Webhooks in SuperOffice.',
				},
			);
		}
		return { webhookId, secret };
	},
	async remove(context, webhookId) {
		return await removedOrGone(
			context,
			`delete SuperOffice webhook ${webhookId}`,
			superOfficeRequest.call(context, {
				method: 'DELETE',
				path: `/Webhook/${webhookId}`,
				action: `delete webhook ${webhookId}`,
				idempotent: true,
			}),
		);
	},
};

/** The record the event is about, as SuperOffice's REST API returns it, or why it could not be fetched in time. */
async function fullRecord(context: IWebhookFunctions, payload: IDataObject, timeoutMs: number): Promise<IDataObject> {
	const event = String(payload.Event ?? '');
	const entity = String(payload.Entity ?? event.split('.')[0]).toLowerCase();
	const primaryKey = Number(payload.PrimaryKey);
	const path = RECORD_PATHS.get(entity);
	if (/\.(deleted|softdeleted)$/.test(event)) return { record: null };
	if (!path || !Number.isInteger(primaryKey) || primaryKey <= 0) {
		return { record: null, recordError: `SuperOffice has no single record to fetch for ${event || 'this event'}` };
	}
	// SuperOffice waits for n8n's 200 only so long, then sends the event again: the whole fetch, waiting for
	// the rate limit included, must end within its own timeout.
	const deadline = AbortSignal.timeout(timeoutMs);
	return await superOfficeRequest
		.call(
			context,
			{ method: 'GET', path: `/${path}/${primaryKey}`, action: `fetch ${entity} ${primaryKey}`, idempotent: true },
			defaultPolicy(SUPEROFFICE, { timeoutMs, maxWaitMs: 0, maxTries: 1, signal: deadline }),
		)
		.then(
			(record) => ({ record: record as IDataObject }),
			(error: Error) => ({
				record: null,
				recordError: deadline.aborted
					? `SuperOffice did not answer within ${timeoutMs} ms (Fetch Timeout); the workflow started without the record`
					: error.message,
			}),
		);
}

/**
 * What identifies an event: SuperOffice's EventId, inside the signed body and the same in all tries of one
 * delivery cycle; without one, a digest of the payload.
 */
function deliveryKeys(json: IDataObject): string[] {
	if (typeof json.EventId === 'string' && json.EventId !== '') return [`e:${digestOf(json.EventId)}`];
	// The fetched record is not part of the delivery.
	const payload = { ...json };
	delete payload.record;
	delete payload.recordError;
	return [`b:${digestOf(payload)}`];
}

/** Whether the event's Timestamp lies within the tolerance of now (0 turns the check off). */
function tooOld(payload: IDataObject, toleranceSeconds: number, now = Date.now()): string | undefined {
	if (!toleranceSeconds) return undefined;
	const at = Date.parse(String(payload.Timestamp ?? ''));
	if (Number.isNaN(at)) return 'The event has no Timestamp, so its age cannot be checked';
	const age = Math.round((now - at) / 1000);
	if (Math.abs(age) <= toleranceSeconds) return undefined;
	return `The event's Timestamp is ${Math.abs(age)} s ${age > 0 ? 'old' : 'in the future'}, beyond the ${toleranceSeconds} s Max Event Age: a replayed delivery, or a clock that is off`;
}

export class SuperOfficeTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SuperOffice Trigger',
		name: 'superOfficeTrigger',
		icon: { light: 'file:../../icons/superOffice.svg', dark: 'file:../../icons/superOffice.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when companies, persons, sales or other SuperOffice records change',
		defaults: { name: 'SuperOffice Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: superOfficeCredentials,
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			authenticationProperty,
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: EVENT_OPTIONS,
				default: [],
				required: true,
				description: 'The SuperOffice events that start the workflow. SuperOffice calls a company a contact.',
			},
			{
				displayName: 'Fetch Full Record',
				name: 'fetchFullRecord',
				type: 'boolean',
				default: false,
				description:
					'Whether to fetch the record the event is about (e.g. the person, with name and emails) and output it as "record". Events only carry IDs and some field values.',
			},
			{
				displayName: 'Fetch Timeout (Ms)',
				name: 'fetchTimeout',
				type: 'number',
				typeOptions: { minValue: 100, maxValue: 30000 },
				default: 3000,
				description:
					'How long to wait for the record, rate limit included. SuperOffice sends an event again when n8n does not answer in time, so keep this short; when it runs out, the workflow starts with "record" empty and "recordError" saying why.',
				displayOptions: { show: { fetchFullRecord: [true] } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Max Event Age (Seconds)',
						name: 'maxEventAge',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 300,
						description:
							"Signed events whose Timestamp is further from now than this are refused, so that a captured delivery cannot be replayed later. SuperOffice retries within seconds. 0 turns the check off (e.g. when n8n's clock cannot be kept right).",
					},
				],
			},
		],
	};

	webhookMethods = { default: webhookLifecycle(webhooks) };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const headers = headersOf(this);
		const payload = this.getBodyData() as IDataObject;
		// SuperOffice sends a test event while registering, before the secret reaches the static data, and
		// needs 200 back; it never starts the workflow, so answering it unverified reveals nothing.
		if (headers['x-hook-test']?.toLowerCase() === 'true' || payload.Event === 'test') {
			return { webhookResponse: { message: 'Test event received' } };
		}
		const { webhookSecret } = this.getWorkflowStaticData('node') as Registration;
		const rawBody = rawBodyOf(this);
		if (!rawBody || !isSignedBy(rawBody, String(webhookSecret ?? ''), headers['x-superoffice-signature'], 'base64')) {
			return rejectDelivery(this, 'The X-SuperOffice-Signature header is missing or does not match');
		}
		const stale = tooOld(payload, Number((this.getNodeParameter('options', {}) as IDataObject).maxEventAge ?? 300));
		if (stale) return rejectDelivery(this, stale);
		const event = String(payload.Event ?? headers['x-superoffice-event'] ?? '');
		const events = this.getNodeParameter('events', []) as string[];
		if (!events.includes(event)) return { webhookResponse: { message: `Event ${event} is not selected` } };
		const scope = `${this.getWorkflow().id ?? ''}/${this.getNode().name}`;
		if (seenInProcess(scope, deliveryKeys(payload))) {
			return { webhookResponse: { message: 'This event was already received; it starts no second run' } };
		}

		const json: IDataObject = { ...payload };
		if (this.getNodeParameter('fetchFullRecord', false) === true) {
			Object.assign(json, await fullRecord(this, payload, Number(this.getNodeParameter('fetchTimeout', 3000))));
		}
		return { workflowData: [this.helpers.returnJsonArray([json])] };
	}

	/** Runs as the workflow starts: an event n8n's store already saw (e.g. retried after a restart) ends here. */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [await keepFirstDeliveries(this, deliveryKeys)];
	}
}
