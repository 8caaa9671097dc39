// What both trigger nodes need to accept a webhook delivery: its raw body, its headers read
// case-insensitively, an HMAC check in constant time, and a 401 that starts no workflow.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

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

/** A secret for a webhook registration: 32 random bytes. */
export function newWebhookSecret(): string {
	return randomBytes(32).toString('hex');
}
