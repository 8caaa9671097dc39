/**
 * What an e2e file that runs operation workflows needs, once: n8n with the package and the simulators, the
 * file's workflows imported, and `execute`, which runs one workflow, fails loudly unless it succeeded, and
 * returns what the chosen simulator received meanwhile. Registers its own beforeAll/afterAll.
 */
import fs from 'node:fs';
import path from 'node:path';

import type { RecordedRequest } from '../../simulators';
import type { WorkflowFile } from '../workflows';
import { setupE2e, type E2eContext } from '.';
import { importWorkflows, type ExecuteResult } from './cli';
import { workflowRunner, type WorkflowRunner } from './runner';

export interface OperationWorkflows {
	/** The e2e context, once beforeAll has run. */
	readonly ctx: E2eContext;
	execute(workflowId: string): Promise<{ result: ExecuteResult; requests: RecordedRequest[] }>;
}

export function useOperationWorkflows(
	name: string,
	simulator: 'so' | 'as',
	workflows: () => WorkflowFile[],
	seed: (ctx: E2eContext) => void = () => undefined,
): OperationWorkflows {
	let ctx: E2eContext | undefined;
	let runner: WorkflowRunner;

	beforeAll(async () => {
		ctx = await setupE2e(name);
		seed(ctx);
		const folder = path.join(ctx.work, 'workflows');
		fs.mkdirSync(folder, { recursive: true });
		for (const wf of workflows()) fs.writeFileSync(path.join(folder, `${wf.id}.json`), JSON.stringify(wf, null, 2));
		await importWorkflows(ctx.install, ctx.env, folder);
		runner = await workflowRunner(ctx);
	}, 600_000);

	afterAll(async () => {
		await ctx?.cleanup();
	});

	return {
		get ctx() {
			if (!ctx) throw new Error('the e2e context is set up in beforeAll');
			return ctx;
		},
		async execute(workflowId) {
			const sim = this.ctx[simulator];
			const before = sim.requests.length;
			const result = await runner.execute(workflowId);
			if (result.code !== 0 || result.run?.status !== 'success') {
				throw new Error(`execution failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
			}
			return { result, requests: sim.requests.slice(before) };
		},
	};
}
