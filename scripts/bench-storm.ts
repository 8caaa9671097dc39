/**
 * `npm run bench:storm [-- --quick] [-- --readme] [-- --mode=regular|queue]`: event storms in a real n8n
 * (the cached install, test/e2e/support), in regular mode and in queue mode (main, two workers, Redis,
 * PostgreSQL), with the package installed as users install it and simulators that enforce the documented
 * limits (AutoSend 2 requests/s, SuperOffice 10). Per mode: 100 AutoSend bounces within 2 s and 300
 * SuperOffice person changes within 3 s at their trigger workflows (test/e2e/support/storm.ts); then n8n
 * restarts and 10 deliveries of each that already ran are sent again, as the services retry.
 * --quick: 20 bounces, 60 person changes, 5 re-sent. --readme: also writes the table into README.md
 * between <!-- storm:start --> and <!-- storm:end --> (at the end of "Performance" when absent).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { setupE2e } from '../test/e2e/support';
import { importWorkflows } from '../test/e2e/support/cli';
import { DEFAULT_N8N_VERSION, ensureN8n } from '../test/e2e/support/install';
import { packPackage } from '../test/e2e/support/package';
import { pruneOldRuns, REPO_ROOT } from '../test/e2e/support/paths';
import { login, setupOwner, type Session } from '../test/e2e/support/rest';
import { log } from '../test/e2e/support/shell';
import type { N8nMode } from '../test/e2e/support/stack';
import {
	bounceStorm,
	LIMITS,
	personStorm,
	resendAfterRestart,
	runStorm,
	seedStorms,
	type StormResult,
} from '../test/e2e/support/storm';

const SIZES = {
	full: { bounces: 100, persons: 300, resend: 10 },
	quick: { bounces: 20, persons: 60, resend: 5 },
};
/** The storms' windows: all deliveries are sent within these. */
const WINDOW_MS = { bounces: 2000, persons: 3000 };
/** As in `npm run bench`: the simulators answer after 25 ms, like a nearby API. */
const LATENCY_MS = 25;
const MARKERS = { start: '<!-- storm:start -->', end: '<!-- storm:end -->' };

interface ModeResult {
	mode: N8nMode;
	storms: StormResult[];
	restarts: Array<{ title: string; resent: number; answered: number[]; secondRuns: number; executions: number }>;
}

async function benchMode(
	mode: N8nMode,
	size: (typeof SIZES)['full'],
	dir: string,
	tarball: string,
): Promise<ModeResult> {
	const ctx = await setupE2e(`storm-${mode}`, {
		mode,
		dir,
		tarball,
		simulators: {
			autoSend: { rateLimitPerSecond: LIMITS.autoSend.requestsPerSecond, latencyMs: LATENCY_MS },
			superOffice: { rateLimitPerSecond: LIMITS.superOffice.requestsPerSecond, latencyMs: LATENCY_MS },
		},
	});
	try {
		const storms = [
			{ storm: bounceStorm(ctx), events: size.bounces, windowMs: WINDOW_MS.bounces },
			{ storm: personStorm(ctx), events: size.persons, windowMs: WINDOW_MS.persons },
		];
		const workflows = path.join(ctx.work, 'workflows');
		fs.mkdirSync(workflows, { recursive: true });
		seedStorms(storms, workflows);
		await importWorkflows(ctx.install, ctx.env, workflows);
		log(`${mode} mode: starting n8n${mode === 'queue' ? ' (main and two workers)' : ''}`);
		const stack = await ctx.startStack();
		let session: Session = { url: stack.url, cookie: await setupOwner(stack) };
		const results: StormResult[] = [];
		for (const { storm, events, windowMs } of storms) {
			log(`${mode} mode: ${events} × ${storm.title} within ${windowMs / 1000} s`);
			results.push(await runStorm(session, storm, events, windowMs));
		}
		log(`${mode} mode: restarting n8n, then re-sending ${size.resend} deliveries per trigger that already ran`);
		await stack.restart();
		session = { url: stack.url, cookie: await login(stack) };
		const restarts = [];
		for (const [index, { storm }] of storms.entries()) {
			const resent = await resendAfterRestart(session, storm, results[index].processed, size.resend);
			restarts.push({ title: storm.title, ...resent });
		}
		return { mode, storms: results, restarts };
	} finally {
		await ctx.cleanup();
	}
}

const seconds = (value: number) => `${value.toFixed(1)} s`;

