// `npm run bench`: each scenario runs the package's nodes through n8n's engine against simulators with
// injected latency and their own rate limits, combined and per item (the same node with Combine Items
// off, which is what one request per item from an HTTP Request node amounts to), side by side in one run.
//   --latency=25       simulator latency in ms
//   --quick            smaller scenarios (a minute instead of several)
//   --full-baseline    run per-item baselines on every item instead of a timed sample, scaled up
//   --skip-n8n         leave out the large syncs in a real n8n (which installs n8n on first use)
//   --readme           write the table into README.md between the bench markers
import '../test/harness/setup-env';

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { shutdownHarness } from '../test/harness';
import type { AutoSendSimulator, SuperOfficeSimulator } from '../test/simulators';
import { startAutoSendSimulator, startSuperOfficeSimulator } from '../test/simulators';
import { measureLoad, packAndInstall } from './package-check';
import {
	autoSendCredential,
	harness,
	removeContactsParameters,
	removeMembersParameters,
	superOfficeCredential,
} from '../test/support/package';
import { addContactsParameters } from '../test/support/autosend-operations';
import { DEFAULT_N8N_VERSION } from '../test/e2e/support/install';
import { measureLargeSyncs, type LargeSyncRow } from '../test/e2e/support/largeSync';

const args = new Map(
	process.argv.slice(2).map((arg) => {
		const [key, value] = arg.replace(/^--/, '').split('=');
		return [key, value ?? 'true'] as const;
	}),
);
const LATENCY_MS = Number(args.get('latency') ?? 25);
const QUICK = args.has('quick');
const FULL_BASELINE = args.has('full-baseline');
const SO_RATE = 10;
const AS_RATE = 2;
/** A per-item baseline at the rate limit costs 1/rate seconds an item; this many seconds are timed. */
const BASELINE_SAMPLE_SECONDS = 15;

interface Measured {
	items: number;
	outputItems: number;
	requests: number;
	rateLimited: number;
	seconds: number;
	lostOrDuplicated: number;
}

interface Row {
	scenario: string;
	combined: Measured;
	floorSeconds: number;
	/** The same node and items against an instant, unlimited simulator: n8n's and the node's own work */
	processingSeconds: number;
	baseline?: Measured & { sampled?: number };
}

function checkOutput(items: INodeExecutionData[], count: number): number {
	let bad = Math.abs(items.length - count);
	items.forEach((item, index) => {
		const paired = item.pairedItem as { item: number } | undefined;
		if (paired?.item !== index || item.json.success !== true) bad++;
	});
	return bad;
}

async function measure(
	sim: SuperOfficeSimulator | AutoSendSimulator,
	run: () => Promise<INodeExecutionData[]>,
	count: number,
): Promise<Measured> {
	sim.resetRequests();
	const rateLimitedBefore = sim.stats.rateLimited;
	const started = process.hrtime.bigint();
	const output = await run();
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	return {
		items: count,
		outputItems: output.length,
		requests: sim.requests.filter((r) => r.method === 'POST').length,
		rateLimited: sim.stats.rateLimited - rateLimitedBefore,
		seconds,
		lostOrDuplicated: checkOutput(output, count),
	};
}

/** The floor a rate limit sets: the last of `requests` accepted ones cannot start before (ceil(n/rate) - 1) s. */
function floorSeconds(requests: number, rate: number): number {
	return Math.max(0, Math.ceil(requests / rate) - 1) + LATENCY_MS / 1000;
}

async function run(nodeType: string, parameters: INodeParameters, credentials: IDataObject, items: IDataObject[]) {
	const result = await harness.runNode({ nodeType, parameters, credentials: credentials as never, items });
	if (result.error) throw new Error(`${nodeType} failed: ${result.error.message}`);
	return result.items;
}

