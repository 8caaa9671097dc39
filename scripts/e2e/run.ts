/**
 * `npm run test:e2e [-- --n8n=<version>] [-- <jest args>]` and `npm run test:ui`:
 * installs (or reuses) the n8n release, packs this package once, and runs the e2e or UI jest suite
 * against it. Options:
 *   --suite=e2e|ui       which suite (test/e2e/*.e2e.ts or test/e2e/ui/*.ui.ts); default e2e
 *   --n8n=<version>      another n8n release, e.g. --n8n=2.8.4 (default: the current one, see
 *                        test/e2e/support/install.ts)
 *   --results=<file>     also copy jest's JSON results there (.ci/run sums them)
 *   --install-only       only install (or check) the cached n8n and Node; .ci/run starts this early
 * Anything else goes to jest, e.g. `-t "wrong API key"`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { DEFAULT_N8N_VERSION, ensureN8n } from '../../test/e2e/support/install';
import { packPackage } from '../../test/e2e/support/package';
import { pruneOldRuns, REPO_ROOT } from '../../test/e2e/support/paths';
import { log } from '../../test/e2e/support/shell';

const SUITES = {
	e2e: { pattern: 'test/e2e/[^/]+\\.e2e\\.ts$', title: 'end-to-end workflows' },
	ui: { pattern: 'test/e2e/ui/[^/]+\\.ui\\.ts$', title: 'editor in Chromium' },
} as const;
const KEEP_RUNS = 4;

function main(): number {
	let suite: keyof typeof SUITES = 'e2e';
	let version = process.env.N8N_E2E_VERSION || DEFAULT_N8N_VERSION;
	let results: string | undefined;
	let installOnly = false;
	const jestArgs: string[] = [];
	for (const arg of process.argv.slice(2)) {
		const [flag, value] = arg.split(/=(.*)/s, 2);
		if (flag === '--suite' && (value === 'e2e' || value === 'ui')) suite = value;
		else if (flag === '--n8n' && value) version = value;
		else if (flag === '--results' && value) results = path.resolve(value);
		else if (flag === '--install-only') installOnly = true;
		else if (flag === '--suite' || flag === '--n8n' || flag === '--results') {
			throw new Error(`${arg}: expected ${flag}=<value>`);
		} else jestArgs.push(arg);
	}

	const started = Date.now();
	const install = ensureN8n(version);
	const installSeconds = (Date.now() - started) / 1000;
	log(
		`n8n ${install.version} (n8n-workflow ${install.bundled.n8nWorkflow}, n8n-core ${install.bundled.n8nCore}) on Node ${install.runtime.version}` +
			(install.installSeconds ? `, installed in ${install.installSeconds} s` : `, from the cache ${install.dir}`),
	);

	if (installOnly) return 0;

	const runsRoot = path.join(REPO_ROOT, '.tmp', 'e2e');
	const runDir = path.join(runsRoot, `${new Date().toISOString().replace(/[:.]/g, '-')}-${suite}-n8n-${version}`);
	fs.mkdirSync(runDir, { recursive: true });
	pruneOldRuns(runsRoot, KEEP_RUNS);
	const tarball = packPackage(path.join(runDir, 'pack'));
	log(`packed ${path.relative(REPO_ROOT, tarball)}; run folder ${path.relative(REPO_ROOT, runDir)}`);

	const resultsFile = path.join(runDir, 'jest-results.json');
	const jest = spawnSync(
		process.execPath,
		[
			require.resolve('jest/bin/jest'),
			'--config',
			path.join(REPO_ROOT, 'jest.e2e.config.js'),
			'--runInBand',
			'--json',
			`--outputFile=${resultsFile}`,
			'--testPathPattern',
			SUITES[suite].pattern,
			...jestArgs,
		],
		{
			cwd: REPO_ROOT,
			stdio: 'inherit',
			env: {
				...process.env,
				N8N_E2E_VERSION: version,
				N8N_E2E_TARBALL: tarball,
				N8N_E2E_RUN_DIR: runDir,
			},
		},
	);
	const seconds = (Date.now() - started) / 1000;
	if (!fs.existsSync(resultsFile)) {
		log(`jest wrote no results (exit ${jest.status})`);
		return jest.status || 1;
	}
	const summary = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as {
		numPassedTests: number;
		numFailedTests: number;
		numTotalTests: number;
	};
	if (results) fs.copyFileSync(resultsFile, results);
	log(
		`${SUITES[suite].title} against n8n ${version}: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed ` +
			`in ${seconds.toFixed(0)} s (n8n install/cache check ${installSeconds.toFixed(0)} s)`,
	);
	if (summary.numTotalTests === 0) {
		log('no test ran: failing');
		return 1;
	}
	return jest.status ?? 1;
}

try {
	process.exitCode = main();
} catch (error) {
	log(String((error as Error).stack ?? error));
	process.exitCode = 1;
}
