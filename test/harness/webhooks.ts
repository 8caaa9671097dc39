/**
 * Runs a webhook trigger node the way an n8n instance does, through n8n-core:
 * - activation and deactivation call the node's webhookMethods through n8n-core's `HookContext`, in the
 *   order of the CLI's WebhookService (checkExists, then create when it answered false; delete);
 * - a real HTTP server on 127.0.0.1 serves the production webhook URL, builds the request as n8n's
 *   webhook server does (lower-case headers, parsed JSON body, `rawBody` Buffer), runs the node's
 *   `webhook()` through n8n-core's `WebhookContext`, answers as the CLI's executeWebhook does
 *   (`noWebhookResponse`, `webhookResponse`, "Webhook call received", "Workflow was started") and
 *   starts a real `WorkflowExecute` run with the items the node returned;
 * - workflow static data lives in a stand-in for the database: every step loads it into a fresh
 *   `Workflow`, and it is saved back only when n8n (2.41) would save it, and only when it changed: after
 *   activation and deactivation; after a webhook call that started no run (when webhook() starts a run,
 *   n8n 2.41's WorkflowRunner builds a second Workflow on the same static data, which resets its change
 *   flag, so what webhook() wrote is dropped); and at the end of a run, what the run itself wrote. So a
 *   webhook call that arrives while `create()` is still running sees the static data as it was before
 *   activation, as in n8n;
 * - n8n's processed-data store (the deduplication helpers) is the stand-in in ./deduplication.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { ExecutionLifecycleHooks, HookContext, WebhookContext, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WebhookSetupMethodNames,
	WorkflowActivateMode,
} from 'n8n-workflow';
import { createDeferredPromise, createRunExecutionData, Workflow } from 'n8n-workflow';

import { HarnessCredentialsHelper } from './credentials-helper';
import { provideDeduplication } from './deduplication';
import type { HarnessNodeTypes } from './harness';

export interface StartTriggerOptions {
	/** Key in HarnessOptions.nodeTypes, e.g. 'superOfficeTrigger'. */
	nodeType: string;
	parameters: INodeParameters;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	typeVersion?: number;
	/** The workflow's static data as stored before activation, e.g. from an earlier activation. */
	staticData?: IDataObject;
	workflowId?: string;
	workflowName?: string;
}

/** One request the webhook URL received, and what n8n answered. */
export interface WebhookCall {
	method: string;
	headers: Record<string, string>;
	rawBody: string;
	status: number;
	responseBody: string;
	/** Whether a workflow run was started. */
	started: boolean;
}

export interface ActiveTrigger {
	/** The production webhook URL n8n hands the node (getNodeWebhookUrl('default')). */
	readonly webhookUrl: string;
	/** The workflow's static data as the database holds it now. */
	readonly staticData: IDataObject;
	/** The node's part of it (getWorkflowStaticData('node')). */
	readonly nodeStaticData: IDataObject;
	readonly calls: WebhookCall[];
	/** The trigger's output items, one array per workflow run started (empty when the trigger let nothing through). */
	readonly executions: INodeExecutionData[][];
	/** Errors thrown by webhook(); n8n answers those with 500. */
	readonly webhookErrors: Error[];
	readonly credentialsHelper: HarnessCredentialsHelper;
	checkExists(): Promise<boolean>;
	create(): Promise<boolean>;
	delete(): Promise<boolean>;
	/** As WebhookService.createWebhookIfNotExists on activation: checkExists, then create if needed. */
	activate(activation?: WorkflowActivateMode): Promise<void>;
	/** As ActiveWorkflowManager.clearWebhooks on deactivation: delete. */
	deactivate(): Promise<void>;
	close(): Promise<void>;
}

export interface TriggerDeps {
	nodeTypes: HarnessNodeTypes;
	nodeType: INodeType;
	typeName: string;
	typeVersion: number;
	credentialsHelper: HarnessCredentialsHelper;
	nodeCredentials: INode['credentials'];
	createAdditionalData: (extra: Partial<IWorkflowExecuteAdditionalData>) => IWorkflowExecuteAdditionalData;
}