/** Runs the per-item baseline on a timed sample (or everything) and scales it to the full item count. */
async function baseline(
	sim: SuperOfficeSimulator | AutoSendSimulator,
	rate: number,
	items: IDataObject[],
	runItems: (items: IDataObject[]) => Promise<INodeExecutionData[]>,
): Promise<Measured & { sampled?: number }> {
	const sample = FULL_BASELINE ? items.length : Math.min(items.length, rate * BASELINE_SAMPLE_SECONDS);
	const measured = await measure(sim, async () => await runItems(items.slice(0, sample)), sample);
	if (sample === items.length) return measured;
	const scale = items.length / sample;
	return {
		...measured,
		items: items.length,
		outputItems: Math.round(measured.outputItems * scale),
		requests: Math.round(measured.requests * scale),
		rateLimited: Math.round(measured.rateLimited * scale),
		seconds: measured.seconds * scale,
		sampled: sample,
	};
}

/** Where a scenario runs: the benchmark's conditions, or instant and unlimited to time the processing. */
interface Conditions {
	latencyMs: number;
	/** The simulated server's limit; undefined = unlimited */
	serverRate?: number;
	/** The node's Requests per Second option; undefined = the node's default */
	nodeRate?: number;
	withBaseline: boolean;
}

type Scenario = (conditions: Conditions) => Promise<Omit<Row, 'processingSeconds' | 'scenario'>>;

const INSTANT: Conditions = { latencyMs: 0, nodeRate: 100, withBaseline: false };

/** Runs a scenario instantly first (its processing time), then under the benchmark's conditions. */
async function scenario(name: string, conditions: Conditions, run: Scenario): Promise<Row> {
	const instant = await run({ ...INSTANT, serverRate: undefined });
	const measured = await run(conditions);
	return { scenario: name, ...measured, processingSeconds: instant.combined.seconds };
}

/** How the set-like operations get their values: an expression per item, or From Input Fields. */
type InputMode = 'mapEachField' | 'fromInputFields';

const selections =
	(total: number, count: number, mode: InputMode = 'mapEachField'): Scenario =>
	async ({ latencyMs, serverRate, nodeRate, withBaseline }) => {
		const so = await startSuperOfficeSimulator({ latencyMs, rateLimitPerSecond: serverRate });
		try {
			const selectionIds: number[] = [];
			for (let s = 0; s < count; s++) {
				const members = Array.from({ length: total / count }, (_, i) => ({
					personId: 100_000 * (s + 1) + i,
					contactId: 138,
				}));
				selectionIds.push(so.addSelection({ name: `Bench ${s}`, members }).selectionId);
			}
			// Interleaved selections, as a real list of leavers would come.
			const items = Array.from({ length: total }, (_, i) => {
				const s = i % count;
				return { selectionId: selectionIds[s], contactId: 138, personId: 100_000 * (s + 1) + Math.floor(i / count) };
			});
			// One selection is named in the node; several come from the items.
			const selection = count === 1 ? selectionIds[0] : '={{ $json.selectionId }}';
			const runItems = (combine: boolean) => async (subset: IDataObject[]) =>
				await run(
					'superOffice',
					removeMembersParameters(selection, {
						...(mode === 'fromInputFields' ? { inputMode: mode } : {}),
						options: { combine, requestsPerSecond: nodeRate ?? SO_RATE },
					}),
					superOfficeCredential(so),
					subset,
				);
			const combined = await measure(so, async () => await runItems(true)(items), items.length);
			combined.lostOrDuplicated += selectionIds.reduce((sum, id) => sum + so.memberCount(id), 0);
			const per = withBaseline ? await baseline(so, serverRate ?? SO_RATE, items, runItems(false)) : undefined;
			return {
				combined,
				floorSeconds: floorSeconds(combined.requests - combined.rateLimited, serverRate ?? SO_RATE),
				baseline: per,
			};
		} finally {
			await so.close();
		}
	};

