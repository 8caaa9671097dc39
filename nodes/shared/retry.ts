// What an answer (or its absence) says about a request: whether the server can have acted on it, and how
// long it asked us to wait. http.ts decides from this whether a request may be sent again.
import type { IDataObject } from 'n8n-workflow';

/**
 * - `notProcessed`: the server says it did not act (429, or 503 with a retry hint); any request may be
 *   sent again, idempotent or not.
 * - `unknown`: the server may or may not have acted (no answer in time, a dropped connection, 502/504,
 *   a 503 without a hint); only a request that leaves the same state when sent twice may be sent again.
 * - `notSent`: the request never left (a DNS lookup that failed for now); safe to send again.
 */
export type Verdict = 'notProcessed' | 'unknown' | 'notSent';

/** Network failures after which the request may have reached the server. */
const UNKNOWN_OUTCOME_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT']);
/** Network failures before anything was sent that a moment may cure. */
const NOT_SENT_CODES = new Set(['EAI_AGAIN']);
const BACKOFF_BASE_MS = 1000;

/** The verdict on a request that got no HTTP answer; undefined when retrying cannot help (e.g. ECONNREFUSED). */
export function networkVerdict(error: { code?: string; message?: string }): Verdict | undefined {
	if (NOT_SENT_CODES.has(error.code ?? '')) return 'notSent';
	if (UNKNOWN_OUTCOME_CODES.has(error.code ?? '') || /socket hang up|timeout/i.test(error.message ?? ''))
		return 'unknown';
	return undefined;
}

/** Whether the failure was a timeout (the message then says how long we waited). */
export function isTimeout(error: { code?: string; message?: string }): boolean {
	return (
		['ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT'].includes(error.code ?? '') || /timeout/i.test(error.message ?? '')
	);
}

/** The verdict on an HTTP answer that is not a success; undefined for a plain failure (400, 404, 500, ...). */
export function statusVerdict(statusCode: number, headers: IDataObject, body: unknown): Verdict | undefined {
	if (statusCode === 429) return 'notProcessed';
	if (statusCode === 503) return serverRetryDelay(headers, body) === undefined ? 'unknown' : 'notProcessed';
	if (statusCode === 502 || statusCode === 504) return 'unknown';
	return undefined;
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
