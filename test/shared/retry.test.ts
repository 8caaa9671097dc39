// How the nodes read what an answer (or its absence) says: whether the server acted, and how long it asked us to wait.
import { backoffDelay, networkVerdict, serverRetryDelay, statusVerdict } from '../../nodes/shared/retry';

const NOW = Date.parse('2026-11-23T12:00:00Z');

describe('serverRetryDelay', () => {
	it.each([
		['Retry-After in seconds', { 'Retry-After': '3' }, undefined, 3000],
		['Retry-After as an HTTP date', { 'retry-after': 'Mon, 23 Nov 2026 12:00:05 GMT' }, undefined, 5000],
		["AutoSend's retryAfter body field", {}, { success: false, retryAfter: 1.5 }, 1500],
		['retryAfter inside the error object', {}, { error: { retryAfter: 2 } }, 2000],
		['X-RateLimit-Reset as a Unix time', { 'x-ratelimit-reset': String(NOW / 1000 + 4) }, undefined, 4000],
		['X-RateLimit-Reset as seconds from now', { 'X-RateLimit-Reset': '2' }, undefined, 2000],
		['Retry-After before the body field', { 'retry-after': '1' }, { retryAfter: 9 }, 1000],
	])('reads %s', (_case, headers, body, expected) => {
		expect(serverRetryDelay(headers, body, NOW)).toBe(expected);
	});

	it('returns nothing without a signal, so the caller backs off', () => {
		expect(serverRetryDelay({ 'content-type': 'application/json' }, { success: false }, NOW)).toBeUndefined();
	});

	it('never returns a negative wait for a date in the past', () => {
		expect(serverRetryDelay({ 'retry-after': 'Mon, 23 Nov 2026 11:00:00 GMT' }, undefined, NOW)).toBe(0);
	});
});

describe('backoffDelay', () => {
	it('doubles per attempt, with jitter between half and the whole step', () => {
		for (const [attempt, ceiling] of [
			[1, 1000],
			[2, 2000],
			[3, 4000],
		]) {
			for (let i = 0; i < 50; i++) {
				const delay = backoffDelay(attempt);
				expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
				expect(delay).toBeLessThanOrEqual(ceiling);
			}
		}
	});
});

describe('what a failure says about the request', () => {
	it.each([
		[429, {}, 'notProcessed'],
		[503, { 'Retry-After': '2' }, 'notProcessed'],
		[503, {}, 'unknown'],
		[502, {}, 'unknown'],
		[504, {}, 'unknown'],
		[500, {}, undefined],
		[400, {}, undefined],
	])('HTTP %i with headers %j: %s', (status, headers, verdict) => {
		expect(statusVerdict(status, headers, undefined)).toBe(verdict);
	});

	it.each([
		[{ code: 'ECONNRESET' }, 'unknown'],
		[{ code: 'ECONNABORTED', message: 'timeout of 500ms exceeded' }, 'unknown'],
		[{ message: 'socket hang up' }, 'unknown'],
		[{ code: 'EAI_AGAIN' }, 'notSent'],
		[{ code: 'ECONNREFUSED' }, undefined],
		[{ code: 'ENOTFOUND' }, undefined],
	])('no answer with %j: %s', (error, verdict) => {
		expect(networkVerdict(error)).toBe(verdict);
	});
});
