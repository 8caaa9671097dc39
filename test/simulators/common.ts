/**
 * Shared plumbing for the in-memory HTTP API simulators: a node:http server on 127.0.0.1 with a
 * random port, request recording, optional latency, fault injection and a close() that leaves no
 * open handles behind, so jest can exit.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

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

export interface Fault {
	match?: { method?: string; path?: string | RegExp };
	/** How many matching requests this fault answers; default 1. */
	times?: number;
	status?: number;
	/** An object is sent as JSON, a string is sent raw. */
	body?: unknown;
	headers?: Record<string, string>;
	contentType?: string;
	/** 'reset' destroys the socket without answering, 'hang' never answers. */
	kind?: 'response' | 'reset' | 'hang';
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

export interface SimResponse {
	status: number;
	/** Undefined sends an empty body, a string is sent raw, anything else as JSON. */
	body?: unknown;
	headers?: Record<string, string>;
	contentType?: string;
}

export interface Route {
	method: string;
	/** Matched against the whole path; capture groups become params. */
	pattern: RegExp;
	run: (req: SimRequest, params: string[]) => SimResponse | Promise<SimResponse>;
}

export type RouteMatch =
	| { kind: 'found'; route: Route; params: string[] }
	| { kind: 'wrongMethod'; allowed: string[] }
	| { kind: 'none' };

/** Finds the route for a request, telling "no such path" apart from "path exists, other verb". */
export function findRoute(routes: Route[], method: string, path: string): RouteMatch {
	const allowed: string[] = [];
	for (const route of routes) {
		const match = route.pattern.exec(path);
		if (!match) continue;
		if (route.method === method) {
			return { kind: 'found', route, params: match.slice(1).map(safeDecode) };
		}
		allowed.push(route.method);
	}
	return allowed.length > 0 ? { kind: 'wrongMethod', allowed } : { kind: 'none' };
}

// A malformed escape is the client's problem, not a simulator crash; keep the raw segment.
function safeDecode(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

interface ActiveFault extends Fault {
	remaining: number;
}

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export abstract class HttpSimulator {
	readonly requests: RecordedRequest[] = [];
	private readonly faults: ActiveFault[] = [];
	private readonly server: Server;
	private readonly sockets = new Set<Socket>();
	// Latency timers are tracked so close() can cancel them instead of keeping jest alive.
	private readonly timers = new Set<NodeJS.Timeout>();
	private boundPort = 0;

	protected constructor(
		private readonly basePrefix: string,
		private latencyMs = 0,
	) {
		this.server = createServer((req, res) => {
			this.onRequest(req, res).catch((error) => {
				if (!res.headersSent && !res.destroyed) {
					this.write(res, { status: 500, body: { simulatorError: String(error?.message ?? error) } });
				}
			});
		});
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
	}

	get port(): number {
		return this.boundPort;
	}

	protected get origin(): string {
		return `http://127.0.0.1:${this.boundPort}`;
	}

	async listen(): Promise<void> {
		await new Promise<void>((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(0, '127.0.0.1', () => {
				this.server.off('error', reject);
				resolve();
			});
		});
		this.boundPort = (this.server.address() as AddressInfo).port;
	}

	async close(): Promise<void> {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
		// Keep-alive and hanging connections would otherwise hold server.close() open forever.
		for (const socket of this.sockets) socket.destroy();
		await closed;
	}

	injectFault(fault: Fault): void {
		this.faults.push({ ...fault, remaining: fault.times ?? 1 });
	}

	clearFaults(): void {
		this.faults.length = 0;
	}

	resetRequests(): void {
		this.requests.length = 0;
	}

	setLatency(ms: number): void {
		this.latencyMs = ms;
	}

	protected abstract handle(req: SimRequest): SimResponse | Promise<SimResponse>;

	private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const receivedAt = Date.now();
		const rawBody = await readBody(req);
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const { path, withinPrefix } = this.stripPrefix(url.pathname);
		const headers = flattenHeaders(req);
		const parsed = parseJson(rawBody);
		const record: RecordedRequest = {
			method: req.method ?? 'GET',
			path,
			query: Object.fromEntries(url.searchParams),
			headers,
			rawBody,
			body: parsed.value,
			status: 0,
			at: receivedAt,
		};
		this.requests.push(record);

		if (this.latencyMs > 0) await this.delay(this.latencyMs);
		if (!this.server.listening) return;

		const fault = this.takeFault(record.method, path);
		if (fault) {
			const kind = fault.kind ?? 'response';
			if (kind === 'reset') {
				req.socket.destroy();
				return;
			}
			if (kind === 'hang') return;
			record.status = this.write(res, {
				status: fault.status ?? 500,
				body: fault.body,
				headers: fault.headers,
				contentType: fault.contentType,
			});
			return;
		}

		const response = await this.handle({
			method: record.method,
			path,
			query: record.query,
			headers,
			rawBody,
			body: parsed.value,
			jsonError: parsed.error,
			mediaType: (headers['content-type'] ?? '').split(';')[0].trim().toLowerCase(),
			withinPrefix,
			receivedAt,
		});
		record.status = this.write(res, response);
	}

	private stripPrefix(pathname: string): { path: string; withinPrefix: boolean } {
		if (pathname === this.basePrefix) return { path: '/', withinPrefix: true };
		if (pathname.startsWith(`${this.basePrefix}/`)) {
			return { path: pathname.slice(this.basePrefix.length), withinPrefix: true };
		}
		return { path: pathname, withinPrefix: false };
	}

	private takeFault(method: string, path: string): Fault | undefined {
		const index = this.faults.findIndex((fault) => faultMatches(fault, method, path));
		if (index < 0) return undefined;
		const fault = this.faults[index];
		fault.remaining -= 1;
		if (fault.remaining <= 0) this.faults.splice(index, 1);
		return fault;
	}

	private delay(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				resolve();
			}, ms);
			this.timers.add(timer);
		});
	}

	/** Sends the response and returns the status, for the request record. */
	private write(res: ServerResponse, response: SimResponse): number {
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
}

function faultMatches(fault: Fault, method: string, path: string): boolean {
	const match = fault.match;
	if (!match) return true;
	if (match.method && match.method.toUpperCase() !== method.toUpperCase()) return false;
	if (match.path === undefined) return true;
	return typeof match.path === 'string' ? match.path === path : match.path.test(path);
}

function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(req.headers)) {
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
