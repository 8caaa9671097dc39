/**
 * Large syncs in a real n8n, for `npm run bench`: 10,000 and 50,000 items through Remove Members and Add
 * Contacts, with the values mapped by an expression per item or read From Input Fields, against simulators
 * that enforce the documented limits; per-item baselines (Combine Items off) on a timed sample, scaled. What is
 * measured is the node's own execution time as n8n records it, against the floor the API's rate sets.
 */
import fs from 'node:fs';
import path from 'node:path';

import { setupE2e } from '.';
import { importWorkflows } from './cli';
import { setupOwner, runManually, waitForExecution, type Session } from './rest';
import {
	largeSyncWorkflow,
	WRITE_NODE,
	type LargeSyncCase,
	type LargeSyncMode,
	type LargeSyncOperation,
} from '../largeSync.workflows';

const LIMITS = { removeMembers: { rate: 10, batch: 500 }, addContacts: { rate: 2, batch: 100 } } as const;
/** A per-item baseline takes 1/rate s an item; this many seconds of it are run and scaled. */
const BASELINE_SECONDS = 15;
const FIRST_PERSON = 5_000_000;

export interface LargeSyncRow {
	operation: LargeSyncOperation;
	mode: LargeSyncMode | 'perItem';
	items: number;
	requests: number;
	rateLimited: number;
	nodeSeconds: number;
	floorSeconds: number;
	/** Items the node's output has, each paired to its input and successful */
	goodOutputs: number;
	/** Baselines: run on this many items and scaled */
	sampled?: number;
}

const floor = (requests: number, rate: number, latencyMs: number) =>
	Math.max(0, Math.ceil(requests / rate) - 1) + latencyMs / 1000;

export async function measureLargeSyncs(options: {
	sizes: number[];
	operations: LargeSyncOperation[];
	latencyMs: number;
	dir?: string;
	log: (message: string) => void;
}): Promise<LargeSyncRow[]> {
	const { sizes, operations, latencyMs, log } = options;
	const ctx = await setupE2e('bench-large-sync', {
		dir: options.dir,
		simulators: {
			superOffice: { rateLimitPerSecond: LIMITS.removeMembers.rate, latencyMs },
			autoSend: { rateLimitPerSecond: LIMITS.addContacts.rate, latencyMs },
		},
	});
	try {
		const largest = Math.max(...sizes);
		const selectionId = ctx.so.addSelection({ name: 'Large sync', members: [] }).selectionId;
		const listId = ctx.as.addList({ name: 'Large sync' }).id;
		const cases: LargeSyncCase[] = [];
		for (const operation of operations) {
			for (const items of sizes) {
				for (const mode of ['mapEachField', 'fromInputFields'] as const)
					cases.push({ operation, mode, items, combine: true });
			}
			const sample = LIMITS[operation].rate * BASELINE_SECONDS;
			cases.push({ operation, mode: 'mapEachField', items: sample, combine: false });
		}
		const workflows = path.join(ctx.work, 'workflows');
		fs.mkdirSync(workflows, { recursive: true });
		for (const testCase of cases) {
			const file = largeSyncWorkflow(testCase, { selectionId, listId, firstPersonId: FIRST_PERSON });
			fs.writeFileSync(path.join(workflows, `${file.id}.json`), JSON.stringify(file));
		}
		await importWorkflows(ctx.install, ctx.env, workflows);
		const stack = await ctx.startStack();
		const session: Session = { url: stack.url, cookie: await setupOwner(stack) };

		const rows: LargeSyncRow[] = [];
		for (const testCase of cases) {
			const { operation, items, combine } = testCase;
			// Every run starts from the same state: all members in the selection, no one on the list.
			ctx.so.state.selections.get(selectionId)!.members = Array.from({ length: largest }, (_, i) => ({
				contactId: 138,
				personId: FIRST_PERSON + i,
			}));
			ctx.as.state.lists.get(listId)?.contactIds.clear();
			const sim = operation === 'removeMembers' ? ctx.so : ctx.as;
			sim.resetRequests();
			const rateLimitedBefore = sim.stats.rateLimited;
			log(`${items.toLocaleString('en')} items, ${operation}, ${combine ? testCase.mode : 'one request per item'}`);
			const run = await waitForExecution(
				session,
				await runManually(session, largeSyncWorkflowIdOf(testCase)),
				30 * 60_000,
			);
			const task = run.data.resultData.runData[WRITE_NODE]?.[0] as
				| {
						executionTime?: number;
						data?: { main: Array<Array<{ json: { success?: boolean }; pairedItem?: { item: number } }> | null> };
				  }
				| undefined;
			const output = task?.data?.main[0] ?? [];
			const requests = sim.requests.filter((r) => r.method === 'POST').length;
			const rateLimited = sim.stats.rateLimited - rateLimitedBefore;
			const { rate } = LIMITS[operation];
			const row: LargeSyncRow = {
				operation,
				mode: combine ? testCase.mode : 'perItem',
				items,
				requests,
				rateLimited,
				nodeSeconds: (task?.executionTime ?? Number.NaN) / 1000,
				floorSeconds: floor(requests - rateLimited, rate, latencyMs),
				goodOutputs: output.filter((item, index) => item.json.success === true && item.pairedItem?.item === index)
					.length,
			};
			rows.push(combine ? row : scaleBaseline(row, Math.max(...sizes)));
		}
		return rows;
	} finally {
		await ctx.cleanup();
	}
}

function largeSyncWorkflowIdOf(testCase: LargeSyncCase): string {
	return largeSyncWorkflow(testCase, { selectionId: 0, listId: '', firstPersonId: 0 }).id;
}

/** A baseline run on a sample, scaled to `items`. */
function scaleBaseline(row: LargeSyncRow, items: number): LargeSyncRow {
	const scale = items / row.items;
	return {
		...row,
		sampled: row.items,
		items,
		requests: Math.round(row.requests * scale),
		rateLimited: Math.round(row.rateLimited * scale),
		nodeSeconds: row.nodeSeconds * scale,
		floorSeconds: row.floorSeconds * scale,
		goodOutputs: Math.round(row.goodOutputs * scale),
	};
}