const relations =
	(total: number): Scenario =>
	async ({ latencyMs, serverRate, nodeRate }) => {
		const so = await startSuperOfficeSimulator({ latencyMs, rateLimitPerSecond: serverRate });
		try {
			const ids = Array.from(
				{ length: total },
				() => so.addRelation({ sourceContactId: 138, destinationContactId: 139, relationDefinitionId: 1 }).relationId,
			);
			const parameters = {
				resource: 'relation',
				operation: 'delete',
				relationId: '={{ $json.relationId }}',
				options: { requestsPerSecond: nodeRate ?? SO_RATE },
			};
			const items = ids.map((relationId) => ({ relationId }));
			const combined = await measure(
				so,
				async () => await run('superOffice', parameters, superOfficeCredential(so), items),
				total,
			);
			combined.lostOrDuplicated += ids.filter((id) => so.state.relations.has(id)).length;
			return { combined, floorSeconds: floorSeconds(total, serverRate ?? SO_RATE) };
		} finally {
			await so.close();
		}
	};

/**
 * An AutoSend list change, one address per item: removing members from a list (Remove Contacts), or
 * importing new addresses into an empty list (Add Contacts, which creates the contacts).
 */
const listChange =
	(total: number, change: 'remove' | 'add', mode: InputMode = 'mapEachField'): Scenario =>
	async ({ latencyMs, serverRate, nodeRate, withBaseline }) => {
		const as = await startAutoSendSimulator({ latencyMs, rateLimitPerSecond: serverRate });
		try {
			const listId = as.addList({ name: 'Bench list' }).id;
			const addresses = Array.from({ length: total }, (_, i) => `bench${i}@example.com`);
			if (change === 'remove') {
				as.addContacts(
					addresses.map((email) => ({ email })),
					{ listId },
				);
			}
			const items = addresses.map((email) => ({ email }));
			const parameters = change === 'remove' ? removeContactsParameters : addContactsParameters;
			const values = mode === 'fromInputFields' ? { inputMode: mode } : { emails: '={{ $json.email }}' };
			const runItems = (combine: boolean) => async (subset: IDataObject[]) =>
				await run(
					'autoSend',
					parameters(listId, { ...values, options: { combine, requestsPerSecond: nodeRate ?? AS_RATE } }),
					autoSendCredential(as),
					subset,
				);
			const combined = await measure(as, async () => await runItems(true)(items), total);
			// Left undone afterwards: members still in the list, or addresses missing from it.
			const members = as.listMembers(listId).length;
			combined.lostOrDuplicated += change === 'remove' ? members : Math.abs(total - members);
			const per = withBaseline ? await baseline(as, serverRate ?? AS_RATE, items, runItems(false)) : undefined;
			return {
				combined,
				floorSeconds: floorSeconds(combined.requests - combined.rateLimited, serverRate ?? AS_RATE),
				baseline: per,
			};
		} finally {
			await as.close();
		}
	};
const emails = (total: number) => listChange(total, 'remove');

async function memoryAt(count: number): Promise<number> {
	const so = await startSuperOfficeSimulator({ latencyMs: LATENCY_MS });
	try {
		const items = Array.from({ length: count }, (_, i) => ({ contactId: 138, personId: 1_000_000 + i }));
		const gc = (globalThis as { gc?: () => void }).gc;
		gc?.();
		const before = process.memoryUsage().heapUsed;
		let peak = before;
		const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
		await run(
			'superOffice',
			removeMembersParameters(938, { options: { requestsPerSecond: 100 } }),
			superOfficeCredential(so),
			items,
		);
		clearInterval(sampler);
		peak = Math.max(peak, process.memoryUsage().heapUsed);
		return (peak - before) / 1024 / 1024;
	} finally {
		await so.close();
	}
}

