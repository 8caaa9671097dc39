// Remembers the deliveries that already started a run, so that a sender's retry, or a captured delivery
// replayed, starts none. Two memories, because n8n offers no single one that does both:
// - this process's memory, checked in webhook() before any run starts: it catches a retry that arrives
//   while the first run is still going, and costs nothing;
// - n8n's processed-data store (the deduplication helpers, a database table), checked when the run starts
//   in the trigger's execute(): it survives restarts and is shared by queue-mode workers. Static data
//   cannot do this: n8n 2.41 drops what webhook() writes there whenever a run starts.
// Only short digests are kept, never payloads.
import { createHash } from 'node:crypto';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

/** Senders retry for minutes (AutoSend: up to ~35 min); a day covers that with room to spare. */
const WINDOW_MS = 24 * 60 * 60 * 1000;
const MAX_IN_PROCESS = 10_000;
/** How many deliveries n8n's store keeps per trigger node; the oldest go first. */
const MAX_RECORDED = 10_000;

/** A short, one-way digest: enough to tell deliveries apart, useless to anyone reading it. */
export function digestOf(value: unknown): string {
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

const seen = new Map<string, number>();

/**
 * Whether any of a delivery's keys started a run in this process lately; if none did, remembers them all.
 * Keys are scoped by workflow and node, so two triggers never share a memory.
 */
export function seenInProcess(scope: string, keys: string[], now = Date.now()): boolean {
	const scoped = keys.map((key) => `${scope}\u0000${key}`);
	if (scoped.some((key) => now - (seen.get(key) ?? -Infinity) < WINDOW_MS)) return true;
	for (const key of scoped) {
		seen.delete(key);
		seen.set(key, now);
	}
	// Insertion order is age order: drop the oldest beyond the cap.
	for (const oldest of seen.keys()) {
		if (seen.size <= MAX_IN_PROCESS) break;
		seen.delete(oldest);
	}
	return false;
}

/** One store update at a time per trigger node in this process: n8n's store reads, then writes the whole row. */
const queues = new Map<string, Promise<unknown>>();

async function oneAtATime<T>(scope: string, work: () => Promise<T>): Promise<T> {
	const previous = queues.get(scope) ?? Promise.resolve();
	const current = previous.then(work, work);
	const settled = current.then(
		() => undefined,
		() => undefined,
	);
	queues.set(scope, settled);
	try {
		return await current;
	} finally {
		if (queues.get(scope) === settled) queues.delete(scope);
	}
}

/**
 * The trigger's items without the deliveries n8n's store already saw; records the others. Runs started by
 * hand (testing in the editor) are passed through unrecorded, so the same test event can be sent again.
 * If the store fails, the items go through: a duplicate run is better than a lost event.
 */
export async function keepFirstDeliveries(
	context: IExecuteFunctions,
	keysOf: (json: IDataObject) => string[],
): Promise<INodeExecutionData[]> {
	const items = context.getInputData();
	if (context.getMode() === 'manual' || items.length === 0) return items;
	const scope = `${context.getWorkflow().id ?? ''}\u0000${context.getNode().name}`;
	const record = async (keys: string[]) =>
		await context.helpers.checkProcessedAndRecord(keys, 'node', { mode: 'entries', maxEntries: MAX_RECORDED });
	try {
		return await oneAtATime(scope, async () => {
			const keysByItem = items.map((item) => keysOf(item.json));
			const { processed } = await record(keysByItem.flat());
			const known = new Set(processed.map(String));
			const fresh = items.filter((_, index) => !keysByItem[index].some((key) => known.has(key)));
			// Another process (a queue-mode worker) can overwrite the row between our read and write; read
			// back, and record again what went missing.
			const freshKeys = keysByItem.filter((_, index) => fresh.includes(items[index])).flat();
			for (let attempt = 0; attempt < 3 && freshKeys.length > 0; attempt++) {
				await sleep(10 + Math.random() * 40);
				if ((await record(freshKeys)).new.length === 0) break;
			}
			return fresh;
		});
	} catch (error) {
		context.logger.warn(`Could not check for repeated deliveries, so this one runs: ${(error as Error).message}`);
		return items;
	}
}
