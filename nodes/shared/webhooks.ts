// What both trigger nodes share: to register a webhook, the selected events and a registration error that
// says what the service needs; to accept a delivery, its raw body, its headers read case-insensitively, an
// HMAC check in constant time, and a 401 that starts no workflow.
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
export function sameEvents(registered: unknown, wanted: string[]): boolean {
	if (!Array.isArray(registered) || registered.length !== wanted.length) return false;
	const set = new Set(wanted);
	return registered.every((event) => set.has(String(event)));
}

/** The HTTP status of a failed registration request, as the transport's NodeApiError carries it. */
export function httpCodeOf(error: unknown): string | undefined {
	return error instanceof NodeApiError ? (error.httpCode ?? undefined) : undefined;
}

/** The events the trigger is set to; there is no webhook to register for none. */
export function selectedEvents(context: IHookFunctions, triggerName: string): string[] {
	const events = context.getNodeParameter('events', []) as string[];
	if (events.length === 0) {
		throw new NodeOperationError(context.getNode(), 'No events are selected', {
			description: `Choose at least one event in the ${triggerName}, then activate the workflow again.`,
		});
	}
	return events;
}

/** A refused registration: the API's message and hint, then what the service needs to register webhooks. */
export function registrationFailed(context: IHookFunctions, error: Error, help: string): NodeOperationError {
	const description = [(error as { description?: string | null }).description, help].filter(Boolean).join(' ');
	return new NodeOperationError(context.getNode(), error.message, { description });
}

/** A secret for a webhook registration: 32 random bytes. */
export function newWebhookSecret(): string {
	return randomBytes(32).toString('hex');
}