const fmt = (n: number, digits = 1) =>
	n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function table(rows: Row[]): string {
	const lines = [
		'| scenario | requests | wall time | floor: rate + latency | + processing | wall / floor | 429s | items in → out | lost or duplicated | per item (Combine Items off): requests, wall time | speed-up |',
		'| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
	];
	for (const row of rows) {
		const { combined, baseline: per } = row;
		const floor = row.floorSeconds + row.processingSeconds;
		const baselineText = per
			? `${per.requests.toLocaleString('en')}, ${fmt(per.seconds)} s${per.sampled ? ` (timed on ${per.sampled} items, scaled)` : ''}`
			: '—';
		lines.push(
			[
				row.scenario,
				combined.requests.toLocaleString('en'),
				`${fmt(combined.seconds, 2)} s`,
				`${fmt(row.floorSeconds, 2)} s`,
				`${fmt(row.processingSeconds, 2)} s`,
				`${fmt(combined.seconds / floor, 2)}×`,
				combined.rateLimited,
				`${combined.items.toLocaleString('en')} → ${combined.outputItems.toLocaleString('en')}`,
				combined.lostOrDuplicated,
				baselineText,
				per ? `${fmt(per.seconds / combined.seconds, 0)}×` : '—',
			]
				.join(' | ')
				.replace(/^/, '| ')
				.replace(/$/, ' |'),
		);
	}
	return lines.join('\n');
}

const MODE_NAMES = { mapEachField: 'Map Each Field (expression per item)', fromInputFields: 'From Input Fields' };

function largeSyncTable(rows: LargeSyncRow[]): string {
	const lines = [
		'| operation | items | values from | requests | node time | floor: rate + latency | node time / floor | 429s | outputs paired and successful |',
		'| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
	];
	for (const row of rows) {
		const mode =
			row.mode === 'perItem'
				? `one request per item (Combine Items off)${row.sampled ? `, timed on ${row.sampled.toLocaleString('en')} items and scaled` : ''}`
				: MODE_NAMES[row.mode];
		lines.push(
			`| ${row.operation === 'removeMembers' ? 'Selection › Remove Members' : 'Contact List › Add Contacts'} | ${row.items.toLocaleString('en')} | ${mode} | ${row.requests.toLocaleString('en')} | ${fmt(row.nodeSeconds, 2)} s | ${fmt(row.floorSeconds, 2)} s | ${fmt(row.nodeSeconds / row.floorSeconds, 2)}× | ${row.rateLimited} | ${row.goodOutputs.toLocaleString('en')} |`,
		);
	}
	return lines.join('\n');
}

