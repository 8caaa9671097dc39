/**
 * A stand-in for the CLI's DeduplicationHelper (n8n/dist/deduplication/deduplication-helper.js), which
 * n8n-core's deduplication helpers (`this.helpers.checkProcessedAndRecord`) need and only the CLI provides.
 * Like the CLI it keeps one row per workflow and context ('n:<node id>' for node scope) holding hashed
 * entries, trims to maxEntries from the oldest, and reads and writes that row without a lock. Only the
 * 'entries' mode is supported. The rows live on globalThis, the stand-in for the database, so that a test
 * that reloads the package modules (a restarted n8n process) still finds them.
 */
import { createHash } from 'node:crypto';
import { DataDeduplicationService } from 'n8n-core';
import type {
	DeduplicationItemTypes,
	DeduplicationScope,
	ICheckProcessedContextData,
	ICheckProcessedOptions,
	IDataDeduplicator,
	IDeduplicationOutput,
} from 'n8n-workflow';

const ROWS = Symbol.for('n8n-harness.processedData');
type Rows = Map<string, string[]>;

function rows(): Rows {
	const holder = globalThis as { [ROWS]?: Rows };
	return (holder[ROWS] ??= new Map());
}

function rowKey(scope: DeduplicationScope, contextData: ICheckProcessedContextData): string {
	if (scope === 'node' && !contextData.node)
		throw new Error("No node information has been provided and so cannot use scope 'node'");
	return `${contextData.workflow.id}\u0000${scope === 'node' ? `n:${contextData.node!.id}` : ''}`;
}

const hash = (item: DeduplicationItemTypes) => createHash('md5').update(String(item)).digest('base64');

class InMemoryDeduplicator implements IDataDeduplicator {
	async checkProcessedAndRecord(
		items: DeduplicationItemTypes[],
		scope: DeduplicationScope,
		contextData: ICheckProcessedContextData,
		options: ICheckProcessedOptions,
	): Promise<IDeduplicationOutput> {
		if (options.mode !== 'entries') throw new Error(`The harness supports only mode 'entries', not '${options.mode}'`);
		const key = rowKey(scope, contextData);
		// A copy, as the CLI reads the row from the database and writes the whole row back.
		const entries = [...(rows().get(key) ?? [])];
		const known = new Set(entries);
		const result: IDeduplicationOutput = { new: [], processed: [] };
		for (const item of items) {
			const hashed = hash(item);
			if (known.has(hashed)) result.processed.push(item);
			else {
				result.new.push(item);
				entries.push(hashed);
				known.add(hashed);
			}
		}
		if (options.maxEntries) entries.splice(0, Math.max(0, entries.length - options.maxEntries));
		rows().set(key, entries);
		return result;
	}

	async removeProcessed(
		items: DeduplicationItemTypes[],
		scope: DeduplicationScope,
		contextData: ICheckProcessedContextData,
	): Promise<void> {
		const key = rowKey(scope, contextData);
		const removed = new Set(items.map(hash));
		rows().set(
			key,
			(rows().get(key) ?? []).filter((entry) => !removed.has(entry)),
		);
	}

	async clearAllProcessedItems(scope: DeduplicationScope, contextData: ICheckProcessedContextData): Promise<void> {
		rows().delete(rowKey(scope, contextData));
	}

	async getProcessedDataCount(scope: DeduplicationScope, contextData: ICheckProcessedContextData): Promise<number> {
		return rows().get(rowKey(scope, contextData))?.length ?? 0;
	}
}

/** As the CLI does at start: gives n8n-core's deduplication helpers their store (once per loaded n8n-core). */
export async function provideDeduplication(): Promise<void> {
	try {
		DataDeduplicationService.getInstance();
	} catch {
		await DataDeduplicationService.init(new InMemoryDeduplicator());
	}
}

/** Forgets every recorded delivery, as a fresh database would. */
export function clearProcessedData(): void {
	rows().clear();
}
