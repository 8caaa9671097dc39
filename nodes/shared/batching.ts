// Combines many input items into the fewest API requests and hands each input item back its own result.
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { errorForItem, errorItem } from './errors';

/** What one input item asks for: some values, all bound for the same target (selection, list, ...). */
export interface ItemPlan<V> {
	itemIndex: number;
	/** Items with the same group can share a request, e.g. "selection 938" */
	group: string;
	values: V[];
}

/** One request: values for one group, each sent once, and the items whose values it carries. */
export interface Batch<V> {
	group: string;
	values: V[];
	itemIndexes: number[];
}

export interface BatchResult<V, R> {
	batch: Batch<V>;
	response: R;
}

export interface BatchedOperation<V, R> {
	/** Reads and checks one item's parameters; throws a NodeOperationError for bad input. */
	prepare: (itemIndex: number) => ItemPlan<V>;
	/** Identity of a value, so that a value asked for twice is sent once. */
	keyOf: (value: V) => string;
	/** Most values one request may carry; 1 sends one request per value. */
	chunkSize: number;
	/** False sends each item's values in requests of their own (the per-item behaviour). Default true. */
	combine?: boolean;
	/** Requests in flight at once; the request policy's pacer decides when each may start. Default 1. */
	concurrency?: number;
	send: (batch: Batch<V>) => Promise<R>;
	/** The output json of one item, from the results of the request(s) that carried its values. */
	output: (plan: ItemPlan<V>, results: Array<BatchResult<V, R>>) => IDataObject;
}

/**
 * The fewest requests for these items: per group, each value once, at most `chunkSize` per request.
 * With `combine` false every item gets requests of its own, as a per-item integration would send.
 */
export function planBatches<V>(
	plans: Array<ItemPlan<V>>,
	keyOf: (value: V) => string,
	chunkSize: number,
	combine = true,
): Array<Batch<V>> {
	const buckets = new Map<string, { group: string; unique: Map<string, { value: V; itemIndexes: number[] }> }>();
	for (const plan of plans) {
		const bucketKey = combine ? plan.group : `${plan.group}\u0000${plan.itemIndex}`;
		let bucket = buckets.get(bucketKey);
		if (!bucket) buckets.set(bucketKey, (bucket = { group: plan.group, unique: new Map() }));
		for (const value of plan.values) {
			const key = keyOf(value);
			const entry = bucket.unique.get(key);
			if (!entry) bucket.unique.set(key, { value, itemIndexes: [plan.itemIndex] });
			else if (entry.itemIndexes[entry.itemIndexes.length - 1] !== plan.itemIndex)
				entry.itemIndexes.push(plan.itemIndex);
		}
	}
	const batches: Array<Batch<V>> = [];
	for (const { group, unique } of buckets.values()) {
		const entries = [...unique.values()];
		for (let start = 0; start < entries.length; start += chunkSize) {
			const chunk = entries.slice(start, start + chunkSize);
			const itemIndexes = [...new Set(chunk.flatMap((entry) => entry.itemIndexes))].sort((a, b) => a - b);
			batches.push({ group, values: chunk.map((entry) => entry.value), itemIndexes });
		}
	}
	return batches;
}

/**
 * Runs an operation over all input items: every item is checked before anything is sent, requests are
 * combined per group, and the output has exactly one item per input item, paired to it. With "On Error:
 * Continue" a failed request fails exactly the items it carried; the others keep their results.
 */
export async function executeBatched<V, R>(
	context: IExecuteFunctions,
	operation: BatchedOperation<V, R>,
): Promise<INodeExecutionData[]> {
	const node = context.getNode();
	const continueOnFail = context.continueOnFail();
	const itemCount = context.getInputData().length;
	const failures = new Map<number, Error>();
	const plans: Array<ItemPlan<V>> = [];

	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		try {
			plans.push(operation.prepare(itemIndex));
		} catch (error) {
			const itemError = errorForItem(node, error as Error, itemIndex);
			if (!continueOnFail) throw itemError;
			failures.set(itemIndex, itemError);
		}
	}

	const batches = planBatches(plans, operation.keyOf, operation.chunkSize, operation.combine !== false);

	const results = new Map<number, Array<BatchResult<V, R>>>();
	let stopWith: Error | undefined;
	const sendOne = async (batch: Batch<V>) => {
		try {
			const response = await operation.send(batch);
			for (const itemIndex of batch.itemIndexes) {
				const itemResults = results.get(itemIndex) ?? [];
				itemResults.push({ batch, response });
				results.set(itemIndex, itemResults);
			}
		} catch (error) {
			const carried = batch.itemIndexes.length;
			if (!continueOnFail) {
				stopWith ??= errorForItem(node, error as Error, batch.itemIndexes[0], carried);
				return;
			}
			for (const itemIndex of batch.itemIndexes) {
				failures.set(itemIndex, errorForItem(node, error as Error, itemIndex, carried));
			}
		}
	};
	// A few workers take batches in order; without continue-on-fail the first failure stops new sends.
	let next = 0;
	const worker = async () => {
		while (stopWith === undefined && next < batches.length) await sendOne(batches[next++]);
	};
	const workers = Math.max(1, Math.min(operation.concurrency ?? 1, batches.length));
	await Promise.all(Array.from({ length: workers }, worker));
	if (stopWith) throw stopWith;

	const planByItem = new Map(plans.map((plan) => [plan.itemIndex, plan]));
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		const failure = failures.get(itemIndex);
		if (failure) {
			output.push(errorItem(failure, itemIndex));
			continue;
		}
		const plan = planByItem.get(itemIndex) as ItemPlan<V>;
		output.push({ json: operation.output(plan, results.get(itemIndex) ?? []), pairedItem: { item: itemIndex } });
	}
	return output;
}
