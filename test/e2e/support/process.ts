/**
 * n8n's processes: the environment every n8n command gets (this user folder, the fixed key, its own
 * task-broker port, nothing that calls out of 127.0.0.1), `runN8n` for CLI commands, `startN8n` for the
 * server and `startWorker` for a queue-mode worker, each with its output kept in a log file.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import type { N8nInstall } from './install';
import { runtimeEnv } from './node-runtime';
import type { UserFolder } from './package';

/** Fixed per run, so imported credentials can be decrypted by every n8n command and process of that run. */
export const ENCRYPTION_KEY = 'n8n-nodes-superoffice-autosend-e2e-key';

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
/**
 * n8n's environment: this user folder, the fixed key, SQLite (`extra` switches to Postgres and queue
 * mode), a task broker on a free port, and every feature that would call out of 127.0.0.1 turned off.
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

/** A long-running n8n process (`start` or `worker`), its output teed to <user folder>/<logName>. */
export interface N8nProcess {
	/** Everything it printed so far. */
	output(): string;
	/** Its exit code once it exited, else undefined. */
	exitCode(): number | null | undefined;
	/** SIGTERM (n8n shuts down gracefully, finishing running executions), SIGKILL after 30 s. */
	stop(): Promise<void>;
}

function spawnN8n(
	install: N8nInstall,
	args: string[],
	env: NodeJS.ProcessEnv,
	logName: string,
	echo = false,
): N8nProcess {
	const child = spawn(install.runtime.bin, [install.cli, ...args], {
		cwd: env.N8N_USER_FOLDER,
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	// Appended, so a restarted process keeps its earlier log (git-ignored with the rest of .tmp/).
	const logFile = fs.createWriteStream(path.join(String(env.N8N_USER_FOLDER), logName), { flags: 'a' });
	const collect = (chunk: Buffer) => {
		output += chunk.toString('utf8');
		logFile.write(chunk);
		if (echo) process.stderr.write(chunk);
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
	return {
		output: () => output,
		exitCode: () => exited,
		stop: async () => {
			if (exited !== undefined) return;
			child.kill('SIGTERM');
			const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
			await exit;
			clearTimeout(killer);
		},
	};
}

/** Polls `ready` every 500 ms until it is true; stops the process and throws when it exits or times out. */
async function waitUntilReady(
	proc: N8nProcess,
	what: string,
	ready: () => Promise<boolean>,
	timeoutMs: number,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const code = proc.exitCode();
		if (code !== undefined) throw new Error(`${what} exited with ${code} before it was ready:\n${proc.output()}`);
		if (await ready().catch(() => false)) return;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	await proc.stop();
	throw new Error(`${what} did not become ready in ${timeoutMs / 1000} s:\n${proc.output()}`);
}

export interface N8nServer extends N8nProcess {
	url: string;
	port: number;
}

/** `n8n start` on 127.0.0.1:<free port, or the one given>; resolves once the REST API answers. */
export async function startN8n(
	install: N8nInstall,
	env: NodeJS.ProcessEnv,
	options: { port?: number; timeoutMs?: number; echo?: boolean } = {},
): Promise<N8nServer> {
	const port = options.port ?? (await freePort());
	const url = `http://127.0.0.1:${port}`;
	const serverEnv = { ...env, N8N_PORT: String(port), N8N_EDITOR_BASE_URL: `${url}/`, WEBHOOK_URL: `${url}/` };
	const proc = spawnN8n(install, ['start'], serverEnv, 'n8n-start.log', options.echo);
	// /healthz/readiness only says the database is migrated; the REST routes (owner setup, login) come
	// later, and until then n8n answers every path with 200 "n8n is starting up". /rest/settings, what the
	// editor loads first, answers JSON once the routes are there.
	await waitUntilReady(
		proc,
		`n8n start on ${url}`,
		async () => {
			const response = await fetch(`${url}/rest/settings`);
			await response.arrayBuffer();
			return response.ok && (response.headers.get('content-type') ?? '').includes('application/json');
		},
		options.timeoutMs ?? 180_000,
	);
	return { ...proc, url, port };
}

/**
 * `n8n worker` for queue mode: takes executions from Redis. Its health server (on a free port, 127.0.0.1)
 * answers /healthz/readiness once the worker listens to the queue; it logs at info level, where it says
 * "Worker started execution <id>", which is how the tests see that a worker ran an execution.
 */
export async function startWorker(
	install: N8nInstall,
	env: NodeJS.ProcessEnv,
	options: { name: string; timeoutMs?: number; echo?: boolean },
): Promise<N8nProcess> {
	const port = await freePort();
	const workerEnv = {
		...env,
		N8N_LOG_LEVEL: 'info',
		QUEUE_HEALTH_CHECK_ACTIVE: 'true',
		QUEUE_HEALTH_CHECK_PORT: String(port),
		N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
	};
	const proc = spawnN8n(install, ['worker'], workerEnv, `n8n-${options.name}.log`, options.echo);
	await waitUntilReady(
		proc,
		`n8n ${options.name}`,
		async () => {
			const response = await fetch(`http://127.0.0.1:${port}/healthz/readiness`);
			await response.arrayBuffer();
			return response.ok;
		},
		options.timeoutMs ?? 180_000,
	);
	return proc;
}