const NODE_NAME = 'Trigger';

/** What express hands a node as the response object; only what trigger nodes use. */
class HarnessResponse {
	statusCode = 200;

	constructor(private readonly res: ServerResponse) {}

	get headersSent(): boolean {
		return this.res.headersSent;
	}

	get writableEnded(): boolean {
		return this.res.writableEnded;
	}

	status(code: number): this {
		this.statusCode = code;
		return this;
	}

	setHeader(name: string, value: string): this {
		this.res.setHeader(name, value);
		return this;
	}

	header(name: string, value: string): this {
		return this.setHeader(name, value);
	}

	set(name: string, value: string): this {
		return this.setHeader(name, value);
	}

	json(body: unknown): this {
		if (!this.res.headersSent) this.res.setHeader('content-type', 'application/json; charset=utf-8');
		return this.send(JSON.stringify(body));
	}

	send(body?: unknown): this {
		if (this.res.writableEnded) return this;
		if (body !== undefined && typeof body === 'object' && !Buffer.isBuffer(body)) return this.json(body);
		if (!this.res.headersSent) {
			if (!this.res.hasHeader('content-type')) this.res.setHeader('content-type', 'text/html; charset=utf-8');
			this.res.statusCode = this.statusCode;
		}
		this.res.end(body === undefined ? '' : (body as string | Buffer));
		return this;
	}

	end(body?: string | Buffer): this {
		if (this.res.writableEnded) return this;
		if (!this.res.headersSent) this.res.statusCode = this.statusCode;
		this.res.end(body ?? '');
		return this;
	}
}

function readRaw(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

function plainHeaders(req: IncomingMessage): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(req.headers)) {
		if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
	}
	return headers;
}

/** The database copy: plain JSON, without ObservableObject's change flag. */
function toStored(staticData: IDataObject): IDataObject {
	return JSON.parse(JSON.stringify(staticData ?? {})) as IDataObject;
}

