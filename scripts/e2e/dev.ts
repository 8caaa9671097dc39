/**
 * `npm run dev [-- --n8n=<version>] [-- --port=<port>]`: the simulators with seeded data and a real n8n
 * (the cached install) on 127.0.0.1 with this package loaded, credentials for the simulators, the
 * example workflows and an owner account. Open the printed URL, log in, drag the nodes in.
 * Ctrl-C stops everything. The user folder is fresh each time (under .tmp/dev, git-ignored).
 * After changing the nodes, stop and run `npm run dev` again: it rebuilds and reinstalls the package.
 */
import path from 'node:path';

import { startDevInstance } from '../../test/e2e/support/dev-instance';
import { DEFAULT_N8N_VERSION } from '../../test/e2e/support/install';
import { REPO_ROOT } from '../../test/e2e/support/paths';
import { log } from '../../test/e2e/support/shell';

async function main(): Promise<void> {
	let version = process.env.N8N_E2E_VERSION || DEFAULT_N8N_VERSION;
	let port: number | undefined;
	let echo = false;
	for (const arg of process.argv.slice(2)) {
		const [flag, value] = arg.split(/=(.*)/s, 2);
		if (flag === '--n8n' && value) version = value;
		else if (flag === '--port' && value) port = Number(value);
		else if (flag === '--verbose') echo = true;
		else throw new Error(`unknown option ${arg} (use --n8n=<version>, --port=<port>, --verbose)`);
	}

	const started = Date.now();
	const dev = await startDevInstance({ version, port, echo, log });
	let stopping = false;
	const stop = async (signal: string) => {
		if (stopping) return;
		stopping = true;
		log(`${signal}: stopping n8n and the simulators`);
		await dev.stop();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop('SIGINT'));
	process.on('SIGTERM', () => void stop('SIGTERM'));

	const bold = (text: string) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);
	const lines = [
		'',
		bold(
			`n8n ${dev.install.version} is ready (${((Date.now() - started) / 1000).toFixed(0)} s) with n8n-nodes-superoffice-autosend loaded`,
		),
		'',
		`  Editor:    ${bold(dev.server.url)}`,
		`  Login:     ${dev.owner.email} / ${dev.owner.password}`,
		'',
		'  Simulators (seeded; state lives until Ctrl-C):',
		`    SuperOffice WebAPI  ${dev.sims.so.webApiUrl}`,
		`    AutoSend API        ${dev.sims.as.baseUrl}`,
		'',
		'  Credentials already created for them:',
		...dev.credentials.map((c) => `    ${c.name.padEnd(30)} (${c.type})`),
		'',
		'  Example workflows imported from examples/:',
		...dev.workflows.map((w) => `    ${dev.server.url}/workflow/${w.id}  ${w.name}`),
		'',
		`  n8n user folder: ${path.relative(REPO_ROOT, dev.folder.root)} (log: n8n-start.log)`,
		'  Ctrl-C stops everything.',
		'',
	];
	process.stdout.write(`${lines.join('\n')}\n`);
	// The simulators and the n8n child keep the event loop alive until a signal arrives.
}

main().catch((error) => {
	log(String((error as Error).stack ?? error));
	process.exit(1);
});
