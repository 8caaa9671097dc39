// An n8n process started afresh: the package's modules loaded anew, so nothing this process remembered in
// memory survives; what n8n keeps in its database (static data as stored, the processed-data store of the
// harness) does.
import type { ActiveTrigger, Harness, StartTriggerOptions } from '../harness';
import { postTo } from '../simulators/superoffice';

export interface RestartedProcess {
	harness: Harness;
	/** Stops the fresh copy's n8n-core timers, as shutdownHarness does for the first one. */
	shutdown: () => Promise<void>;
}

export function restartedProcess(): RestartedProcess {
	let fresh: RestartedProcess | undefined;
	jest.isolateModules(() => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { harness } = require('./package') as typeof import('./package');
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { shutdownHarness } = require('../harness') as typeof import('../harness');
		fresh = { harness, shutdown: shutdownHarness };
	});
	return fresh!;
}

/**
 * Stops the trigger's n8n, starts a fresh process with the same workflow and stored static data, and sends
 * a delivery again (as the sender retries it). Returns the answer and the runs the fresh process started.
 */
export async function sendAgainAfterRestart(
	before: ActiveTrigger,
	options: StartTriggerOptions,
	delivery: { rawBody: string; headers: Record<string, string> },
): Promise<{ status: number; runs: ActiveTrigger['executions'] }> {
	const staticData = before.staticData;
	await before.close();
	const restarted = restartedProcess();
	const trigger = await restarted.harness.startTrigger({ ...options, staticData });
	try {
		const { status } = await postTo(trigger.webhookUrl, delivery.rawBody, delivery.headers);
		return { status, runs: trigger.executions };
	} finally {
		await trigger.close();
		await restarted.shutdown();
	}
}
