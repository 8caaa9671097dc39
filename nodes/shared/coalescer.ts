// Combines values from concurrent executions into shared requests. Each webhook event is its own
// execution with one item, so combining inside one execution does nothing for an event storm; here,
// every execution in this n8n process that targets the same thing (same credential, same operation, same
// selection or list, same request settings) queues its values in one lane, and the lane sends them in as
// few requests as the batch size and the shared rate limit allow. A request is formed only when the limiter
// lets it go, so the longer runs wait for the rate, the fuller each request gets.
import type { IExecuteFunctions } from 'n8n-workflow';
import type { RequestPolicy } from './http';
import type { RateLimiter } from './limiter';
import { waitFor } from './limiter';
import { onAbort } from './abort';

/** The result of one value: the answer of the request that carried it, or why that request failed. */
export type Carried<R> = { ok: true; response: R } | { ok: false; error: Error };

/** What a lane needs to send one request: whose context signs it, the values, and the first admission. */
export type LaneSend<V, R> = (context: IExecuteFunctions, values: V[], policy: RequestPolicy) => Promise<R>;

export interface LaneSettings extends RequestPolicy {
	batchSize: number;
	combineWindowMs: number;
}

/** One execution's values in a lane. */
interface Ticket<R> {
	context: IExecuteFunctions;
	signal?: AbortSignal;
	open: Set<string>;
	results: Map<string, Carried<R>>;
	done: (results: Map<string, Carried<R>>) => void;
	cancelled: (reason: unknown) => void;
	stopListening: () => void;
}

interface Entry<V, R> {
	value: V;
	tickets: Set<Ticket<R>>;
	/** When the value joined the lane */
	since: number;
}

/**
 * While runs keep joining (a storm), a request that is not full waits for a pause of Combine Window
 * between arrivals, but never longer than this after its oldest value arrived: fewer, fuller requests
 * than the rate would allow, at a bounded cost to each run.
 */
const LONGEST_GATHER_MS = 1000;

class Lane<V, R> {
	/** Values not yet sent, in arrival order; a value asked for by several executions is sent once. */
	private readonly queue = new Map<string, Entry<V, R>>();
	private running = false;
	private inFlight = 0;
	private slotFreed: (() => void) | undefined;
	private lastArrival = 0;

	constructor(
		private readonly forget: () => void,
		private readonly limiter: RateLimiter,
		private readonly settings: LaneSettings,
		private readonly send: LaneSend<V, R>,
	) {}

	/**
	 * Queues one execution's values; resolves once every value that was sent has its result. When
	 * `abandon` fires (the execution stops after a failure), values not yet sent are taken back and
	 * have no result.
	 */
	submit(
		context: IExecuteFunctions,
		values: Array<[key: string, value: V]>,
		abandon?: AbortSignal,
	): Promise<Map<string, Carried<R>>> {
		return new Promise((resolve, reject) => {
			const signal = context.getExecutionCancelSignal?.();
			if (signal?.aborted) return reject(signal.reason);
			const ticket: Ticket<R> = {
				context,
				signal,
				open: new Set(values.map(([key]) => key)),
				results: new Map(),
				done: resolve,
				cancelled: reject,
				stopListening: () => undefined,
			};
			const onCancel = () => this.withdraw(ticket, { cancelled: signal?.reason });
			const onAbandon = () => this.withdraw(ticket);
			const stops = [onAbort(signal, onCancel), onAbort(abandon, onAbandon)];
			ticket.stopListening = () => stops.forEach((stop) => stop());
			const now = Date.now();
			if (values.length > 0) this.lastArrival = now;
			for (const [key, value] of values) {
				const entry = this.queue.get(key);
				if (entry) entry.tickets.add(ticket);
				else this.queue.set(key, { value, tickets: new Set([ticket]), since: now });
			}
			if (ticket.open.size === 0) return this.settle(ticket);
			if (abandon?.aborted) return this.withdraw(ticket);
			if (!this.running) {
				this.running = true;
				void this.run();
			}
		});
	}

	/**
	 * Takes an execution's values that are still waiting out of the lane. Cancelled, it gets no results;
	 * abandoned, it gets the results of the values already in a request once those answer.
	 */
	private withdraw(ticket: Ticket<R>, cancel?: { cancelled: unknown }): void {
		for (const [key, entry] of this.queue) {
			if (!entry.tickets.delete(ticket)) continue;
			ticket.open.delete(key);
			if (entry.tickets.size === 0) this.queue.delete(key);
		}
		if (cancel) {
			ticket.stopListening();
			ticket.open.clear();
			ticket.cancelled(cancel.cancelled);
		} else if (ticket.open.size === 0) this.settle(ticket);
	}

	private settle(ticket: Ticket<R>): void {
		ticket.stopListening();
		ticket.done(ticket.results);
	}

