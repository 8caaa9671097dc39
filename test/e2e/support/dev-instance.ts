/**
 * A ready-to-use n8n for people and for the browser test: the cached n8n install, a fresh user folder
 * with the packed package, the simulators (seeded), credentials for them, the example workflows, and
 * an owner account. `npm run dev` prints how to log in; test/e2e/ui uses the same setup.
 */
import fs from 'node:fs';
import path from 'node:path';

import { importCredentials, importWorkflows } from './cli';
import { DEFAULT_N8N_VERSION, ensureN8n, type N8nInstall } from './install';
import { createUserFolder, installPackage, packPackage, type UserFolder } from './package';
import { REPO_ROOT } from './paths';
import { freePort, n8nEnv, startN8n, type N8nServer } from './process';
import { OWNER, setupOwner } from './rest';
import { simulatorCredentials, startSimulators, type Simulators } from './simulators';

export interface DevInstance {
	install: N8nInstall;
	folder: UserFolder;
	server: N8nServer;
	sims: Simulators;
	owner: typeof OWNER;
	credentials: Array<{ id: string; name: string; type: string }>;
	workflows: Array<{ id: string; name: string }>;
	stop(): Promise<void>;
}

export interface DevOptions {
	version?: string;
	/** Parent of the fresh user folder; default .tmp/dev. */
	parentDir?: string;
	/** Default: 5678 when free, else any free port. */
	port?: number;
	/** An already packed tarball (the tests pack once per run). */
	tarball?: string;
	echo?: boolean;
	log?: (message: string) => void;
}

/** Keeps the newest `keep` user folders of earlier runs (each holds a SQLite database and n8n's caches). */
function pruneOldFolders(parentDir: string, keep: number): void {
	if (!fs.existsSync(parentDir)) return;
	const folders = fs
		.readdirSync(parentDir)
		.filter((name) => name.startsWith('n8n-'))
		.map((name) => ({ name, mtime: fs.statSync(path.join(parentDir, name)).mtimeMs }))
		.sort((a, b) => b.mtime - a.mtime);
	for (const old of folders.slice(keep)) fs.rmSync(path.join(parentDir, old.name), { recursive: true, force: true });
}

async function portIsFree(port: number): Promise<boolean> {
	const net = await import('node:net');
	return await new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

export async function startDevInstance(options: DevOptions = {}): Promise<DevInstance> {
	const say = options.log ?? (() => undefined);
	const install = ensureN8n(options.version ?? DEFAULT_N8N_VERSION);
	const parentDir = options.parentDir ?? path.join(REPO_ROOT, '.tmp', 'dev');
	pruneOldFolders(parentDir, 3);
	const folder = createUserFolder(parentDir, 'n8n');
	say(`user folder ${path.relative(REPO_ROOT, folder.root)}`);
	installPackage(folder, options.tarball ?? packPackage(path.join(folder.root, 'pack')), install.runtime);
	const sims = await startSimulators();
	try {
		const env = await n8nEnv(install, folder);
		const credentials = simulatorCredentials(sims);
		say(`importing ${credentials.length} credentials and the example workflows`);
		await importCredentials(install, env, credentials, path.join(folder.root, 'dev-credentials.json'));
		const examples = path.join(REPO_ROOT, 'examples');
		await importWorkflows(install, env, examples);
		const workflows = fs
			.readdirSync(examples)
			.filter((name) => name.endsWith('.json'))
			.map((name) => JSON.parse(fs.readFileSync(path.join(examples, name), 'utf8')) as { id: string; name: string });

		const port = options.port ?? ((await portIsFree(5678)) ? 5678 : await freePort());
		say(`starting n8n ${install.version} on http://127.0.0.1:${port}`);
		const server = await startN8n(install, env, { port, echo: options.echo });
		try {
			await setupOwner(server);
		} catch (error) {
			await server.stop();
			throw error;
		}
		return {
			install,
			folder,
			server,
			sims,
			owner: OWNER,
			credentials: credentials.map(({ id, name, type }) => ({ id, name, type })),
			workflows: workflows.map(({ id, name }) => ({ id, name })),
			stop: async () => {
				await server.stop();
				await sims.close();
			},
		};
	} catch (error) {
		await sims.close();
		throw error;
	}
}
