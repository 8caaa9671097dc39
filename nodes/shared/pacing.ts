// Client-side rate limiting and retry decisions, shared by every request a node execution sends.
import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

const MIN_RATE = 0.1;

/**
 * Lets at most `perSecond` requests start in any sliding one-second window (for rates below 1, one per
 * 1/rate seconds). A request under the rate starts at once: pacing adds no latency until the rate is
 * reached. A margin absorbs the gap between admitting a request and its bytes reaching the server
 * (credential lookup, a busy event loop), which would otherwise put an 11th request into a server's
 * one-second window now and then.
 */
export class Pacer {
	private readonly starts: number[] = [];
	private perSecond: number;
	private burst = 1;
	private windowMs = 1000;
	private pausedUntil = 0;
	private lastSlowDown = 0;
	/** The lowest limit a rate-limiting server stated (X-RateLimit-Limit); recovery stops there. */
	private ceiling = Number.POSITIVE_INFINITY;

	constructor(
		private readonly configured: number,
		private readonly marginMs = 75,
	) {
		this.perSecond = configured;
		this.setRate(configured);
	}

	get rate(): number {
		return this.perSecond;
	}

	private setRate(perSecond: number) {
		this.perSecond = perSecond;
		this.burst = Math.max(1, Math.floor(perSecond));
		this.windowMs = (this.burst * 1000) / perSecond + this.marginMs;
	}

	/** Waits until a request may start; returns when it was admitted. */
	async acquire(): Promise<number> {
		for (;;) {
			const now = Date.now();
			if (now < this.pausedUntil) {
				await sleep(this.pausedUntil - now);
				continue;
			}
			while (this.starts.length > 0 && now - this.starts[0] >= this.windowMs) this.starts.shift();
			if (this.starts.length < this.burst) {
				this.starts.push(now);
				return now;
			}
			await sleep(this.starts[0] + this.windowMs - now);
		}
	}

	/** Holds every request of this execution back, e.g. after the server asked to wait. */
	pause(ms: number): void {
		this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
	}

	/**
	 * The server rate limited a request admitted at `admittedAt`, so it allows less than we send: halve
	 * the rate (or take the limit it states, if lower). Requests of the same burst were admitted before
	 * the last slow-down and do not halve it again, or one burst would collapse the rate. A stated limit
	 * also caps the recovery, so the rate does not creep past it into the next 429.
	 */
	slowDown(admittedAt: number, statedLimit?: number): void {
		if (statedLimit && statedLimit >= MIN_RATE) this.ceiling = Math.min(this.ceiling, statedLimit);
		if (admittedAt < this.lastSlowDown) return;
		const halved = Math.max(MIN_RATE, this.perSecond / 2);
		this.setRate(statedLimit && statedLimit >= MIN_RATE ? Math.min(halved, statedLimit) : halved);
		this.lastSlowDown = Date.now();
	}

	/** A request went through: creep back toward the configured rate, or the server's stated limit. */
	speedUp(): void {
		const target = Math.min(this.configured, this.ceiling);
		if (this.perSecond < target) {
			this.setRate(Math.min(target, this.perSecond + Math.max(MIN_RATE, this.configured / 20)));
		}
	}
}

export interface RequestPolicy {
	pacer?: Pacer;
	/** Total attempts for a request that was rate limited or hit a passing failure; 1 = no retry. */
	maxTries: number;
	timeoutMs?: number;
}

/** One attempt, no pacing: for pickers and anything outside an execution. */
export const SINGLE_ATTEMPT: RequestPolicy = { maxTries: 1 };

const TRANSIENT_NETWORK_CODES = new Set([
	'ECONNRESET',
	'EPIPE',
	'ETIMEDOUT',
	'ECONNABORTED',
	'ESOCKETTIMEDOUT',
	'EAI_AGAIN',
]);
const BACKOFF_BASE_MS = 1000;
/** Longer waits than this fail the request instead: a workflow should not sit idle for minutes. */
export const MAX_RETRY_WAIT_MS = 60_000;

export function isTransientNetworkError(error: { code?: string; message?: string }): boolean {
	return TRANSIENT_NETWORK_CODES.has(error.code ?? '') || /socket hang up|timeout/i.test(error.message ?? '');
}

export function isRetryableStatus(statusCode: number): boolean {
	return statusCode === 429 || statusCode === 503;
}

function header(headers: IDataObject, name: string): string | undefined {
	const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
	const value = key === undefined ? undefined : headers[key];
	return value === undefined || value === null ? undefined : String(value);
}

/**
 * How long the server asked us to wait, in ms: Retry-After (seconds or an HTTP date), AutoSend's
 * `retryAfter` body field (seconds), or X-RateLimit-Reset (a Unix time, or seconds from now).
 */
export function serverRetryDelay(headers: IDataObject, body: unknown, now = Date.now()): number | undefined {
	const retryAfter = header(headers, 'retry-after');
	if (retryAfter !== undefined) {
		const seconds = Number(retryAfter);
		if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
		const date = Date.parse(retryAfter);
		if (!Number.isNaN(date)) return Math.max(0, date - now);
	}
	const json = (body && typeof body === 'object' ? body : {}) as IDataObject;
	const error = (json.error && typeof json.error === 'object' ? json.error : {}) as IDataObject;
	const bodySeconds = Number(json.retryAfter ?? error.retryAfter);
	if (Number.isFinite(bodySeconds) && bodySeconds >= 0) return bodySeconds * 1000;
	const reset = Number(header(headers, 'x-ratelimit-reset'));
	if (Number.isFinite(reset) && reset > 0) {
		// Unix seconds are far larger than any sensible "seconds from now".
		return Math.max(0, reset > 1e9 ? reset * 1000 - now : reset * 1000);
	}
	return undefined;
}

/** The limit a server states per window (X-RateLimit-Limit), when it states one. */
export function statedRateLimit(headers: IDataObject): number | undefined {
	const limit = Number(header(headers, 'x-ratelimit-limit'));
	return Number.isFinite(limit) && limit > 0 ? limit : undefined;
}

/** Exponential backoff with jitter for the given attempt (1 = the wait after the first failure). */
export function backoffDelay(attempt: number): number {
	const ceiling = BACKOFF_BASE_MS * 2 ** (attempt - 1);
	return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

export async function waitBeforeRetry(policy: RequestPolicy, ms: number): Promise<void> {
	policy.pacer?.pause(ms);
	await sleep(ms);
}