	private async run(): Promise<void> {
		try {
			while (this.queue.size > 0) {
				await this.gather();
				while (this.inFlight >= maxInFlight(this.settings.rate)) {
					await new Promise<void>((resolve) => (this.slotFreed = resolve));
				}
				const admittedAt = await this.limiter.acquire(this.settings.rate);
				const batch = this.take();
				if (batch.length === 0) continue;
				this.inFlight++;
				void this.dispatch(batch, admittedAt).finally(() => {
					this.inFlight--;
					this.slotFreed?.();
					this.slotFreed = undefined;
					if (!this.running && this.inFlight === 0 && this.queue.size === 0) this.forget();
				});
			}
		} finally {
			this.running = false;
			if (this.inFlight === 0 && this.queue.size === 0) this.forget();
		}
	}

	/**
	 * Lets concurrent runs join before a request that is not full is formed: until no value has arrived for
	 * Combine Window (a run that is alone waits just that), or the oldest value has waited LONGEST_GATHER_MS.
	 */
	private async gather(): Promise<void> {
		const { combineWindowMs, batchSize } = this.settings;
		if (combineWindowMs <= 0) return;
		for (;;) {
			const oldest = this.queue.values().next().value;
			if (!oldest || this.queue.size >= batchSize) return;
			const now = Date.now();
			const quiet = combineWindowMs - (now - this.lastArrival);
			const held = Math.max(combineWindowMs, LONGEST_GATHER_MS) - (now - oldest.since);
			if (quiet <= 0 || held <= 0) return;
			await waitFor(Math.min(quiet, held));
		}
	}

	/** The oldest waiting values, up to the batch size. */
	private take(): Array<[string, Entry<V, R>]> {
		const batch: Array<[string, Entry<V, R>]> = [];
		for (const [key, entry] of this.queue) {
			if (batch.length >= this.settings.batchSize) break;
			batch.push([key, entry]);
		}
		for (const [key] of batch) this.queue.delete(key);
		return batch;
	}

	private async dispatch(batch: Array<[string, Entry<V, R>]>, admittedAt: number): Promise<void> {
		const tickets = new Set(batch.flatMap(([, entry]) => [...entry.tickets]));
		const shared = sharedContext(tickets);
		let carried: Carried<R>;
		try {
			const values = batch.map(([, entry]) => entry.value);
			carried = { ok: true, response: await this.send(shared.context, values, { ...this.settings, admittedAt }) };
		} catch (error) {
			carried = { ok: false, error: error as Error };
		} finally {
			shared.release();
		}
		for (const [key, entry] of batch) {
			for (const ticket of entry.tickets) {
				if (!ticket.open.delete(key)) continue;
				ticket.results.set(key, carried);
				if (ticket.open.size === 0) this.settle(ticket);
			}
		}
	}
}

/** Enough requests in flight to reach the rate at a few hundred ms of latency, and no more. */
function maxInFlight(rate: number): number {
	return Math.max(2, Math.ceil(rate));
}

/**
 * The context a shared request is sent with: any live participant's (they share the credential), with a
 * cancel signal that fires only when every execution the request carries values for was cancelled. n8n
 * aborts a request when the execution that sent it is cancelled; the others still need its answer.
 */
function sharedContext<R>(tickets: Set<Ticket<R>>): { context: IExecuteFunctions; release: () => void } {
	const all = [...tickets];
	const sender = all.find((ticket) => !ticket.signal?.aborted) ?? all[0];
	const controller = new AbortController();
	const signals = all.map((ticket) => ticket.signal);
	const everyoneCancelled = () => {
		if (signals.every((signal) => signal?.aborted)) controller.abort();
	};
	const listening = signals.every((signal) => signal !== undefined);
	const stops = listening ? signals.map((signal) => onAbort(signal, everyoneCancelled)) : [];
	everyoneCancelled();
	const context = Object.create(sender.context, {
		getExecutionCancelSignal: { value: () => controller.signal },
	}) as IExecuteFunctions;
	return {
		context,
		release: () => stops.forEach((stop) => stop()),
	};
}

const lanes = new Map<string, Lane<unknown, unknown>>();

/**
 * Queues one execution's values for a target and resolves, once every value was sent, with the result of
 * the request that carried each value, keyed as given. `laneKey` must name everything that shapes the
 * request besides the values: credential identity, operation, target and settings.
 */
export async function sendCombined<V, R>(
	context: IExecuteFunctions,
	laneKey: string,
	limiter: RateLimiter,
	settings: LaneSettings,
	send: LaneSend<V, R>,
	values: Array<[key: string, value: V]>,
	abandon?: AbortSignal,
): Promise<Map<string, Carried<R>>> {
	let lane = lanes.get(laneKey) as Lane<V, R> | undefined;
	if (!lane) {
		const created: Lane<V, R> = new Lane<V, R>(
			() => {
				if (lanes.get(laneKey) === created) lanes.delete(laneKey);
			},
			limiter,
			settings,
			send,
		);
		lanes.set(laneKey, created as Lane<unknown, unknown>);
		lane = created;
	}
	return await lane.submit(context, values, abandon);
}
