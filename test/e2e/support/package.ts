/**
 * This package as users install it into n8n: `npm pack` of the build, and a fresh N8N_USER_FOLDER with
 * the tarball installed the way n8n installs a community package (`npm install <tgz>` in
 * <folder>/.n8n/nodes, production dependencies only, no peer dependencies).
 */
import fs from 'node:fs';
import path from 'node:path';

import { runtimeEnv, type NodeRuntime } from './node-runtime';
import { PACKAGE_NAME, REPO_ROOT } from './paths';
import { sh } from './shell';

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
