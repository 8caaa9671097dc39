/**
 * The n8n release the e2e tests, `npm run dev`, the browser test and `npm run bench:storm` run: ensureN8n(version)
 * installs it from the npm registry into a cache outside the repository
 * (N8N_E2E_CACHE, default ~/.cache/n8n-nodes-superoffice-autosend/n8n-<version>), with the Node.js its
 * `engines` field asks for (node-runtime.ts), and reuses it on later runs.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { ensureNodeRuntime, runtimeEnv, type NodeRuntime } from './node-runtime';
import { cacheRoot, PACKAGE_NAME } from './paths';
import { log, sh } from './shell';

/**
 * The current n8n release this package is tested with. 2.41.3 (npm "latest" at this writing) cannot be
 * installed: it depends on @n8n/agents@0.26.2, which is not on the registry. Override with --n8n=<version>.
 */
export const DEFAULT_N8N_VERSION = '2.41.1';
/** The oldest n8n release the package is tested with (README: supported range). */
export const OLDEST_N8N_VERSION = '2.8.4';

/**
 * Overrides for the n8n install, kept in the cache's throwaway package.json (never in the repository's:
 * n8n's lint forbids overrides in a community package). Without them npm downloads xlsx from a CDN.
 */
const N8N_OVERRIDES: Record<string, string> = { xlsx: '0.18.5', linkedom: '0.18.14' };
/** Native addons n8n needs at run time; nothing else gets its install script run. */
const NATIVE_REBUILDS = ['sqlite3'];

export interface N8nInstall {
	version: string;
	dir: string;
	/** n8n's CLI entry point, run with runtime.bin. */
	cli: string;
	runtime: NodeRuntime;
	/** Versions n8n bundles, for the report. */
	bundled: { n8nWorkflow: string; n8nCore: string };
	/** Seconds the install took; 0 when it came from the cache. */
	installSeconds: number;
}

interface InstallMeta {
	version: string;
	engines: string;
	nodeVersion: string;
	installedAt: string;
	installSeconds: number;
}

export function n8nInstallDir(version: string): string {
	return path.join(cacheRoot(), `n8n-${version}`);
}

export function ensureN8n(version: string = DEFAULT_N8N_VERSION): N8nInstall {
	if (!/^\d+\.\d+\.\d+(?:-[\w.]+)?$/.test(version))
		throw new Error(`--n8n wants an exact version like 2.41.1, got "${version}"`);
	const dir = n8nInstallDir(version);
	const metaFile = path.join(dir, '.e2e-install.json');
	if (fs.existsSync(metaFile)) {
		const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as InstallMeta;
		const runtime = ensureNodeRuntime(meta.engines);
		return describeInstall(version, dir, runtime, 0);
	}

	const started = Date.now();
	const engines = sh('npm', ['view', `n8n@${version}`, 'engines.node'], { quiet: true }).trim();
	if (!engines) throw new Error(`n8n@${version} is not on the npm registry (npm view printed nothing)`);
	const runtime = ensureNodeRuntime(engines);
	log(
		`installing n8n ${version} (engines.node "${engines}") with Node ${runtime.version} into ${dir}; this takes several minutes once`,
	);
	const partial = `${dir}.partial`;
	fs.rmSync(partial, { recursive: true, force: true });
	fs.mkdirSync(partial, { recursive: true });
	fs.writeFileSync(
		path.join(partial, 'package.json'),
		`${JSON.stringify(
			{
				name: 'n8n-e2e-install',
				private: true,
				description: `n8n ${version} for ${PACKAGE_NAME}'s end-to-end tests (generated)`,
				dependencies: { n8n: version },
				overrides: N8N_OVERRIDES,
			},
			null,
			2,
		)}\n`,
	);
	const env = runtimeEnv(runtime);
	const npmFlags = ['--no-audit', '--no-fund', '--loglevel=error', '--update-notifier=false'];
	// No install scripts: some download from the internet (@confluentinc/kafka-javascript) and none but
	// the native addons below are needed to run n8n.
	sh('npm', ['install', '--ignore-scripts', '--omit=dev', ...npmFlags], { cwd: partial, env });
	for (const addon of NATIVE_REBUILDS) {
		if (!fs.existsSync(path.join(partial, 'node_modules', addon))) continue;
		log(`building ${addon} for Node ${runtime.version}`);
		// From source: its prebuilt binaries come from GitHub, which is not reachable.
		sh('npm', ['rebuild', addon, '--ignore-scripts=false', '--build-from-source', ...npmFlags], {
			cwd: partial,
			env: { ...env, npm_config_build_from_source: 'true' },
		});
	}
	const installSeconds = Math.round((Date.now() - started) / 1000);
	const meta: InstallMeta = {
		version,
		engines,
		nodeVersion: runtime.version,
		installedAt: new Date().toISOString(),
		installSeconds,
	};
	const install = describeInstall(version, partial, runtime, installSeconds);
	smokeTest(install, env);
	fs.writeFileSync(path.join(partial, '.e2e-install.json'), `${JSON.stringify(meta, null, 2)}\n`);
	fs.rmSync(dir, { recursive: true, force: true });
	fs.renameSync(partial, dir);
	log(`n8n ${version} installed in ${installSeconds} s`);
	return describeInstall(version, dir, runtime, installSeconds);
}

function describeInstall(version: string, dir: string, runtime: NodeRuntime, installSeconds: number): N8nInstall {
	const modules = path.join(dir, 'node_modules');
	const read = (name: string) => {
		for (const candidate of [path.join(modules, name), path.join(modules, 'n8n', 'node_modules', name)]) {
			const file = path.join(candidate, 'package.json');
			if (fs.existsSync(file)) return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
		}
		return 'unknown';
	};
	const installed = read('n8n');
	if (installed !== version) throw new Error(`${dir} holds n8n ${installed}, expected ${version}`);
	return {
		version,
		dir,
		cli: path.join(modules, 'n8n', 'bin', 'n8n'),
		runtime,
		bundled: { n8nWorkflow: read('n8n-workflow'), n8nCore: read('n8n-core') },
		installSeconds,
	};
}

function smokeTest(install: N8nInstall, env: NodeJS.ProcessEnv): void {
	// sqlite3 is built above; isolated-vm (n8n 2.x's default expression engine) loads its bundled prebuild.
	const probe = [
		'require("sqlite3")',
		'try { require.resolve("isolated-vm") } catch { process.exit(0) }',
		'const ivm = require("isolated-vm"); const isolate = new ivm.Isolate();',
		'if (isolate.compileScriptSync("6 * 7").runSync(isolate.createContextSync()) !== 42) process.exit(3);',
	].join('\n');
	const native = spawnSync(install.runtime.bin, ['-e', probe], { cwd: install.dir, env, encoding: 'utf8' });
	if (native.status !== 0)
		throw new Error(`n8n's native addons do not load with Node ${install.runtime.version}:\n${native.stderr}`);
	const version = sh(install.runtime.bin, [install.cli, '--version'], { cwd: install.dir, env, quiet: true });
	if (!version.includes(install.version)) throw new Error(`n8n --version printed ${version}`);
}
