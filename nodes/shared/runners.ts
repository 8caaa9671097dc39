// The two ways an operation runs over its input items. Both check every item before anything is sent,
// pace every request through the API identity's shared limiter, fail exactly the items a failed request
// concerned (with "On Error: Continue", the others keep their results), and pair every output item to
// its input item.
// - runCombined: set-like operations (add/remove members, contacts, ...). Values for the same target go
//   out in shared requests, also together with concurrent executions of this n8n process.
// - runEach: everything else (get, get many, create, update, delete). One item, one or more requests;
//   several items in flight at once, up to the rate.
import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import type { Carried } from './coalescer';
import { sendCombined } from './coalescer';
import type { ApiFailure } from './errors';
import { apiError, errorForItem, errorItem, failureOf, partialError, stoppedRun } from './errors';
import type { RequestPolicy, Signer } from './http';
import { limiterFor } from './limiter';
import type { ServiceDefaults, Throughput } from './options';
import { readThroughput } from './options';

/** What one input item asks a set-like operation for: values, all bound for the same target. */
export interface ItemRequest<T, V> {
	target: T;
	values: V[];
}

/** What became of one value: done (the requested state is reached, perhaps already was), or not. */
export type ValueOutcome =
	| { done: true; detail?: IDataObject }
	| { done: false; apiMessage: string; hint: string; outcome?: ApiFailure['outcome'] };

export interface CombinedOperation<T, V, R> {
	defaults: ServiceDefaults;
	/** Names the request in lane keys, e.g. 'superOffice/removeContactSelectionMembers' */
	request: string;
	/** The credential identity the requests are signed with (see the transports) */
	signer: (context: IExecuteFunctions) => Promise<Signer>;
	/** Reads and checks one item; throws a NodeOperationError for bad input */
	prepare: (itemIndex: number) => ItemRequest<T, V>;
	/** Distinguishes targets: items with equal keys share requests */
	targetKey: (target: T) => string;
	/** Distinguishes values: a value asked for twice is sent once */
	valueKey: (value: V) => string;
	/** For messages: "jane@example.com", "person 266 of company 138" */
	describe: (value: V) => string;
	/** For messages: "remove contacts from list 60d5…" */
	action: (target: T) => string;
	/** Sends one request for one target; `context` may belong to another execution sharing the request */
	send: (context: IExecuteFunctions, target: T, values: V[], policy: RequestPolicy) => Promise<R>;
	/** What the answer says about one of the values it carried; default: done */
	outcomeOf?: (response: R, value: V, target: T) => ValueOutcome;
	/** The output json of an item whose every value is done */
	output: (item: ItemRequest<T, V>, outcomes: Array<ValueOutcome & { done: true }>) => IDataObject;
}

/** Numbers the runs of this process, so that per-item lanes of concurrent runs never meet. */
let runs = 0;

interface Validated<P> {
	items: Array<{ itemIndex: number; plan: P }>;
	failures: Map<number, Error>;
}

/**
 * The longest the item checks hold n8n's event loop at a stretch. Reading 50,000 items' expressions takes
 * n8n half a minute; in one piece, n8n would answer no webhook, editor or API call meanwhile (a storm's
 * deliveries would time out at the sender) and drop idle keep-alive connections.
 */
const HOLD_EVENT_LOOP_MS = 100;

/** Checks every item before anything is sent; without "On Error: Continue" the first bad item stops the run. */
async function validateAll<P>(context: IExecuteFunctions, prepare: (itemIndex: number) => P): Promise<Validated<P>> {
	const node = context.getNode();
	const continueOnFail = context.continueOnFail();
	const result: Validated<P> = { items: [], failures: new Map() };
	const count = context.getInputData().length;
	let heldSince = Date.now();
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		if (Date.now() - heldSince >= HOLD_EVENT_LOOP_MS) {
			await sleep(0);
			heldSince = Date.now();
		}
		try {
			result.items.push({ itemIndex, plan: prepare(itemIndex) });
		} catch (error) {
			const itemError = errorForItem(node, error as Error, itemIndex);
			if (!continueOnFail) throw itemError;
			result.failures.set(itemIndex, itemError);
		}
	}
	return result;
}

