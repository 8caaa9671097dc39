/**
 * Where the e2e library finds things: the repository, the package's name, the cache outside the
 * repository that holds n8n installs and the Node.js they need, and the run folders under .tmp/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const PACKAGE_NAME = 'n8n-nodes-superoffice-autosend';
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** N8N_E2E_CACHE, default ~/.cache/n8n-nodes-superoffice-autosend; keyed by version inside. */
export function cacheRoot(): string {
	return process.env.N8N_E2E_CACHE || path.join(os.homedir(), '.cache', PACKAGE_NAME);
}

/** Keeps the newest `keep` run folders (named by their ISO start time) under root; each holds n8n user folders. */
export function pruneOldRuns(root: string, keep: number): void {
	const runs = fs
		.readdirSync(root)
		.filter((name) => /^\d{4}-/.test(name))
		.sort()
		.reverse();
	for (const old of runs.slice(keep)) fs.rmSync(path.join(root, old), { recursive: true, force: true });
}
