/**
 * The base both simulators extend: a node:http server on 127.0.0.1 with a random port, request
 * recording, optional latency, fault injection and a close() that leaves no open handles behind,
 * so jest can exit. A service only says how to answer a request it has been handed (handle()).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { FaultQueue, type Fault } from './faults';
import { readRequest, type RecordedRequest, type SimRequest } from './request';
import { writeResponse, type SimResponse } from './response';

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

export abstract class HttpSimulator {
	readonly requests: RecordedRequest[] = [];
	private readonly faults = new FaultQueue();
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
					writeResponse(res, { status: 500, body: { simulatorError: String(error?.message ?? error) } });
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
		this.faults.add(fault);
	}

	clearFaults(): void {
		this.faults.clear();
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
		const incoming = await readRequest(req);
		const { method, query, headers, rawBody, body } = incoming;
		const { path, withinPrefix } = this.stripPrefix(incoming.pathname);
		const record: RecordedRequest = { method, path, query, headers, rawBody, body, status: 0, at: receivedAt };
		this.requests.push(record);

		if (this.latencyMs > 0) await this.delay(this.latencyMs);
		if (!this.server.listening) return;

		const fault = this.faults.take(record.method, path);
		if (fault && fault.kind !== 'appliedThenHang') {
			const kind = fault.kind ?? 'response';
			if (kind === 'reset') {
				req.socket.destroy();
				return;
			}
			if (kind === 'hang') return;
			record.status = writeResponse(res, {
				status: fault.status ?? 500,
				body: fault.body,
				headers: fault.headers,
				contentType: fault.contentType,
			});
			return;
		}

		const { jsonError, mediaType } = incoming;
		const request: SimRequest = {
			method,
			path,
			query,
			headers,
			rawBody,
			body,
			jsonError,
			mediaType,
			withinPrefix,
			receivedAt,
		};
		const response = await this.handle(request);
		if (fault?.kind === 'appliedThenHang') return;
		record.status = writeResponse(res, response);
	}

	private stripPrefix(pathname: string): { path: string; withinPrefix: boolean } {
		if (pathname === this.basePrefix) return { path: '/', withinPrefix: true };
		if (pathname.startsWith(`${this.basePrefix}/`)) {
			return { path: pathname.slice(this.basePrefix.length), withinPrefix: true };
		}
		return { path: pathname, withinPrefix: false };
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
}
