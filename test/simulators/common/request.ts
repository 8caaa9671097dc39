/**
 * The one place the simulators read an HTTP message: the raw body, its JSON (with the parser's
 * message when it is not JSON), the media type and the headers under lower-case names. Both
 * services and the webhook sender use it, so a request is read the same way everywhere.
 */
import type { IncomingMessage } from 'node:http';

/** One request as the simulator saw it; tests assert on these. */
export interface RecordedRequest {
	method: string;
	/** Path after the simulator's base prefix (the full path when the prefix did not match), no query. */
	path: string;
	query: Record<string, string>;
	/** Lower-case header names. */
	headers: Record<string, string>;
	rawBody: string;
	/** Parsed JSON, or undefined when the body was empty or not valid JSON. */
	body: unknown;
	/** Status sent; 0 when the connection was reset or left hanging. */
	status: number;
	/** Date.now() when the request arrived. */
	at: number;
}

/** What a simulator's handler gets: the recorded data plus a few pre-computed facts. */
export interface SimRequest extends Omit<RecordedRequest, 'status' | 'at'> {
	/** Parser message when a non-empty body is not valid JSON. */
	jsonError?: string;
	/** Lower-case media type of Content-Type without parameters; '' when absent. */
	mediaType: string;
	/** False when the URL did not start with the base prefix. */
	withinPrefix: boolean;
	receivedAt: number;
}

/** A request read in full, before the simulator has placed its path under a base prefix. */
export type IncomingRequest = Omit<SimRequest, 'path' | 'withinPrefix' | 'receivedAt'> & { pathname: string };

export async function readRequest(req: IncomingMessage): Promise<IncomingRequest> {
	const rawBody = await readBody(req);
	const url = new URL(req.url ?? '/', 'http://127.0.0.1');
	const headers = flattenHeaders(req);
	const parsed = parseJson(rawBody);
	return {
		method: req.method ?? 'GET',
		pathname: url.pathname,
		query: Object.fromEntries(url.searchParams),
		headers,
		rawBody,
		body: parsed.value,
		jsonError: parsed.error,
		mediaType: (headers['content-type'] ?? '').split(';')[0].trim().toLowerCase(),
	};
}

/** Reads a whole body as UTF-8: a request the simulator received, or the answer to a delivery it sent. */
export function readBody(message: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		message.on('data', (chunk: Buffer) => chunks.push(chunk));
		message.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		message.on('error', reject);
	});
}

// Node already lower-cases header names; a repeated header becomes one comma-joined value.
function flattenHeaders(message: IncomingMessage): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(message.headers)) {
		if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
	}
	return headers;
}

function parseJson(rawBody: string): { value: unknown; error?: string } {
	if (rawBody.trim() === '') return { value: undefined };
	try {
		return { value: JSON.parse(rawBody) };
	} catch (error) {
		return { value: undefined, error: (error as Error).message };
	}
}

/** Why a request body cannot be handed to a route; each service words the answer its own way. */
export type BodyProblem = { kind: 'mediaType' } | { kind: 'syntax'; message: string };

/** Checks a POST or PUT body against the media types the service accepts; other methods carry none. */
export function jsonBodyProblem(req: SimRequest, mediaTypes: readonly string[]): BodyProblem | undefined {
	if (req.method !== 'POST' && req.method !== 'PUT') return undefined;
	if (!mediaTypes.includes(req.mediaType)) return { kind: 'mediaType' };
	if (req.jsonError) return { kind: 'syntax', message: req.jsonError };
	return undefined;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