export async function startTrigger(deps: TriggerDeps, o: StartTriggerOptions): Promise<ActiveTrigger> {
	const { nodeType } = deps;
	const description = nodeType.description.webhooks?.[0] as IWebhookDescription | undefined;
	if (!description) throw new Error(`${deps.typeName} declares no webhooks`);
	if (typeof nodeType.webhook !== 'function') throw new Error(`${deps.typeName} has no webhook()`);

	const workflowId = o.workflowId ?? 'harness-trigger-workflow';
	const node: INode = {
		id: 'trigger-under-test',
		name: NODE_NAME,
		type: deps.typeName,
		typeVersion: deps.typeVersion,
		position: [0, 0],
		parameters: o.parameters,
		credentials: deps.nodeCredentials,
		// The editor gives every node with webhooks a webhookId; the URL path starts with it.
		webhookId: randomUUID(),
	};
	let stored: IDataObject = toStored(o.staticData ?? {});

	const sockets = new Set<Socket>();
	const server: Server = createServer((req, res) => {
		handle(req, res).catch((error: Error) => {
			if (!res.headersSent) {
				res.statusCode = 500;
				res.end(JSON.stringify({ message: `Harness error: ${error.message}` }));
			}
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const webhookBaseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;

	/** A Workflow as n8n builds it from the database row, with the stored static data. */
	function loadWorkflow(): Workflow {
		// The Workflow constructor fills in parameter defaults, as for a stored workflow.
		return new Workflow({
			id: workflowId,
			name: o.workflowName ?? 'Harness trigger workflow',
			nodes: [{ ...node, parameters: structuredClone(o.parameters) }],
			connections: {},
			active: true,
			nodeTypes: deps.nodeTypes,
			staticData: toStored(stored),
			settings: { executionOrder: 'v1' },
		});
	}

	/** WorkflowStaticDataService.saveStaticData: only when something was written. */
	function saveIfChanged(workflow: Workflow): void {
		if (workflow.staticData.__dataChanged === true) stored = toStored(workflow.staticData);
	}

	function webhookData(additionalData: IWorkflowExecuteAdditionalData): IWebhookData {
		return {
			httpMethod: description!.httpMethod as IWebhookData['httpMethod'],
			node: NODE_NAME,
			path: `${node.webhookId}/${String(description!.path)}`,
			webhookDescription: description!,
			workflowId,
			workflowExecuteAdditionalData: additionalData,
			webhookId: node.webhookId,
		};
	}

	async function runHook(
		workflow: Workflow,
		method: WebhookSetupMethodNames,
		mode: 'trigger' | 'internal',
		activation: WorkflowActivateMode,
	): Promise<boolean> {
		const additionalData = deps.createAdditionalData({ webhookBaseUrl });
		const fn = nodeType.webhookMethods?.[description!.name]?.[method];
		if (fn === undefined) throw new Error(`${deps.typeName} has no webhookMethods.${description!.name}.${method}`);
		const context = new HookContext(
			workflow,
			workflow.getNode(NODE_NAME)!,
			additionalData,
			mode,
			activation,
			webhookData(additionalData),
		);
		return (await fn.call(context)) as boolean;
	}

	const calls: WebhookCall[] = [];
	const executions: INodeExecutionData[][] = [];
	const webhookErrors: Error[] = [];
	const expectedPath = `/webhook/${node.webhookId}/${String(description.path)}`;

	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const raw = await readRaw(req);
		const headers = plainHeaders(req);
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const call: WebhookCall = {
			method: req.method ?? 'GET',
			headers,
			rawBody: raw.toString('utf8'),
			status: 0,
			responseBody: '',
			started: false,
		};
		calls.push(call);
		const originalEnd = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
		res.end = ((chunk?: unknown) => {
			call.status = res.statusCode;
			if (chunk !== undefined && chunk !== null)
				call.responseBody += Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk);
			return originalEnd(chunk);
		}) as ServerResponse['end'];
		const answer = (status: number, body: unknown) => {
			res.statusCode = status;
			res.setHeader('content-type', 'application/json; charset=utf-8');
			res.end(JSON.stringify(body));
		};

		if (url.pathname.replace(/\/$/, '') !== expectedPath || req.method !== description!.httpMethod) {
			answer(404, { code: 404, message: `The requested webhook "${req.method} ${url.pathname}" is not registered.` });
			return;
		}
		// n8n's parseBody: JSON by content type, the raw bytes kept for signature checks.
		let body: unknown = {};
		if ((headers['content-type'] ?? '').toLowerCase().includes('json') && raw.length > 0) {
			try {
				body = JSON.parse(raw.toString('utf8'));
			} catch {
				answer(422, { code: 422, message: 'Failed to parse request body' });
				return;
			}
		}
		const request = {
			method: req.method,
			url: req.url,
			path: url.pathname,
			headers,
			body,
			rawBody: raw,
			query: Object.fromEntries(url.searchParams),
			params: {},
			contentType: (headers['content-type'] ?? '').split(';')[0].trim(),
		};
		const response = new HarnessResponse(res);

		const workflow = loadWorkflow();
		const startNode = workflow.getNode(NODE_NAME)!;
		await provideDeduplication();
		const additionalData = deps.createAdditionalData({
			webhookBaseUrl,
			executionId: `harness-webhook-${calls.length}`,
			httpRequest: request as unknown as IWorkflowExecuteAdditionalData['httpRequest'],
			httpResponse: response as unknown as IWorkflowExecuteAdditionalData['httpResponse'],
		});
		let result: IWebhookResponseData;
		try {
			const context = new WebhookContext(
				workflow,
				startNode,
				additionalData,
				'webhook',
				webhookData(additionalData),
				[],
				null,
			);
			result = (await nodeType.webhook!.call(context)) as IWebhookResponseData;
		} catch (error) {
			webhookErrors.push(error as Error);
			answer(500, { code: 0, message: 'Workflow Webhook Error: Workflow could not be started!' });
			saveIfChanged(workflow);
			return;
		}

		if (result.workflowData === undefined) {
			if (result.noWebhookResponse !== true && !res.writableEnded) {
				answer(
					200,
					result.webhookResponse !== undefined ? result.webhookResponse : { message: 'Webhook call received' },
				);
			}
			saveIfChanged(workflow);
			return;
		}

		// A real run from the trigger's items (n8n's prepareExecutionData + WorkflowRunner), on the static
		// data loaded afresh, without what webhook() wrote (see above). The answer waits for the run, so
		// that a test sees it when the sender's request resolves.
		call.started = true;
		const runWorkflow = loadWorkflow();
		const workflowBase: IWorkflowBase = {
			id: workflowId,
			name: workflow.name ?? '',
			active: true,
			isArchived: false,
			activeVersionId: null,
			createdAt: new Date(),
			updatedAt: new Date(),
			nodes: Object.values(workflow.nodes),
			connections: {},
			settings: { executionOrder: 'v1' },
		};
		const hooks = new ExecutionLifecycleHooks('webhook', additionalData.executionId!, workflowBase);
		const finished = createDeferredPromise<void>();
		hooks.addHandler('workflowExecuteAfter', () => finished.resolve());
		additionalData.hooks = hooks;
		const runExecutionData = createRunExecutionData({
			executionData: {
				nodeExecutionStack: [
					{ node: runWorkflow.getNode(NODE_NAME)!, data: { main: result.workflowData }, source: null },
				],
			},
		});
		const run = await new WorkflowExecute(additionalData, 'webhook', runExecutionData).processRunExecutionData(
			runWorkflow,
		);
		await finished.promise;
		executions.push(run.data.resultData.runData[NODE_NAME]?.[0]?.data?.main?.[0] ?? []);
		if (result.noWebhookResponse !== true && !res.writableEnded) answer(200, { message: 'Workflow was started' });
		saveIfChanged(runWorkflow);
	}

	const trigger: ActiveTrigger = {
		webhookUrl: `${webhookBaseUrl}/${node.webhookId}/${String(description.path)}`,
		get staticData() {
			return toStored(stored);
		},
		get nodeStaticData() {
			return (toStored(stored)[`node:${NODE_NAME}`] ?? {}) as IDataObject;
		},
		calls,
		executions,
		webhookErrors,
		credentialsHelper: deps.credentialsHelper,
		async checkExists() {
			const workflow = loadWorkflow();
			const exists = await runHook(workflow, 'checkExists', 'trigger', 'activate');
			saveIfChanged(workflow);
			return exists;
		},
		async create() {
			const workflow = loadWorkflow();
			const created = await runHook(workflow, 'create', 'trigger', 'activate');
			saveIfChanged(workflow);
			return created;
		},
		async delete() {
			const workflow = loadWorkflow();
			const deleted = await runHook(workflow, 'delete', 'internal', 'update');
			saveIfChanged(workflow);
			return deleted;
		},
		async activate(activation: WorkflowActivateMode = 'activate') {
			// One Workflow for both calls, saved once afterwards, as ActiveWorkflowManager.addWebhooks.
			const workflow = loadWorkflow();
			if (!(await runHook(workflow, 'checkExists', 'trigger', activation))) {
				await runHook(workflow, 'create', 'trigger', activation);
			}
			saveIfChanged(workflow);
		},
		async deactivate() {
			await trigger.delete();
		},
		async close() {
			const closed = new Promise<void>((resolve) => server.close(() => resolve()));
			for (const socket of sockets) socket.destroy();
			await closed;
		},
	};
	return trigger;
}
