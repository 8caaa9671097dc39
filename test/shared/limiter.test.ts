// The rate limiter every execution on one API identity shares: admission order and timing, slowing down
// after 429s and recovering, and the registry that keys limiters by identity.
import { limiterFor, RateLimiter } from '../../nodes/shared/limiter';

const gaps = (times: number[]) => times.slice(1).map((time, i) => time - times[i]);

describe('RateLimiter admissions', () => {
	it('admits up to the rate at once, then one more per window, first come first served', async () => {
		const limiter = new RateLimiter();
		const order: number[] = [];
		const started = Date.now();
		const admitted = await Promise.all(
			[0, 1, 2, 3].map(async (n) => {
				const at = await limiter.acquire(2);
				order.push(n);
				return at - started;
			}),
		);

		expect(order).toEqual([0, 1, 2, 3]);
		expect(admitted[1]).toBeLessThan(50);
		// Two per window of 1 s (+ the 75 ms margin): the third and fourth wait for the first two.
		expect(admitted[2]).toBeGreaterThanOrEqual(1000);
		expect(admitted[3]).toBeGreaterThanOrEqual(1000);
	});

	it('counts every caller against the rate each one brings', async () => {
		const limiter = new RateLimiter();
		await limiter.acquire(10);
		await limiter.acquire(10);
		const started = Date.now();
		// A caller set to 2 per second finds two starts in the window already, by anyone.
		await limiter.acquire(2);
		expect(Date.now() - started).toBeGreaterThanOrEqual(900);
	});

	it('holds every caller back during a pause the server asked for', async () => {
		const limiter = new RateLimiter();
		limiter.pause(300);
		const started = Date.now();
		await limiter.acquire(100);
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
	});

	it('lets a cancelled waiter go without holding up the ones behind it', async () => {
		const limiter = new RateLimiter();
		await limiter.acquire(1);
		const cancel = new AbortController();
		const cancelled = limiter.acquire(1, cancel.signal);
		const behind = limiter.acquire(1);
		cancel.abort();
		await expect(cancelled).rejects.toBeDefined();
		const started = Date.now();
		await behind;
		expect(Date.now() - started).toBeLessThan(1200);
	});

	it('spaces admissions at 1/rate seconds for rates below one', async () => {
		const limiter = new RateLimiter();
		const times = [
			await limiter.acquire(4),
			await limiter.acquire(4),
			await limiter.acquire(4),
			await limiter.acquire(4),
		];
		const fifth = await limiter.acquire(4);
		expect(gaps([times[0], fifth])[0]).toBeGreaterThanOrEqual(1000);
	});
});

describe('RateLimiter rate adaptation', () => {
	it('halves the rate once per burst of 429s, not once per rejected request', () => {
		const limiter = new RateLimiter();
		const admitted = Date.now() - 5;
		limiter.slowDown(admitted, 10);
		limiter.slowDown(admitted, 10);
		limiter.slowDown(admitted, 10);
		expect(limiter.effectiveRate(10)).toBe(5);

		limiter.slowDown(Date.now() + 1, 10);
		expect(limiter.effectiveRate(10)).toBe(2.5);
	});

	it('takes the limit the server states when it is lower than half', () => {
		const limiter = new RateLimiter();
		limiter.slowDown(Date.now(), 10, 2);
		expect(limiter.effectiveRate(10)).toBe(2);
	});

	it('creeps back to the configured rate after successes, never beyond', () => {
		const limiter = new RateLimiter();
		limiter.slowDown(Date.now(), 10);
		for (let i = 0; i < 5; i++) limiter.speedUp(10);
		expect(limiter.effectiveRate(10)).toBe(7.5);
		for (let i = 0; i < 50; i++) limiter.speedUp(10);
		expect(limiter.effectiveRate(10)).toBe(10);
	});

	it('recovers only up to the limit a rate-limiting server stated, not into the next 429', () => {
		const limiter = new RateLimiter();
		limiter.slowDown(Date.now(), 10, 8);
		expect(limiter.effectiveRate(10)).toBe(5);
		for (let i = 0; i < 50; i++) limiter.speedUp(10);
		expect(limiter.effectiveRate(10)).toBe(8);
	});

	it('slows down every caller on the identity, whatever rate each one is set to', () => {
		const limiter = new RateLimiter();
		limiter.slowDown(Date.now(), 10);
		expect(limiter.effectiveRate(10)).toBe(5);
		expect(limiter.effectiveRate(20)).toBe(5);
		expect(limiter.effectiveRate(2)).toBe(2);
	});

	it('never goes below 0.1 requests per second', () => {
		const limiter = new RateLimiter();
		for (let i = 0; i < 20; i++) limiter.slowDown(Date.now() + i + 1, 1);
		expect(limiter.effectiveRate(1)).toBe(0.1);
	});
});

describe('limiterFor', () => {
	it('gives one limiter per identity and different ones to different identities', () => {
		expect(limiterFor('identity-a')).toBe(limiterFor('identity-a'));
		expect(limiterFor('identity-a')).not.toBe(limiterFor('identity-b'));
	});
});
