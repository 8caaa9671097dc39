/**
 * Runs a saved workflow from its manual trigger, the way each execution mode allows:
 * - regular: `n8n execute --id … --rawOutput`, the CLI process runs it;
 * - queue: `n8n execute` would not use the workers (it falls back to regular mode), so the workflow is
 *   run through the REST API as the editor's "Execute workflow" button does, on a running main process
 *   with OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS=true, which puts it on the queue for a worker; the
 *   execution is then read back from the REST API.
 * Either way the result has the shape of `n8n execute`'s: exit code, output, and the execution.
 */
import type { E2eContext } from '.';
import { executeWorkflow, type ExecuteResult } from './cli';
import { runManually, setupOwner, waitForExecution, type Session } from './rest';
import type { N8nStack } from './stack';

export interface WorkflowRunner {
	execute(workflowId: string): Promise<ExecuteResult>;
	/** The ids of the executions run so far (queue mode; the CLI does not say). */
	readonly executionIds: string[];
	/** The running n8n, in queue mode. */
	readonly stack?: N8nStack;
	/** What the n8n processes printed (the CLI's output is in each result instead). */
	output(): string;
}

export async function workflowRunner(ctx: E2eContext): Promise<WorkflowRunner> {
	if (ctx.mode === 'regular') {
		return {
			execute: async (workflowId) => await executeWorkflow(ctx.install, ctx.env, workflowId),
			executionIds: [],
			output: () => '',
		};
	}
	const stack = await ctx.startStack();
	const session: Session = { url: stack.url, cookie: await setupOwner(stack) };
	const executionIds: string[] = [];
	return {
		stack,
		executionIds,
		output: () => stack.output(),
		execute: async (workflowId) => {
			const started = Date.now();
			const executionId = await runManually(session, workflowId);
			executionIds.push(executionId);
			const run = await waitForExecution(session, executionId);
			return {
				code: run.status === 'success' ? 0 : 1,
				stdout: JSON.stringify(run),
				// What the workers printed, for the tests that check what n8n logs about a run.
				stderr: stack.workerOutput(),
				seconds: (Date.now() - started) / 1000,
				run,
			};
		},
	};
}