async function main() {
	const started = Date.now();
	const big = QUICK ? 2_000 : 10_000;
	const rows: Row[] = [];
	const step = async (row: Promise<Row>) => {
		const done = await row;
		rows.push(done);
		console.error(`done: ${done.scenario} (${fmt(done.combined.seconds, 2)} s)`);
	};
	// Warm up n8n's engine and the JIT, so the first scenario's processing time is not start-up time.
	await selections(2_000, 1)({ ...INSTANT });
	const standard: Conditions = { latencyMs: LATENCY_MS, withBaseline: true };
	const n = (count: number) => count.toLocaleString('en');
	const fields = ', From Input Fields';
	for (const size of QUICK ? [big] : [big, 50_000]) {
		await step(
			scenario(`${n(size)} members out of one selection`, { ...standard, serverRate: SO_RATE }, selections(size, 1)),
		);
		await step(
			scenario(
				`${n(size)} members out of one selection${fields}`,
				{ ...standard, serverRate: SO_RATE, withBaseline: false },
				selections(size, 1, 'fromInputFields'),
			),
		);
	}
	await step(
		scenario(`${n(big)} members over 20 selections`, { ...standard, serverRate: SO_RATE }, selections(big, 20)),
	);
	const relationCount = QUICK ? 200 : 2_000;
	await step(
		scenario(
			`${n(relationCount)} relation deletions (nothing to combine)`,
			{ ...standard, serverRate: SO_RATE, withBaseline: false },
			relations(relationCount),
		),
	);
	await step(scenario(`${n(big)} emails out of one AutoSend list`, { ...standard, serverRate: AS_RATE }, emails(big)));
	for (const size of QUICK ? [big] : [big, 50_000]) {
		await step(
			scenario(
				`${n(size)} contacts imported into an AutoSend list (Add Contacts)`,
				{ ...standard, serverRate: AS_RATE },
				listChange(size, 'add'),
			),
		);
		await step(
			scenario(
				`${n(size)} contacts imported into an AutoSend list (Add Contacts${fields})`,
				{ ...standard, serverRate: AS_RATE, withBaseline: false },
				listChange(size, 'add', 'fromInputFields'),
			),
		);
	}
	const slow = QUICK ? 400 : 2_000;
	await step(
		scenario(
			`${n(slow)} emails, server allows 1 req/s, node set to 2`,
			{ latencyMs: LATENCY_MS, serverRate: 1, nodeRate: 2, withBaseline: false },
			emails(slow),
		),
	);

	const memory: Array<[number, number]> = [];
	for (const count of [25_000, 50_000, 100_000]) memory.push([count, await memoryAt(count)]);

	// The same large syncs in a real n8n: the node's execution time as n8n records it.
	const largeSyncs = args.has('skip-n8n')
		? []
		: await measureLargeSyncs({
				sizes: QUICK ? [2_000] : [10_000, 50_000],
				operations: ['removeMembers', 'addContacts'],
				latencyMs: LATENCY_MS,
				log: (message) => console.error(`real n8n: ${message}`),
			});

	// Loading the nodes as n8n does, from the packed package with only n8n-workflow beside it.
	const installed = packAndInstall();
	const loads = Array.from({ length: 5 }, () => measureLoad(installed.packageDir).ms).sort((a, b) => a - b);
	installed.cleanup();

	const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
	const report = [
		`Measured with \`${command}\` on ${new Date().toISOString().slice(0, 10)} (Node ${process.version}, 2 cores; simulators on 127.0.0.1 with ${LATENCY_MS} ms latency, SuperOffice limited to ${SO_RATE} req/s and AutoSend to ${AS_RATE} req/s unless stated; node defaults otherwise). *Processing* is the same run against an instant, unlimited simulator: n8n evaluating each item's parameter expressions (about 0.25 ms per expression) plus the node's own work. The floor is rate + latency + processing.`,
		'',
		table(rows),
		'',
		...(largeSyncs.length
			? [
					`**In a real n8n ${DEFAULT_N8N_VERSION}** (installed as users install the package; a Code node makes the items, one node writes them; SuperOffice limited to ${SO_RATE} req/s, AutoSend to ${AS_RATE} req/s). *Node time* is the write node's execution time as n8n records it; the floor is what the API's rate and latency allow for the requests sent.`,
					'',
					largeSyncTable(largeSyncs),
					'',
				]
			: []),
		`Peak heap growth while removing members (Remove Members, combined): ${memory.map(([count, mb]) => `${count.toLocaleString('en')} items: ${fmt(mb)} MB`).join('; ')} (${fmt(memory[2][1] / memory[0][1], 1)}× for 4× the items).`,
		'',
		`Loading all nodes and credentials from the packed package, with only n8n-workflow installed: ${fmt(loads[2])} ms (median of 5 fresh processes; n8n-workflow itself already loaded, as in n8n).`,
		'',
		`Whole run: ${fmt((Date.now() - started) / 1000, 0)} s.`,
	].join('\n');
	console.log(report);

	if (args.has('readme')) {
		const readmePath = join(__dirname, '..', 'README.md');
		const readme = readFileSync(readmePath, 'utf8');
		const updated = readme.replace(
			/<!-- bench:start -->[\s\S]*<!-- bench:end -->/,
			`<!-- bench:start -->\n${report}\n<!-- bench:end -->`,
		);
		writeFileSync(readmePath, updated);
		console.error('README.md performance section updated');
	}
	await shutdownHarness();
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
