/**
 * n8n's CLI commands the tests use: `import:credentials`, `import:workflow` and `execute --id --rawOutput`,
 * and reading an execution's node output (from the CLI's JSON, or from the REST API in queue mode).
 */
import fs from 'node:fs';

import type { N8nInstall } from './install';
import { runN8n, type CliResult } from './process';

/** Log level for CLI commands: `n8n execute` prints its result with logger.info, so "warn" would hide it. */
const CLI_LOG = { N8N_LOG_LEVEL: 'info' };

function cliFailure(what: string, result: CliResult): Error {
	return new Error(`${what} exited with ${result.code}:\n${result.stdout}\n${result.stderr}`.slice(0, 8000));
}

/** What `n8n import:credentials` reads: an array; a plain `data` object is encrypted on import. */
export type CredentialsFile = Array<{ id: string; name: string; type: string; data: object }>;

/** `n8n import:credentials --input=<file>` with plain data objects (n8n encrypts them on import). */
export async function importCredentials(
	install: N8nInstall,
	env: NodeJS.ProcessEnv,
	credentials: CredentialsFile,
	file: string,
): Promise<CliResult> {
	fs.writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
	const result = await runN8n(install, ['import:credentials', `--input=${file}`], { ...env, ...CLI_LOG });
	const reported = /Successfully imported (\d+) credential/.exec(result.stdout + result.stderr);
	if (result.code !== 0 || Number(reported?.[1]) !== credentials.length) {
		throw cliFailure(`n8n import:credentials (${credentials.length} expected)`, result);
	}
	return result;
}

/** `n8n import:workflow --separate --input=<dir>`: every *.json in dir; checks the count n8n reports. */
export async function importWorkflows(install: N8nInstall, env: NodeJS.ProcessEnv, dir: string): Promise<CliResult> {
	const expected = fs.readdirSync(dir).filter((name) => name.endsWith('.json')).length;
	const result = await runN8n(install, ['import:workflow', '--separate', `--input=${dir}`], { ...env, ...CLI_LOG });
	const reported = /Successfully imported (\d+) workflow/.exec(result.stdout + result.stderr);
	if (result.code !== 0 || Number(reported?.[1]) !== expected) {
		throw cliFailure(`n8n import:workflow (${expected} expected)`, result);
	}
	return result;
}

export interface NodeItem {
	json: Record<string, unknown>;
	pairedItem?: { item: number } | Array<{ item: number }>;
}

export interface NodeRun {
	executionStatus?: string;
	error?: { message?: string; description?: string; httpCode?: string };
	data?: { main: Array<NodeItem[] | null> };
}

/** The part of n8n's IRun the tests read. */
export interface ExecutionRun {
	status: string;
	finished?: boolean;
	mode: string;
	data: {
		resultData: {
			runData: Record<string, NodeRun[]>;
			error?: { message?: string; description?: string; node?: { name: string } };
			lastNodeExecuted?: string;
		};
	};
}

export interface ExecuteResult extends CliResult {
	/** The execution n8n printed (on success with --rawOutput; on failure in its "NOT successful" log). */
	run?: ExecutionRun;
}

/** The first top-level JSON object n8n printed: a line "{" up to the next line "}". */
export function parseExecution(output: string): ExecutionRun | undefined {
	const lines = output.split('\n');
	for (let start = lines.indexOf('{'); start >= 0; start = lines.indexOf('{', start + 1)) {
		const end = lines.indexOf('}', start);
		if (end < 0) return undefined;
		try {
			const parsed = JSON.parse(lines.slice(start, end + 1).join('\n')) as ExecutionRun;
			if (parsed?.data?.resultData) return parsed;
		} catch {
			// a log message that happened to be a brace; keep looking
		}
	}
	return undefined;
}

/**
 * `n8n execute --id <id> --rawOutput`; never throws on a failed execution, the test decides. It runs the
 * workflow in the CLI's own process, also in queue mode (n8n 2.41 logs "CLI command `execute` does not
 * support queue mode. Falling back to regular mode."), so queue-mode tests use runManually (rest.ts).
 */
export async function executeWorkflow(
	install: N8nInstall,
	env: NodeJS.ProcessEnv,
	workflowId: string,
): Promise<ExecuteResult> {
	const result = await runN8n(install, ['execute', `--id=${workflowId}`, '--rawOutput'], { ...env, ...CLI_LOG });
	return { ...result, run: parseExecution(result.stdout) ?? parseExecution(result.stderr) };
}

/** The json of every item a node put on its first output in its first run. */
export function nodeOutput(run: ExecutionRun | undefined, nodeName: string): Array<Record<string, unknown>> {
	return nodeItems(run, nodeName).map((item) => item.json);
}

export function nodeItems(run: ExecutionRun | undefined, nodeName: string): NodeItem[] {
	const runs = run?.data.resultData.runData[nodeName];
	if (!runs?.length) {
		const ran = Object.keys(run?.data.resultData.runData ?? {}).join(', ');
		throw new Error(`node "${nodeName}" did not run; nodes that ran: ${ran || 'none'}`);
	}
	return runs[0].data?.main[0] ?? [];
}
