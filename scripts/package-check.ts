// `npm run check:package` (CI): packs the package as npm publishes it and checks the tarball the way
// n8n and its scanner see it, then loads every node and credential with only n8n-workflow installed.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '..');
/** The packed size we allow ourselves; n8n's guidance is "well under 200 KB". */
export const PACKED_BUDGET_BYTES = 150 * 1024;

interface PackResult {
	filename: string;
	size: number;
	files: Array<{ path: string }>;
}

/** Packs the built package and unpacks it, with only n8n-workflow beside it, in a folder outside the repo. */
export function packAndInstall(): { pack: PackResult; packageDir: string; cleanup: () => void } {
	const work = mkdtempSync(join(tmpdir(), 'n8n-nodes-pack-'));
	const [pack] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
			cwd: ROOT,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
		}),
	) as PackResult[];
	const modules = join(work, 'node_modules');
	mkdirSync(modules);
	execFileSync('tar', ['-xzf', join(work, pack.filename), '-C', work]);
	const packageDir = join(modules, 'n8n-nodes-superoffice-autosend');
	cpSync(join(work, 'package'), packageDir, { recursive: true });
	// The peer dependency n8n provides; nothing else (no n8n-core) can be resolved from here.
	symlinkSync(dirname(require.resolve('n8n-workflow/package.json')), join(modules, 'n8n-workflow'), 'dir');
	return { pack, packageDir, cleanup: () => rmSync(work, { recursive: true, force: true }) };
}

/**
 * Loads every node and credential of the installed package in a fresh Node process, n8n-workflow
 * already loaded (as it is inside n8n), and returns how long our own modules took, in ms.
 */
export function measureLoad(packageDir: string): { ms: number; loaded: string[]; n8nCoreResolvable: boolean } {
	const script = `
		const { join } = require('node:path');
		const pkg = require(join(${JSON.stringify(packageDir)}, 'package.json'));
		require(require.resolve('n8n-workflow', { paths: [${JSON.stringify(packageDir)}] }));
		let n8nCoreResolvable = true;
		try { require.resolve('n8n-core', { paths: [${JSON.stringify(packageDir)}] }); } catch { n8nCoreResolvable = false; }
		const loaded = [];
		const started = process.hrtime.bigint();
		for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
			const exported = require(join(${JSON.stringify(packageDir)}, file));
			for (const Class of Object.values(exported)) {
				const instance = new Class();
				loaded.push(instance.description ? instance.description.name : instance.name);
			}
		}
		const ms = Number(process.hrtime.bigint() - started) / 1e6;
		process.stdout.write(JSON.stringify({ ms, loaded, n8nCoreResolvable }));
	`;
	return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: tmpdir(), encoding: 'utf8' }));
}

function iconFiles(packageDir: string, file: string, description: { icon?: unknown }): string[] {
	const icon = description.icon as string | { light: string; dark: string } | undefined;
	const paths = typeof icon === 'string' ? [icon] : icon ? [icon.light, icon.dark] : [];
	return paths.map((path) => join(packageDir, dirname(file), path.replace(/^file:/, '')));
}

function main() {
	const problems: string[] = [];
	const check = (ok: boolean, problem: string) => {
		if (!ok) problems.push(problem);
	};
	const { pack, packageDir, cleanup } = packAndInstall();
	try {
		const files = pack.files.map((f) => f.path);
		const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));

		check(pkg.dependencies === undefined, 'package.json has runtime dependencies');
		check(pack.size <= PACKED_BUDGET_BYTES, `packed size ${pack.size} B is over the ${PACKED_BUDGET_BYTES} B budget`);
		for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials])
			check(files.includes(file), `${file} (package.json n8n section) is not in the tarball`);
		for (const file of files) {
			check(
				!/^(test|scripts|nodes|credentials|examples)\//.test(file),
				`${file}: sources, tests or scripts are shipped`,
			);
			check(!/\.ts$/.test(file) || /\.d\.ts$/.test(file), `${file}: TypeScript source is shipped`);
			check(!/(^|\/)(\.env|\.npmrc|.*\.pem|.*\.key|.*\.tsbuildinfo)$/.test(file), `${file} must not be shipped`);
		}

		const load = measureLoad(packageDir);
		check(!load.n8nCoreResolvable, 'n8n-core is resolvable from the installed package: the load check proves nothing');
		for (const file of pkg.n8n.nodes as string[]) {
			const exported = require(join(packageDir, file));
			for (const Class of Object.values(exported) as Array<new () => { description: { icon?: unknown } }>) {
				for (const icon of iconFiles(packageDir, file, new Class().description))
					check(existsSync(icon), `${file}: icon ${icon} is missing`);
			}
		}
		for (const file of pkg.n8n.credentials as string[]) {
			const exported = require(join(packageDir, file));
			for (const Class of Object.values(exported) as Array<new () => { icon?: unknown }>) {
				for (const icon of iconFiles(packageDir, file, new Class()))
					check(existsSync(icon), `${file}: icon ${icon} is missing`);
			}
		}

		console.log(
			`tarball: ${pack.filename}, ${(pack.size / 1024).toFixed(1)} KB packed (budget ${PACKED_BUDGET_BYTES / 1024} KB), ${files.length} files`,
		);
		console.log(`loaded with only n8n-workflow installed: ${load.loaded.join(', ')} in ${load.ms.toFixed(1)} ms`);
		if (problems.length > 0) {
			console.error(`package check failed:\n- ${problems.join('\n- ')}`);
			process.exitCode = 1;
		} else {
			console.log('package check passed');
		}
	} finally {
		cleanup();
	}
}

if (require.main === module) main();