/** Input order, one (or for Get Many, several) outputs per item, each paired; failed items carry only `error`. */
function assemble(
	count: number,
	outputs: Map<number, IDataObject[]>,
	failures: Map<number, Error>,
): INodeExecutionData[] {
	const result: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		const failure = failures.get(itemIndex);
		if (failure) result.push(errorItem(failure, itemIndex));
		else for (const json of outputs.get(itemIndex) ?? []) result.push({ json, pairedItem: { item: itemIndex } });
	}
	return result;
}

export async function runCombined<T, V, R>(
	context: IExecuteFunctions,
	operation: CombinedOperation<T, V, R>,
): Promise<INodeExecutionData[]> {
	const node = context.getNode();
	const continueOnFail = context.continueOnFail();
	const throughput = readThroughput(context, operation.defaults);
	const { items, failures } = await validateAll(context, operation.prepare);
	if (items.length === 0) return assemble(context.getInputData().length, new Map(), failures);
	let signer: Signer;
	try {
		signer = await operation.signer(context);
	} catch (error) {
		// The credential is unusable: every item fails with it, each under its own index.
		if (!continueOnFail) throw errorForItem(node, error as Error, items[0].itemIndex);
		for (const { itemIndex } of items) failures.set(itemIndex, errorForItem(node, error as Error, itemIndex));
		return assemble(context.getInputData().length, new Map(), failures);
	}
	const limiter = limiterFor(signer.identity);
	const run = ++runs;

	// Without "On Error: Continue" the first failed item ends the run: values still waiting are taken back.
	const stop = new AbortController();
	let firstFailure: { itemIndex: number; error: Error } | undefined;
	const outputs = new Map<number, IDataObject[]>();

	const runItems = async (group: Array<{ itemIndex: number; plan: ItemRequest<T, V> }>, laneKey: string) => {
		const { target } = group[0].plan;
		const values = new Map<string, V>();
		for (const { plan } of group) for (const value of plan.values) values.set(operation.valueKey(value), value);
		const send = async (sender: IExecuteFunctions, batch: V[], policy: RequestPolicy) =>
			await operation.send(sender, target, batch, policy);
		// With Combine Items off nothing else joins the lane, so there is nothing to wait for.
		const settings = throughput.combine ? throughput : { ...throughput, combineWindowMs: 0 };
		const results = await sendCombined(context, laneKey, limiter, settings, send, [...values], stop.signal);
		// How many of this run's items each request carried, so that a failed request says so to each of them.
		const itemsPerRequest = new Map<Carried<R>, number>();
		for (const { plan } of group) {
			const requests = new Set(plan.values.map((value) => results.get(operation.valueKey(value))));
			for (const request of requests)
				if (request) itemsPerRequest.set(request, (itemsPerRequest.get(request) ?? 0) + 1);
		}
		for (const { itemIndex, plan } of group) {
			const verdict = judgeItem(node, operation, plan, results);
			if ('error' in verdict) {
				const itemsInRequest = verdict.request ? (itemsPerRequest.get(verdict.request) ?? 1) : 1;
				const error = partialError(node, verdict.error, itemIndex, verdict, itemsInRequest);
				failures.set(itemIndex, error);
				if (!continueOnFail && !firstFailure) {
					firstFailure = { itemIndex, error };
					stop.abort();
				}
			} else outputs.set(itemIndex, [operation.output(plan, verdict.outcomes)]);
		}
	};

	// Items sharing a target share a lane (with Combine Items off, every item has its own requests).
	const groups = new Map<string, Array<{ itemIndex: number; plan: ItemRequest<T, V> }>>();
	for (const item of items) {
		const target = operation.targetKey(item.plan.target);
		const { batchSize, combineWindowMs, rate, maxWaitMs, maxTries, timeoutMs } = throughput;
		const settingsKey = [batchSize, combineWindowMs, rate, maxWaitMs, maxTries, timeoutMs];
		const laneKey = JSON.stringify([signer.identity, operation.request, target, settingsKey]);
		// Per item, the lane key also names this run and item, so nothing else joins it.
		const key = throughput.combine ? laneKey : JSON.stringify([laneKey, run, item.itemIndex]);
		const group = groups.get(key) ?? [];
		group.push(item);
		groups.set(key, group);
	}
	await Promise.all([...groups].map(async ([key, group]) => await runItems(group, key)));

	if (firstFailure)
		throw stoppedRun(
			node,
			firstFailure.error,
			firstFailure.itemIndex,
			[...outputs.keys()].sort((a, b) => a - b),
			context.getInputData().length,
		);
	return assemble(context.getInputData().length, outputs, failures);
}

