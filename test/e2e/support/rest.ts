/**
 * n8n's REST API as the editor uses it: the owner account and its login cookie, activating (publishing)
 * and deactivating workflows, running one (on a worker in queue mode) and reading executions back.
 */
import type { ExecutionRun } from './cli';

/** Owner account the dev instance, the browser test and the e2e suites log in with (127.0.0.1 only). */
export const OWNER = {
	email: 'owner@example.com',
	firstName: 'Dev',
	lastName: 'Owner',
	password: 'E2e-Owner-Passw0rd',
};

/** Where an n8n answers, and the owner's auth cookie for it. */
export interface Session {
	url: string;
	cookie: string;
}

function authCookie(response: Response, what: string): string {
	const cookie = response.headers
		.getSetCookie()
		.map((header) => header.split(';')[0])
		.find((pair) => pair.startsWith('n8n-auth='));
	if (!cookie) throw new Error(`${what} set no n8n-auth cookie`);
	return cookie;
}

async function postForCookie(url: string, urlPath: string, body: unknown): Promise<string> {
	const response = await fetch(`${url}${urlPath}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'browser-id': 'e2e' },
		body: JSON.stringify(body),
	});
	if (!response.ok) throw new Error(`POST ${urlPath} answered ${response.status}: ${await response.text()}`);
	return authCookie(response, `POST ${urlPath}`);
}

/** Creates the instance owner (n8n 2.x needs one before the editor can be used); returns its auth cookie. */
export async function setupOwner(server: { url: string }): Promise<string> {
	return await postForCookie(server.url, '/rest/owner/setup', OWNER);
}

/** Logs the owner in again, e.g. after a restart (the owner exists already); returns its auth cookie. */
export async function login(server: { url: string }): Promise<string> {
	return await postForCookie(server.url, '/rest/login', { emailOrLdapLoginId: OWNER.email, password: OWNER.password });
}

/** GET with the owner's cookie; parses JSON. */
export async function getJson<T>(server: { url: string }, urlPath: string, cookie: string): Promise<T> {
	const response = await fetch(`${server.url}${urlPath}`, { headers: { cookie, 'browser-id': 'e2e' } });
	if (!response.ok) throw new Error(`GET ${urlPath} answered ${response.status}: ${await response.text()}`);
	return (await response.json()) as T;
}

/** POST JSON with the owner's cookie; parses the JSON answer. */
export async function postJson<T>(server: { url: string }, urlPath: string, cookie: string, body: unknown): Promise<T> {
	const response = await fetch(`${server.url}${urlPath}`, {
		method: 'POST',
		headers: { cookie, 'browser-id': 'e2e', 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	if (!response.ok) throw new Error(`POST ${urlPath} answered ${response.status}: ${await response.text()}`);
	return (await response.json()) as T;
}

/** Activates (publishes, as the editor's Publish button does) or deactivates a workflow. */
export async function setActive(session: Session, workflowId: string, active: boolean): Promise<void> {
	if (active) {
		const { data } = await getJson<{ data: { versionId: string } }>(
			session,
			`/rest/workflows/${workflowId}`,
			session.cookie,
		);
		await postJson(session, `/rest/workflows/${workflowId}/activate`, session.cookie, { versionId: data.versionId });
	} else {
		await postJson(session, `/rest/workflows/${workflowId}/deactivate`, session.cookie, {});
	}
}

/**
 * Runs a saved workflow from its manual trigger, as the editor's "Execute workflow" button does, and
 * returns the execution id. In queue mode with OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS=true the main process
 * puts it on the queue for a worker. n8n 2.41 reads the workflow from its database and ignores the
 * `workflowData` that older releases wanted in the body.
 */
export async function runManually(session: Session, workflowId: string): Promise<string> {
	const { data: workflowData } = await getJson<{ data: { nodes: Array<{ name: string; type: string }> } }>(
		session,
		`/rest/workflows/${workflowId}`,
		session.cookie,
	);
	const trigger = workflowData.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger');
	if (!trigger) throw new Error(`workflow ${workflowId} has no manual trigger to run it from`);
	const { data } = await postJson<{ data: { executionId?: string; waitingForWebhook?: boolean } }>(
		session,
		`/rest/workflows/${workflowId}/run`,
		session.cookie,
		{ workflowData, triggerToStartFrom: { name: trigger.name } },
	);
	if (!data.executionId) {
		throw new Error(`POST /rest/workflows/${workflowId}/run started nothing: ${JSON.stringify(data)}`);
	}
	return data.executionId;
}

/** One row of n8n's execution list. */
export interface ExecutionSummary {
	id: string;
	workflowId: string;
	mode: string;
	status: string;
	createdAt: string;
	startedAt: string | null;
	stoppedAt: string | null;
}

/**
 * Every execution of a workflow, newest first, paging through n8n's list (at most 100 per page). By id:
 * n8n lists running executions beside the finished ones, so one that finishes between two pages could be
 * listed twice.
 */
export async function listExecutions(session: Session, workflowId: string): Promise<ExecutionSummary[]> {
	const all = new Map<string, ExecutionSummary>();
	let cursor: string | undefined;
	do {
		const query = new URLSearchParams({ filter: JSON.stringify({ workflowId }), limit: '100' });
		if (cursor) query.set('cursor', cursor);
		const { data } = await getJson<{ data: { results: ExecutionSummary[]; nextCursor?: string | null } }>(
			session,
			`/rest/executions?${query.toString()}`,
			session.cookie,
		);
		for (const execution of data.results) all.set(execution.id, execution);
		cursor = data.results.length > 0 ? (data.nextCursor ?? undefined) : undefined;
	} while (cursor);
	return [...all.values()];
}

/**
 * How many executions match a filter (e.g. { workflowId, startedAfter, status }), from the exact `count` n8n
 * returns beside its first page. Reading every page can miss an execution: n8n's cursor skips one when two
 * executions share a timestamp at a page boundary (seen in 2.41.1 with 300 storm executions).
 */
export async function countExecutions(session: Session, filter: Record<string, unknown>): Promise<number> {
	const query = new URLSearchParams({ filter: JSON.stringify(filter), limit: '1' });
	const { data } = await getJson<{ data: { count: number; estimated?: boolean } }>(
		session,
		`/rest/executions?${query.toString()}`,
		session.cookie,
	);
	return data.count;
}

function isConnectionReset(error: unknown): boolean {
	const cause = (error as { cause?: { code?: string } }).cause;
	return error instanceof TypeError && ['ECONNRESET', 'UND_ERR_SOCKET'].includes(cause?.code ?? '');
}

/** Statuses after which an execution changes no more. */
export const FINISHED_STATUSES = new Set(['success', 'error', 'crashed', 'canceled']);

/** Waits until the execution finished and returns it as `n8n execute --rawOutput` prints one. */
export async function waitForExecution(
	session: Session,
	executionId: string,
	timeoutMs = 120_000,
): Promise<ExecutionRun> {
	const deadline = Date.now() + timeoutMs;
	let resets = 0;
	for (;;) {
		let data: { status: string; finished: boolean; mode: string; data: string };
		try {
			({ data } = await getJson<{ data: typeof data }>(session, `/rest/executions/${executionId}`, session.cookie));
			resets = 0;
		} catch (error) {
			// A busy n8n may close an idle keep-alive connection just as the next poll reuses it; the poll only
			// reads, so ask again (a few times in a row at most: n8n gone is an error).
			if (!isConnectionReset(error) || ++resets > 3) throw error;
			continue;
		}
		if (FINISHED_STATUSES.has(data.status)) {
			return {
				status: data.status,
				finished: data.finished,
				mode: data.mode,
				data: unflatten(data.data),
			} as ExecutionRun;
		}
		if (Date.now() > deadline)
			throw new Error(`execution ${executionId} still ${data.status} after ${timeoutMs / 1000} s`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/**
 * The names of the nodes that ran in a finished execution. A trigger that recognises a repeated delivery
 * lets nothing through: n8n records the execution, but only the trigger ran in it.
 */
export async function nodesThatRan(session: Session, executionId: string): Promise<string[]> {
	const run = await waitForExecution(session, executionId);
	return Object.keys(run.data.resultData.runData);
}

/** Executions of a workflow in which more than its trigger ran: the runs that did something. */
export async function workflowRuns(session: Session, executions: ExecutionSummary[]): Promise<ExecutionSummary[]> {
	const ran = await Promise.all(executions.map(async (e) => (await nodesThatRan(session, e.id)).length > 1));
	return executions.filter((_, index) => ran[index]);
}

/**
 * Reads the `flatted` format n8n stores execution data in: a JSON array whose first entry is the root;
 * inside objects and arrays every string is the index of another entry (strings themselves are entries).
 */
export function unflatten(text: string): unknown {
	const entries = JSON.parse(text) as unknown[];
	const revived = new Map<number, unknown>();
	const revive = (index: number): unknown => {
		if (revived.has(index)) return revived.get(index);
		const entry = entries[index];
		if (typeof entry !== 'object' || entry === null) return entry;
		const copy: Record<string, unknown> | unknown[] = Array.isArray(entry) ? [] : {};
		revived.set(index, copy);
		for (const [key, value] of Object.entries(entry)) {
			(copy as Record<string, unknown>)[key] = typeof value === 'string' ? revive(Number(value)) : value;
		}
		return copy;
	};
	return revive(0);
}
