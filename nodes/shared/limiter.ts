// One rate limiter per API identity per n8n process: every execution that signs requests with the same
// credential (same service, host and secret) waits in the same line, slows down together after a 429 and
// respects the same server-stated limit. Webhook-started workflows are one execution per event, so a
// limiter per execution would let an event storm through at (events × rate).
import { sleep, sleepWithAbort } from 'n8n-workflow';
import { onAbort } from './abort';

const MIN_RATE = 0.1;
/**
 * Absorbs the gap between admitting a request and its bytes reaching the server (credential lookup, a
 * busy event loop), which would otherwise put an 11th request into a server's one-second window now
 * and then.
 */
const MARGIN_MS = 75;
/** The longest window any rate needs (1 request per 1/MIN_RATE seconds), so older starts can be dropped. */
const LONGEST_WINDOW_MS = 1000 / MIN_RATE + MARGIN_MS;

interface Waiter {
	rate: number;
	admit: (admittedAt: number) => void;
	reject: (error: unknown) => void;
	signal?: AbortSignal;
	stopListening?: () => void;
}

/** The sliding window a rate allows: `burst` starts in any `windowMs` (for rates below 1, one per 1/rate s). */
function windowFor(rate: number): { burst: number; windowMs: number } {
	const burst = Math.max(1, Math.floor(rate));
	return { burst, windowMs: (burst * 1000) / rate + MARGIN_MS };
}

/**
 * Admits requests first come, first served. Each caller brings the rate its node is set to (Requests per
 * Second), counted against every request on this identity: a node set to 2 waits while anyone else's two
 * requests are in the window. A request under every limit starts at once, so pacing adds no latency until
 * the rate is reached.
 */
export class RateLimiter {
	/** Admission times, oldest first, of the last LONGEST_WINDOW_MS. */
	private readonly starts: number[] = [];
	private readonly waiters: Waiter[] = [];
	private pumping = false;
	private wake: AbortController | undefined;
	private pausedUntil = 0;
	/** The rate after a 429 slowed everyone down; undefined when nothing has been rate limited lately. */
	private slowedTo: number | undefined;
	private lastSlowDown = 0;
	/** The lowest limit a rate-limiting server stated (X-RateLimit-Limit); no caller goes faster. */
	private statedLimit = Number.POSITIVE_INFINITY;
	/** Last time anyone used this limiter, so the registry can forget idle ones. */
	lastUsed = Date.now();

	/** The rate a caller configured for `rate` gets now, after slow-downs and stated limits. */
	effectiveRate(rate: number): number {
		return Math.max(MIN_RATE, Math.min(rate, this.slowedTo ?? rate, this.statedLimit));
	}

	/** Waits until a request may start; resolves with the time it was admitted. */
	async acquire(rate: number, signal?: AbortSignal): Promise<number> {
		this.lastUsed = Date.now();
		signal?.throwIfAborted();
		return await new Promise<number>((admit, reject) => {
			const waiter: Waiter = { rate, admit, reject, signal };
			waiter.stopListening = onAbort(signal, () => {
				const index = this.waiters.indexOf(waiter);
				if (index >= 0) this.waiters.splice(index, 1);
				reject(signal?.reason);
				this.schedule();
			});
			this.waiters.push(waiter);
			this.schedule();
		});
	}

	/** Holds every request on this identity back, e.g. after the server asked to wait. */
	pause(ms: number): void {
		this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
		this.schedule();
	}

	/**
	 * The server rate limited a request admitted at `admittedAt`: it allows less than we send. Halve the
	 * rate (or take the limit it states, if lower). Requests admitted before the last slow-down belong to
	 * the same burst and do not halve it again, or one burst would collapse the rate.
	 */
	slowDown(admittedAt: number, callerRate: number, stated?: number): void {
		const halved = Math.max(MIN_RATE, this.effectiveRate(callerRate) / 2);
		if (stated !== undefined && stated >= MIN_RATE) this.statedLimit = Math.min(this.statedLimit, stated);
		if (admittedAt < this.lastSlowDown) return;
		this.slowedTo = stated !== undefined && stated >= MIN_RATE ? Math.min(halved, stated) : halved;
		this.lastSlowDown = Date.now();
	}

	/** A request went through: creep back toward the configured rate, never past a stated limit. */
	speedUp(callerRate: number): void {
		if (this.slowedTo === undefined) return;
		const next = this.slowedTo + Math.max(MIN_RATE, callerRate / 20);
		this.slowedTo = next >= Math.min(callerRate, this.statedLimit) ? undefined : next;
	}

	private admissible(rate: number, now: number): number {
		if (now < this.pausedUntil) return this.pausedUntil - now;
		const { burst, windowMs } = windowFor(this.effectiveRate(rate));
		let inWindow = 0;
		for (let i = this.starts.length - 1; i >= 0 && now - this.starts[i] < windowMs; i--) inWindow++;
		if (inWindow < burst) return 0;
		// The oldest start still counted leaves the window at (its time + windowMs).
		return this.starts[this.starts.length - burst] + windowMs - now;
	}

	/**
	 * Admits waiters in order. One pump runs per limiter; it sleeps until the head may start, and anything
	 * that changes the answer (a new waiter, an abort, a pause) wakes it to look again.
	 */
	private schedule(): void {
		if (this.pumping) {
			this.wake?.abort();
			return;
		}
		this.pumping = true;
		void this.pump();
	}

	private async pump(): Promise<void> {
		while (this.waiters.length > 0) {
			const now = Date.now();
			while (this.starts.length > 0 && now - this.starts[0] >= LONGEST_WINDOW_MS) this.starts.shift();
			const head = this.waiters[0];
			const wait = this.admissible(head.rate, now);
			if (wait > 0) {
				this.wake = new AbortController();
				await sleepWithAbort(wait, this.wake.signal).then(
					() => undefined,
					() => undefined, // woken early: look again
				);
				continue;
			}
			this.waiters.shift();
			head.stopListening?.();
			this.starts.push(now);
			this.lastUsed = now;
			head.admit(now);
		}
		// Cleared in the same turn as the last check, so a waiter added after it starts a new pump.
		this.pumping = false;
	}

	/** Whether anyone waits or may still be counted; idle limiters can be forgotten. */
	get idle(): boolean {
		return this.waiters.length === 0 && Date.now() - this.lastUsed > LONGEST_WINDOW_MS;
	}
}

/** Forgotten after this long without use: a later request starts with a fresh window, which is safe. */
const FORGET_AFTER_MS = 10 * 60 * 1000;
const limiters = new Map<string, RateLimiter>();

/** The limiter for an API identity (a digest from the transport, never a secret in clear). */
export function limiterFor(identity: string): RateLimiter {
	let limiter = limiters.get(identity);
	if (!limiter) {
		const now = Date.now();
		for (const [key, old] of limiters) {
			if (old.idle && now - old.lastUsed > FORGET_AFTER_MS) limiters.delete(key);
		}
		limiters.set(identity, (limiter = new RateLimiter()));
	}
	return limiter;
}

/**
 * Waits `ms`; rejects as soon as the execution is cancelled. (n8n-workflow's sleepWithAbort leaves its
 * listener on the signal, and one execution may wait many times.)
 */
export async function waitFor(ms: number, signal?: AbortSignal): Promise<void> {
	if (!signal) return await sleep(ms);
	signal.throwIfAborted();
	const local = new AbortController();
	const stopListening = onAbort(signal, () => local.abort());
	try {
		await sleepWithAbort(ms, local.signal);
	} finally {
		stopListening();
	}
}
