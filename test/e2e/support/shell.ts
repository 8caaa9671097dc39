/** The e2e library's log line ("[e2e] …" on stderr) and a synchronous command runner for installs. */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';

export function log(message: string): void {
	process.stderr.write(`[e2e] ${message}\n`);
}

/** Runs a command and returns its stdout; throws with the tail of stderr (when quiet) on a non-zero exit. */
export function sh(command: string, args: string[], options: SpawnSyncOptions & { quiet?: boolean } = {}): string {
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
