// What both trigger nodes share: one registration lifecycle (checkExists, create, delete) over each service's
// webhook API; to accept a delivery, its raw body, its headers read case-insensitively, an HMAC check in
// constant time, and a 401 that starts no workflow.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IDataObject, IHookFunctions, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** Header names lower-cased; a repeated header keeps its first value. */
export function headersOf(context: IWebhookFunctions): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(context.getHeaderData() as IDataObject)) {
		const text = Array.isArray(value) ? value[0] : value;
		if (typeof text === 'string') headers[name.toLowerCase()] ??= text;
	}
	return headers;
}

/** The body exactly as sent, which is what the sender signed; undefined when n8n did not keep it. */
export function rawBodyOf(context: IWebhookFunctions): Buffer | undefined {
	const raw = (context.getRequestObject() as { rawBody?: unknown }).rawBody;
	if (Buffer.isBuffer(raw)) return raw;
	return typeof raw === 'string' ? Buffer.from(raw, 'utf8') : undefined;
}

/** Whether `signature` is the HMAC-SHA256 of the body with the secret, in the given encoding. */
export function isSignedBy(
	rawBody: Buffer,
	secret: string,
	signature: string | undefined,
	encoding: 'base64' | 'hex',
): boolean {
	if (!signature || !secret) return false;
	const expected = Buffer.from(createHmac('sha256', secret).update(rawBody).digest(encoding), 'utf8');
	const given = Buffer.from(signature.trim(), 'utf8');
	return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Answers 401 itself, so n8n neither answers again nor starts the workflow. */
export function rejectDelivery(context: IWebhookFunctions, message: string): IWebhookResponseData {
	context.getResponseObject().status(401).json({ message });
	return { noWebhookResponse: true };
}

/** Whether a registered webhook's events are exactly the ones the node is set to, in any order. */
function sameEvents(registered: unknown, wanted: string[]): boolean {
	if (!Array.isArray(registered) || registered.length !== wanted.length) return false;
	const set = new Set(wanted);
	return registered.every((event) => set.has(String(event)));
}

/** The HTTP status of a failed registration request, as the transport's NodeApiError carries it. */
export function httpCodeOf(error: unknown): string | undefined {
	return error instanceof NodeApiError ? (error.httpCode ?? undefined) : undefined;
}

/** The events the trigger is set to; there is no webhook to register for none. */
function selectedEvents(context: IHookFunctions, triggerName: string): string[] {
	const events = context.getNodeParameter('events', []) as string[];
	if (events.length === 0) {
		throw new NodeOperationError(context.getNode(), 'No events are selected', {
			description: `Choose at least one event in the ${triggerName}, then activate the workflow again.`,
		});
	}
	return events;
}

/** A refused registration: the API's message and hint, then what the service needs to register webhooks. */
function registrationFailed(context: IHookFunctions, error: Error, help: string): NodeOperationError {
	const description = [(error as { description?: string | null }).description, help].filter(Boolean).join(' ');
	return new NodeOperationError(context.getNode(), error.message, { description });
}

/** A secret for a webhook registration: 32 random bytes. */
export function newWebhookSecret(): string {
	return randomBytes(32).toString('hex');
}

/** What a trigger keeps in the workflow's static data (saved by n8n after activation and deactivation). */
export interface Registration extends IDataObject {
	webhookId?: string | number;
	webhookSecret?: string;
}

/** A registered webhook as the service describes it. */
export interface RemoteWebhook {
	url: unknown;
	events: unknown;
	/** Whether the service delivers to it now */
	active: boolean;
}

/** One service's webhook API, as the lifecycle needs it. */
export interface WebhookApi {
	/** "SuperOffice Trigger", for messages */
	triggerName: string;
	/** What the service needs to register a webhook, added to a refused registration's message */
	help: string;
	/** The webhook, or null when the service no longer has it */
	get: (context: IHookFunctions, webhookId: string | number) => Promise<RemoteWebhook | null>;
	/** Registers a webhook; returns its id and the secret deliveries are signed with */
	register: (
		context: IHookFunctions,
		url: string,
		events: string[],
	) => Promise<{ webhookId: string | number; secret: string }>;
	/** Switches a webhook the service deactivated back on, where the service allows it */
	reactivate?: (context: IHookFunctions, webhookId: string | number) => Promise<void>;
	/** Removes a webhook; true when it is gone (also when it already was), false when that failed */
	remove: (context: IHookFunctions, webhookId: string | number) => Promise<boolean>;
}

/** Removes what a registration knows, and what versions before 0.2 kept beside it. */
function forget(registration: Registration): void {
	delete registration.webhookId;
	delete registration.webhookSecret;
	delete registration.webhookEvents;
	delete registration.deliveries;
}

/**
 * The registration lifecycle n8n calls on activation (checkExists, then create when it answered false) and on
 * deactivation (delete). A webhook that is gone, points elsewhere, has other events or whose secret is
 * unknown is replaced; one the service switched off is switched back on where the service allows it.
 */
export function webhookLifecycle(api: WebhookApi) {
	return {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			const registration = this.getWorkflowStaticData('node') as Registration;
			if (registration.webhookId === undefined) return false;
			const { webhookId } = registration;
			const found = await api.get(this, webhookId);
			const usable =
				found !== null &&
				found.url === this.getNodeWebhookUrl('default') &&
				sameEvents(found.events, this.getNodeParameter('events', []) as string[]) &&
				typeof registration.webhookSecret === 'string';
			if (usable && found.active) return true;
			if (usable && api.reactivate) {
				await api.reactivate(this, webhookId);
				return true;
			}
			if (found !== null) await api.remove(this, webhookId);
			forget(registration);
			return false;
		},

		async create(this: IHookFunctions): Promise<boolean> {
			const events = selectedEvents(this, api.triggerName);
			const { webhookId, secret } = await api
				.register(this, this.getNodeWebhookUrl('default') as string, events)
				.catch(async (error: Error) => await Promise.reject(registrationFailed(this, error, api.help)));
			const registration = this.getWorkflowStaticData('node') as Registration;
			registration.webhookId = webhookId;
			registration.webhookSecret = secret;
			return true;
		},

		async delete(this: IHookFunctions): Promise<boolean> {
			const registration = this.getWorkflowStaticData('node') as Registration;
			if (registration.webhookId === undefined) return true;
			// Kept when the service could not be reached, so that the next activation finds and reuses it.
			if (!(await api.remove(this, registration.webhookId))) return false;
			forget(registration);
			return true;
		},
	};
}

/** A removal that failed is logged and reported as not done; a webhook the service no longer has counts as removed. */
export async function removedOrGone(
	context: IHookFunctions,
	what: string,
	removal: Promise<unknown>,
): Promise<boolean> {
	return await removal.then(
		() => true,
		(error: Error) => {
			if (httpCodeOf(error) === '404') return true;
			context.logger.warn(`Could not ${what}: ${error.message}`);
			return false;
		},
	);
}
