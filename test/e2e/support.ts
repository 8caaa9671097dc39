/**
 * Setup shared by the e2e test files: the n8n that `npm run test:e2e` installed (N8N_E2E_VERSION), a
 * fresh user folder with the packed package installed as a community package, the simulators, and
 * the credentials for them imported with `n8n import:credentials`.
 */
import fs from 'node:fs';
import path from 'node:path';

import {
	createUserFolder,
	DEFAULT_N8N_VERSION,
	ensureN8n,
	importCredentials,
	installPackage,
	n8nEnv,
	packPackage,
	REPO_ROOT,
	type CredentialsFile,
	type N8nInstall,
	type UserFolder,
} from '../../scripts/e2e/n8n';
import { simulatorCredentials, startSimulators, type Simulators } from '../../scripts/e2e/simulators';

export interface E2eContext extends Simulators {
	install: N8nInstall;
	folder: UserFolder;
	env: NodeJS.ProcessEnv;
	/** Per-file scratch directory inside the user folder. */
	work: string;
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
function tarball(): string {
	const packed = process.env.N8N_E2E_TARBALL;
	if (packed && fs.existsSync(packed)) return packed;
	return packPackage(path.join(runDir(), 'pack'));
}

export async function setupE2e(
	name: string,
	extraCredentials: (sims: Simulators) => CredentialsFile = () => [],
): Promise<E2eContext> {
	const install = ensureN8n(n8nVersion());
	const folder = createUserFolder(runDir(), name);
	installPackage(folder, tarball(), install.runtime);
	const sims = await startSimulators();
	try {
		const env = await n8nEnv(install, folder);
		const work = path.join(folder.root, 'e2e');
		fs.mkdirSync(work, { recursive: true });
		await importCredentials(
			install,
			env,
			[...simulatorCredentials(sims), ...extraCredentials(sims)],
			path.join(work, 'credentials.json'),
		);
		return { ...sims, install, folder, env, work, cleanup: sims.close };
	} catch (error) {
		await sims.close();
		throw error;
	}
}