type ItemVerdict<R> =
	| { outcomes: Array<ValueOutcome & { done: true }> }
	| { error: Error; request?: Carried<R>; applied: string[]; notApplied: string[]; unknown: string[] };

/** An item is done when each of its values is; otherwise it fails, saying which values were done. */
function judgeItem<T, V, R>(
	node: INode,
	operation: CombinedOperation<T, V, R>,
	plan: ItemRequest<T, V>,
	results: Map<string, Carried<R>>,
): ItemVerdict<R> {
	const outcomes: Array<ValueOutcome & { done: true }> = [];
	const applied: string[] = [];
	const notApplied: string[] = [];
	const unknown: string[] = [];
	let firstError: Error | undefined;
	let failedRequest: Carried<R> | undefined;
	for (const value of plan.values) {
		const carried = results.get(operation.valueKey(value));
		const name = operation.describe(value);
		if (!carried) {
			// Taken back before it was sent: an earlier item of this run failed.
			notApplied.push(name);
			continue;
		}
		if (!carried.ok) {
			(failureOf(carried.error)?.outcome === 'unknown' ? unknown : notApplied).push(name);
			if (!firstError) [firstError, failedRequest] = [carried.error, carried];
			continue;
		}
		const outcome = operation.outcomeOf?.(carried.response, value, plan.target) ?? { done: true };
		if (outcome.done) {
			outcomes.push(outcome);
			applied.push(name);
			continue;
		}
		(outcome.outcome === 'unknown' ? unknown : notApplied).push(name);
		firstError ??= apiError(node, {
			service: operation.defaults.service,
			action: `${operation.action(plan.target)} (${name})`,
			apiMessage: outcome.apiMessage,
			hint: outcome.hint,
			outcome: outcome.outcome,
		});
	}
	if (notApplied.length + unknown.length === 0) return { outcomes };
	return {
		error: firstError ?? new Error(`${operation.action(plan.target)} was not done for ${notApplied.join(', ')}`),
		request: failedRequest,
		applied,
		notApplied,
		unknown,
	};
}

export interface ItemOperation<P> {
	defaults: ServiceDefaults;
	/** Reads and checks one item; throws a NodeOperationError for bad input */
	prepare: (itemIndex: number) => P;
	/** The request(s) for one item; one output json, or several (Get Many) */
	execute: (
		context: IExecuteFunctions,
		params: P,
		policy: RequestPolicy,
		itemIndex: number,
	) => Promise<IDataObject | IDataObject[]>;
}

/** Per item, several items in flight at once up to the rate; the limiter decides when each request starts. */
export async function runEach<P>(
	context: IExecuteFunctions,
	operation: ItemOperation<P>,
): Promise<INodeExecutionData[]> {
	const node = context.getNode();
	const continueOnFail = context.continueOnFail();
	const throughput: Throughput = readThroughput(context, operation.defaults);
	const { items, failures } = await validateAll(context, operation.prepare);
	const outputs = new Map<number, IDataObject[]>();
	let stopWith: { itemIndex: number; error: Error } | undefined;
	let next = 0;
	const worker = async () => {
		while (stopWith === undefined && next < items.length) {
			const { itemIndex, plan } = items[next++];
			try {
				const json = await operation.execute(context, plan, throughput, itemIndex);
				outputs.set(itemIndex, Array.isArray(json) ? json : [json]);
			} catch (error) {
				const itemError = errorForItem(node, error as Error, itemIndex);
				if (!continueOnFail) stopWith ??= { itemIndex, error: itemError };
				else failures.set(itemIndex, itemError);
			}
		}
	};
	const workers = Math.max(1, Math.min(Math.max(2, Math.ceil(throughput.rate)), items.length));
	await Promise.all(Array.from({ length: workers }, worker));
	if (stopWith) {
		const done = [...outputs.keys()].sort((a, b) => a - b);
		throw stoppedRun(node, stopWith.error, stopWith.itemIndex, done, context.getInputData().length);
	}
	return assemble(context.getInputData().length, outputs, failures);
}
