/**
 * Setup shared by the e2e test files: the n8n that `npm run test:e2e` installed (N8N_E2E_VERSION), a
 * fresh user folder with the packed package installed as a community package, the simulators, the
 * credentials for them imported with `n8n import:credentials`, and, in queue mode, Redis and PostgreSQL.
 * startStack() then starts n8n itself (main, plus workers in queue mode); cleanup() stops all of it.
 */
import fs from 'node:fs';
import path from 'node:path';

import { importCredentials, type CredentialsFile } from './cli';
import { DEFAULT_N8N_VERSION, ensureN8n, type N8nInstall } from './install';
import { createUserFolder, installPackage, packPackage, type UserFolder } from './package';
import { REPO_ROOT } from './paths';
import { n8nEnv } from './process';
import { startQueueServices, type QueueServices } from './services';
import { simulatorCredentials, startSimulators, type SimulatorOptions, type Simulators } from './simulators';
import { queueModeEnv, startStack, type N8nMode, type N8nStack } from './stack';

export interface E2eContext extends Simulators {
	mode: N8nMode;
	install: N8nInstall;
	folder: UserFolder;
	env: NodeJS.ProcessEnv;
	/** Redis and PostgreSQL, in queue mode. */
	services?: QueueServices;
	/** Per-file scratch directory inside the user folder. */
	work: string;
	/** Starts n8n for this context (once per file: it takes seconds); cleanup() stops it. */
	startStack(): Promise<N8nStack>;
	cleanup(): Promise<void>;
}

/** Where run.ts keeps this run's files: .tmp/e2e/<run id> (git-ignored). */
export function runDir(): string {
	const dir = process.env.N8N_E2E_RUN_DIR || path.join(REPO_ROOT, '.tmp', 'e2e', `adhoc-${process.pid}`);
	fs.mkdirSync(dir, { recursive: true });
	return dir;
}

export function n8nVersion(): string {
	return process.env.N8N_E2E_VERSION || DEFAULT_N8N_VERSION;
}

/** The tarball run.ts packed once per run; packs one when a test file is run on its own. */
export function tarball(): string {
	const packed = process.env.N8N_E2E_TARBALL;
	if (packed && fs.existsSync(packed)) return packed;
	return packPackage(path.join(runDir(), 'pack'));
}

export interface E2eOptions {
	/** Default regular. */
	mode?: N8nMode;
	/** Credentials to import beside the simulators' own. */
	credentials?: (sims: Simulators) => CredentialsFile;
	/** Options for the simulators, e.g. the documented rate limits. */
	simulators?: SimulatorOptions;
	/** Parent of the user folders and services; default runDir(). */
	dir?: string;
	/** The packed package; default tarball(). */
	tarball?: string;
}

export async function setupE2e(name: string, options: E2eOptions = {}): Promise<E2eContext> {
	const mode = options.mode ?? 'regular';
	const install = ensureN8n(n8nVersion());
	const dir = options.dir ?? runDir();
	const folder = createUserFolder(dir, name);
	const packed = options.tarball ?? tarball();
	installPackage(folder, packed, install.runtime);
	const services = mode === 'queue' ? await startQueueServices(path.join(dir, `${name}-services`)) : undefined;
	const sims = await startSimulators(options.simulators);
	let stack: N8nStack | undefined;
	const cleanup = async () => {
		await stack?.stop();
		await services?.stop();
		await sims.close();
	};
	try {
		const env = await n8nEnv(install, folder, services ? queueModeEnv(services) : {});
		const work = path.join(folder.root, 'e2e');
		fs.mkdirSync(work, { recursive: true });
		const credentials = [...simulatorCredentials(sims), ...(options.credentials?.(sims) ?? [])];
		await importCredentials(install, env, credentials, path.join(work, 'credentials.json'));
		return {
			...sims,
			mode,
			install,
			folder,
			env,
			services,
			work,
			startStack: async () => {
				stack = await startStack({ mode, install, folder, env, tarball: packed });
				return stack;
			},
			cleanup,
		};
	} catch (error) {
		await cleanup();
		throw error;
	}
}
