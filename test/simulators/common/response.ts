/** What a simulator route answers, and the one function that writes it to the socket. */
import type { ServerResponse } from 'node:http';

export interface SimResponse {
	status: number;
	/** Undefined sends an empty body, a string is sent raw, anything else as JSON. */
	body?: unknown;
	headers?: Record<string, string>;
	contentType?: string;
}

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** Sends the response and returns the status, for the request record; 0 when the socket is gone. */
export function writeResponse(res: ServerResponse, response: SimResponse): number {
	if (res.destroyed) return 0;
	const headers: Record<string, string> = { ...response.headers };
	let payload = '';
	if (response.body !== undefined) {
		const raw = typeof response.body === 'string';
		payload = raw ? (response.body as string) : JSON.stringify(response.body);
		headers['content-type'] = response.contentType ?? (raw ? 'text/plain; charset=utf-8' : JSON_CONTENT_TYPE);
	} else if (response.contentType) {
		headers['content-type'] = response.contentType;
	}
	headers['content-length'] = String(Buffer.byteLength(payload));
	res.writeHead(response.status, headers);
	res.end(payload);
	return response.status;
}