function table(results: ModeResult[], version: string, quick: boolean): string {
	const lines = [
		`Measured with \`npm run bench:storm${quick ? ' -- --quick' : ''}\` on ${new Date().toISOString().slice(0, 10)} ` +
			`(n8n ${version}, Node ${process.version} for the bench, ${os.cpus().length} cores; simulators on 127.0.0.1 ` +
			`with ${LATENCY_MS} ms latency enforcing AutoSend's ${LIMITS.autoSend.requestsPerSecond} requests/s and ` +
			`SuperOffice's ${LIMITS.superOffice.requestsPerSecond}; node defaults). *Floor*: the fewest seconds the ` +
			'documented rate allows for the writes at the default batch size; *accepted in*: how long n8n took to ' +
			'answer every delivery.',
		'',
		'| scenario | mode | events | executions ok / failed | API requests | 429s | removed / expected | lost | wall time | floor | accepted in |',
		'| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
	];
	for (const { mode, storms } of results) {
		for (const r of storms) {
			lines.push(
				`| ${r.title} | ${mode} | ${r.events} | ${r.ok} / ${r.failed} | ${r.requests} | ${r.rateLimited} | ` +
					`${r.expected - r.lost} / ${r.expected} | ${r.lost} | ${seconds(r.wallSeconds)} | ` +
					`${seconds(r.floorSeconds)} | ${seconds(r.acceptSeconds)} (${r.accepted} accepted) |`,
			);
		}
	}
	lines.push(
		'',
		'| after an n8n restart: deliveries that already ran, sent again | mode | re-sent | answered 2xx | second runs | executions n8n recorded (only the trigger ran) |',
	);
	lines.push('| --- | --- | ---: | ---: | ---: | ---: |');
	for (const { mode, restarts } of results) {
		for (const r of restarts) {
			const ok = r.answered.filter((status) => status >= 200 && status < 300).length;
			lines.push(`| ${r.title} | ${mode} | ${r.resent} | ${ok} | ${r.secondRuns} | ${r.executions - r.secondRuns} |`);
		}
	}
	return lines.join('\n');
}

/** Replaces the text between the markers; adds the markers at the end of "## Performance" when absent. */
function writeReadme(text: string): void {
	const file = path.join(REPO_ROOT, 'README.md');
	let readme = fs.readFileSync(file, 'utf8');
	if (!readme.includes(MARKERS.start)) {
		const next = readme.indexOf('\n## ', readme.indexOf('\n## Performance') + 1);
		if (next < 0) throw new Error('README.md has no section after "## Performance" to put the storm table before');
		readme = `${readme.slice(0, next)}\n${MARKERS.start}\n${MARKERS.end}\n${readme.slice(next)}`;
	}
	const start = readme.indexOf(MARKERS.start) + MARKERS.start.length;
	readme = `${readme.slice(0, start)}\n${text}\n${readme.slice(readme.indexOf(MARKERS.end))}`;
	fs.writeFileSync(file, readme);
}

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const quick = args.includes('--quick');
	const modeArg = args.find((arg) => arg.startsWith('--mode='))?.split('=')[1];
	const modes: N8nMode[] = modeArg === 'regular' || modeArg === 'queue' ? [modeArg] : ['regular', 'queue'];
	const unknown = args.filter((arg) => !['--quick', '--readme'].includes(arg) && !arg.startsWith('--mode='));
	if (unknown.length)
		throw new Error(`unknown option ${unknown.join(' ')} (use --quick, --readme, --mode=regular|queue)`);

	const started = Date.now();
	const install = ensureN8n(process.env.N8N_E2E_VERSION || DEFAULT_N8N_VERSION);
	const runs = path.join(REPO_ROOT, '.tmp', 'bench-storm');
	const dir = path.join(runs, new Date().toISOString().replace(/[:.]/g, '-'));
	fs.mkdirSync(dir, { recursive: true });
	pruneOldRuns(runs, 3);
	const tarball = packPackage(path.join(dir, 'pack'));
	const results: ModeResult[] = [];
	for (const mode of modes) results.push(await benchMode(mode, quick ? SIZES.quick : SIZES.full, dir, tarball));
	const text = `${table(results, install.version, quick)}\n\nWhole run: ${seconds((Date.now() - started) / 1000)}.`;
	process.stdout.write(`\n${text}\n`);
	if (args.includes('--readme')) {
		writeReadme(text);
		log('README.md updated between the storm markers');
	}
}

main().catch((error) => {
	log(String((error as Error).stack ?? error));
	process.exit(1);
});
