/**
 * n8n as the e2e suites and `npm run bench:storm` run it, in either of its execution modes:
 * - regular: one `n8n start` with SQLite in its user folder, which runs every execution itself;
 * - queue: a main `n8n start` (REST API, webhooks; it puts executions on the queue) and QUEUE_WORKERS
 *   `n8n worker` processes that run them, sharing Redis, PostgreSQL (services.ts) and the encryption key.
 *   Each worker has its own user folder with the package installed, as on a separate worker machine, and
 *   its own task-broker and health ports.
 * restart() stops every n8n process and starts them again on the same ports and database.
 */
import path from 'node:path';

import type { N8nInstall } from './install';
import { createUserFolder, installPackage, type UserFolder } from './package';
import { freePort, startN8n, startWorker, type N8nProcess, type N8nServer } from './process';
import type { QueueServices } from './services';

export type N8nMode = 'regular' | 'queue';
export const QUEUE_WORKERS = 2;

/** n8n's settings for queue mode on these services (names from @n8n/config in n8n 2.41). */
export function queueModeEnv(services: QueueServices): NodeJS.ProcessEnv {
	const { redis, postgres } = services;
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		// n8n does not support queue mode on SQLite (SQLITE_BUSY as soon as two processes write).
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
		// Measured: with n8n's default pool of 2 connections and its 5 s ping timeout, the main process
		// answered 200 of 300 storm deliveries "503 Database is not ready".
		DB_POSTGRESDB_POOL_SIZE: '10',
		DB_PING_TIMEOUT_MS: '30000',
		// Without it, manual runs (the editor's Execute workflow, REST /run) run in the main process, not on
		// a worker; n8n 3 makes this the only behaviour. Webhook and trigger executions go to workers either way.
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
	};
}

export interface N8nStack {
	readonly mode: N8nMode;
	/** The main process's address: editor, REST API and webhooks. Stays the same across restarts. */
	readonly url: string;
	/** Everything every n8n process of this stack printed, across restarts. */
	output(): string;
	/** Everything the workers printed (empty in regular mode). */
	workerOutput(): string;
	restart(): Promise<void>;
	stop(): Promise<void>;
}

export interface StackOptions {
	mode: N8nMode;
	install: N8nInstall;
	/** The main process's user folder, with the package installed. */
	folder: UserFolder;
	/** The main process's environment (n8nEnv, plus queueModeEnv in queue mode). */
	env: NodeJS.ProcessEnv;
	/** The packed package, installed into each worker's user folder (queue mode). */
	tarball: string;
	port?: number;
	echo?: boolean;
}

/** Worker user folders beside the main one, each with the package installed. */
function workerEnvs(options: StackOptions): Array<Promise<NodeJS.ProcessEnv>> {
	return Array.from({ length: QUEUE_WORKERS }, async (_, index) => {
		const folder = createUserFolder(
			path.dirname(options.folder.root),
			`${path.basename(options.folder.root)}-worker${index + 1}`,
		);
		installPackage(folder, options.tarball, options.install.runtime);
		return { ...options.env, N8N_USER_FOLDER: folder.root, N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
	});
}

export async function startStack(options: StackOptions): Promise<N8nStack> {
	const { install, mode, echo } = options;
	const port = options.port ?? (await freePort());
	const workers = mode === 'queue' ? await Promise.all(workerEnvs(options)) : [];
	const started: Array<{ worker: boolean; process: N8nProcess }> = [];
	let running: N8nProcess[] = [];

	const start = async () => {
		// Main first: it migrates the database the workers read.
		const main: N8nServer = await startN8n(install, options.env, { port, echo });
		started.push({ worker: false, process: main });
		running = [main];
		const ready = await Promise.allSettled(
			workers.map((env, index) => startWorker(install, env, { name: `worker${index + 1}`, echo })),
		);
		for (const result of ready) {
			if (result.status === 'fulfilled') {
				started.push({ worker: true, process: result.value });
				running.push(result.value);
			}
		}
		const failed = ready.find((result) => result.status === 'rejected');
		if (failed) {
			await stop();
			throw (failed as PromiseRejectedResult).reason;
		}
	};
	// Main first: it stops taking webhooks and queueing runs; then the workers finish the jobs they hold.
	const stop = async () => {
		const [main, ...workerProcesses] = running;
		running = [];
		await main?.stop();
		await Promise.all(workerProcesses.map(async (worker) => await worker.stop()));
	};
	const outputOf = (workersOnly: boolean) =>
		started
			.filter((entry) => !workersOnly || entry.worker)
			.map((entry) => entry.process.output())
			.join('\n');

	await start();
	return {
		mode,
		url: `http://127.0.0.1:${port}`,
		output: () => outputOf(false),
		workerOutput: () => outputOf(true),
		restart: async () => {
			await stop();
			await start();
		},
		stop,
	};
}

/**
 * How often the workers said they started this execution (at info level: "Worker started execution
 * <id> (job <n>)"): 1 when a worker ran it, 0 when the main process did or in regular mode.
 */
export function workerStarts(stack: N8nStack, executionId: string): number {
	return stack.workerOutput().split(`Worker started execution ${executionId} (`).length - 1;
}
