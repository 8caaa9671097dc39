// How the nodes read a server's "wait" signals, and the backoff when there is none.
import { backoffDelay, Pacer, serverRetryDelay } from '../../nodes/shared/pacing';

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

describe('Pacer rate adaptation', () => {
	it('halves the rate once per burst of 429s, not once per rejected request', () => {
		const pacer = new Pacer(10);
		const admitted = Date.now() - 5;
		pacer.slowDown(admitted);
		pacer.slowDown(admitted);
		pacer.slowDown(admitted);
		expect(pacer.rate).toBe(5);

		pacer.slowDown(Date.now() + 1);
		expect(pacer.rate).toBe(2.5);
	});

	it('takes the limit the server states when it is lower than half', () => {
		const pacer = new Pacer(10);
		pacer.slowDown(Date.now(), 2);
		expect(pacer.rate).toBe(2);
	});

	it('creeps back to the configured rate after successes, never beyond', () => {
		const pacer = new Pacer(10);
		pacer.slowDown(Date.now());
		for (let i = 0; i < 5; i++) pacer.speedUp();
		expect(pacer.rate).toBe(7.5);
		for (let i = 0; i < 50; i++) pacer.speedUp();
		expect(pacer.rate).toBe(10);
	});

	it('recovers only up to the limit a rate-limiting server stated, not into the next 429', () => {
		const pacer = new Pacer(10);
		pacer.slowDown(Date.now(), 8);
		expect(pacer.rate).toBe(5);
		for (let i = 0; i < 50; i++) pacer.speedUp();
		expect(pacer.rate).toBe(8);
	});

	it('never goes below 0.1 requests per second', () => {
		const pacer = new Pacer(1);
		for (let i = 0; i < 20; i++) pacer.slowDown(Date.now() + i + 1);
		expect(pacer.rate).toBe(0.1);
	});
});
