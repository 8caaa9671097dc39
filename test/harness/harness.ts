/**
 * Runs a package's real node and credential classes through n8n-core, the way an n8n instance does:
 * - runNode: a real `WorkflowExecute` run (start node -> node under test), so `this.helpers.*`
 *   are n8n-core's own helpers and requests go out through axios;
 * - listSearch / loadOptions: n8n-core's `LoadOptionsContext`, as the CLI's DynamicNodeParametersService;
 * - testCredential: a credential's `test` request through n8n-core's `RoutingNode`, as the CLI's
 *   CredentialsTester.
 * Credentials are applied by HarnessCredentialsHelper, a stand-in for the CLI's CredentialsHelper.
 * Nothing is mocked: point the credential's URL at an `http.createServer` on 127.0.0.1.
 */
import { rmSync } from 'fs';

import { Container } from '@n8n/di';
import {
	CredentialTestContext,
	ExecuteContext,
	ExecutionLifecycleHooks,
	ExternalSecretsProxy,
	LoadOptionsContext,
	RoutingNode,
	WorkflowExecute,
	WorkflowHasIssuesError,
} from 'n8n-core';
// Not re-exported by n8n-core's index; it owns the 60 s interval that keeps jest alive.
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';
import type {
	ExecutionError,
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunction,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IExecuteData,
	IExecuteFunctions,
	INode,
	INodeCredentialTestResult,
	INodeCredentials,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
	INodeType,
	INodeTypes,
	IRun,
	IRunData,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import {
	createDeferredPromise,
	createEmptyRunExecutionData,
	ExpressionError,
	NodeApiError,
	NodeHelpers,
	NodeOperationError,
	NodeSslError,
	Workflow,
} from 'n8n-workflow';

import { HarnessCredentialsHelper } from './credentials-helper';
import { connectOAuth2, type ConnectedOAuth2 } from './oauth2';
import { startTrigger, type ActiveTrigger, type StartTriggerOptions } from './webhooks';

export interface HarnessOptions {
	nodeTypes: Record<string, INodeType | IVersionedNodeType>;
	credentialTypes: ICredentialType[];
	/**
	 * e.g. 'n8n-nodes-superoffice-autosend': node types are then registered as
	 * `${packageName}.${key}`, as n8n's loader names community nodes. Default: the plain keys.
	 */
	packageName?: string;
}

export interface RunNodeOptions {
	/** Key in HarnessOptions.nodeTypes, e.g. 'superOffice'. */
	nodeType: string;
	parameters: INodeParameters;
	/** Credential type name -> data, e.g. { superOfficeApi: { webApiUrl: ... } }. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** The json of the input items; default one empty item. */
	items?: IDataObject[];
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	typeVersion?: number;
	/** Cancels the execution when aborted, as n8n does when a user stops it. */
	cancel?: AbortSignal;
	/**
	 * The credentials as n8n's database holds them, shared by concurrent runs (e.g. an OAuth2 token one run
	 * refreshed is what the next run reads); from harness.credentialStore(). Default: a store for this run.
	 */
	credentialStore?: HarnessCredentialsHelper;
}

export interface RunNodeResult {
	/** Main output 0 of the node under test (empty if it threw). */
	items: INodeExecutionData[];
	/** Output 1, filled when onError is continueErrorOutput. */
	errorItems: INodeExecutionData[];
	/**
	 * The error the node threw (NodeApiError / NodeOperationError, prototype restored), also when
	 * an onError "continue" setting let the run go on. Falls back to a workflow-level error.
	 */
	error?: Error & Record<string, unknown>;
	runData: IRunData;
	/**
	 * A credential's data after the run, e.g. with an OAuth2 token n8n-core refreshed and saved. A
	 * function, so that serialising the result (to check that no secret leaked) leaves it out.
	 */
	storedCredential: (type: string) => ICredentialDataDecryptedObject | undefined;
}

export interface ListSearchOptions {
	nodeType: string;
	method: string;
	parameters?: INodeParameters;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	filter?: string;
	paginationToken?: string;
	typeVersion?: number;
	/** The parameter path the editor would send, for `&sibling` lookups; default 'parameters'. */
	path?: string;
}

export type LoadOptionsOptions = Omit<ListSearchOptions, 'filter' | 'paginationToken'>;

export interface Harness {
	runNode(options: RunNodeOptions): Promise<RunNodeResult>;
	listSearch(options: ListSearchOptions): Promise<INodeListSearchResult>;
	loadOptions(options: LoadOptionsOptions): Promise<INodePropertyOptions[]>;
	testCredential(credentialType: string, data: ICredentialDataDecryptedObject): Promise<INodeCredentialTestResult>;
	/** Credentials held once for several runs, as n8n's database holds them (see RunNodeOptions.credentialStore). */
	credentialStore(credentials: Record<string, ICredentialDataDecryptedObject>): HarnessCredentialsHelper;
	/** A webhook trigger, served on 127.0.0.1 and driven through n8n-core's hook and webhook contexts. */
	startTrigger(options: StartTriggerOptions): Promise<ActiveTrigger>;
	/** The CLI's OAuth2 authorization-code flow for an OAuth2 credential (see ./oauth2). */
	connectOAuth2(
		credentialType: string,
		data: ICredentialDataDecryptedObject,
		redirectUri?: string,
	): Promise<ConnectedOAuth2>;
}

const START_NODE_TYPE = 'n8n-harness.start';
const START_NODE_NAME = 'Start';
/** The CLI tests credentials on a temporary noOp node; preAuthentication recognises it by this type. */
const NO_OP_NODE_TYPE = 'n8n-nodes-base.noOp';

/** Emits the run's input items; stands in for the Manual Trigger (which needs n8n-nodes-base). */
function createStartNodeType(items: IDataObject[]): INodeType {
	return {
		description: {
			displayName: 'Start',
			name: START_NODE_TYPE,
			group: ['input'],
			version: 1,
			description: 'Emits the test items',
			defaults: { name: START_NODE_NAME },
			inputs: [],
			outputs: ['main'],
			properties: [],
		},
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			// Copies, so that a node mutating its input cannot change the caller's fixtures.
			return [items.map((json) => ({ json: structuredClone(json) }))];
		},
	};
}

export class HarnessNodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType | IVersionedNodeType>) {}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const type = this.types[nodeType];
		if (type === undefined) throw new Error(`Unknown node type "${nodeType}"`);
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

/** The version n8n puts on a newly added node: the default (latest) one. */
export function defaultVersionOf(type: INodeType | IVersionedNodeType): number {
	if ('nodeVersions' in type) return type.currentVersion;
	const { version } = type.description;
	return Array.isArray(version) ? Math.max(...version) : version;
}

export function nodeCredentialsFor(credentials: Record<string, ICredentialDataDecryptedObject> = {}): INodeCredentials {
	const result: INodeCredentials = {};
	for (const type of Object.keys(credentials)) result[type] = { id: '1', name: `${type} test` };
	return result;
}

/** Only what n8n-core reads during a manual run; sub-workflows and task runners are not supported. */
export function createAdditionalData(
	credentialsHelper: HarnessCredentialsHelper,
	extra: Partial<IWorkflowExecuteAdditionalData> = {},
): IWorkflowExecuteAdditionalData {
	const unsupported = (what: string) => () => {
		throw new Error(`${what} is not supported by the test harness`);
	};
	return {
		credentialsHelper,
		executeWorkflow: unsupported('executeWorkflow'),
		getRunExecutionData: unsupported('getRunExecutionData'),
		startRunnerTask: unsupported('startRunnerTask (Code node task runners)'),
		logAiEvent: () => {},
		externalSecretsProxy: new ExternalSecretsProxy(),
		currentNodeExecutionIndex: 0,
		currentNodeParameters: undefined,
		restApiUrl: '',
		instanceBaseUrl: '',
		formWaitingBaseUrl: '',
		webhookBaseUrl: '',
		webhookWaitingBaseUrl: '',
		webhookTestBaseUrl: '',
		variables: {},
		...extra,
	};
}

const errorClasses: Record<string, { prototype: object }> = {
	NodeApiError,
	NodeOperationError,
	NodeSslError,
	ExpressionError,
};

/**
 * WorkflowExecute stores `{ ...error, message, stack }` in the run data, a plain object. Putting
 * the class back (by its own `name` property) lets tests use `instanceof` and `toThrow(Class)`.
 */
function reviveError(error: ExecutionError): Error & Record<string, unknown> {
	const prototype = errorClasses[error.name]?.prototype ?? Error.prototype;
	return Object.setPrototypeOf({ ...error }, prototype) as Error & Record<string, unknown>;
}

export function createHarness(options: HarnessOptions): Harness {
	const { credentialTypes, packageName } = options;
	const typeName = (key: string) => (packageName ? `${packageName}.${key}` : key);
	const packageTypes: Record<string, INodeType | IVersionedNodeType> = {};
	for (const [key, type] of Object.entries(options.nodeTypes)) packageTypes[typeName(key)] = type;

	function getNodeType(key: string): INodeType | IVersionedNodeType {
		const type = options.nodeTypes[key];
		if (type === undefined) {
			throw new Error(`Node type "${key}" is not one of: ${Object.keys(options.nodeTypes).join(', ')}`);
		}
		return type;
	}

	async function runNode(o: RunNodeOptions): Promise<RunNodeResult> {
		const type = getNodeType(o.nodeType);
		const typeVersion = o.typeVersion ?? defaultVersionOf(type);
		const { description } = NodeHelpers.getVersionedNodeType(type, typeVersion);
		const nodeName = description.defaults.name ?? description.displayName;

		const startNode: INode = {
			id: 'start',
			name: START_NODE_NAME,
			type: START_NODE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		};
		const node: INode = {
			id: 'node-under-test',
			name: nodeName,
			type: typeName(o.nodeType),
			typeVersion,
			position: [250, 0],
			parameters: o.parameters,
			credentials: nodeCredentialsFor(o.credentials),
			...(o.onError ? { onError: o.onError } : {}),
		};
		const connections = {
			[START_NODE_NAME]: { main: [[{ node: nodeName, type: 'main' as const, index: 0 }]] },
		};
		const nodeTypes = new HarnessNodeTypes({
			...packageTypes,
			[START_NODE_TYPE]: createStartNodeType(o.items ?? [{}]),
		});
		const workflowData: IWorkflowBase = {
			id: 'harness-workflow',
			name: 'Harness workflow',
			active: false,
			isArchived: false,
			activeVersionId: null,
			createdAt: new Date(),
			updatedAt: new Date(),
			nodes: [startNode, node],
			connections,
			settings: { executionOrder: 'v1' },
		};
		const workflow = new Workflow({ ...workflowData, nodeTypes });

		// n8n hands the finished run to the workflowExecuteAfter hook; collect it there too.
		const executionId = 'harness-execution';
		const hooks = new ExecutionLifecycleHooks('manual', executionId, workflowData);
		const finished = createDeferredPromise<IRun>();
		hooks.addHandler('workflowExecuteAfter', (fullRunData) => finished.resolve(fullRunData));

		const credentialsHelper = o.credentialStore ?? new HarnessCredentialsHelper(credentialTypes, o.credentials);
		const additionalData = createAdditionalData(credentialsHelper, { executionId, hooks });

		const workflowExecute = new WorkflowExecute(additionalData, 'manual');
		try {
			const running = workflowExecute.run({ workflow, startNode: workflow.getNode(START_NODE_NAME) ?? undefined });
			o.cancel?.addEventListener('abort', () => running.cancel(), { once: true });
			await running;
		} catch (error) {
			// n8n refuses to start a workflow whose nodes have issues (typically a required parameter
			// left empty), before any node runs. Its error does not say which; this one does.
			if (error instanceof WorkflowHasIssuesError) {
				const issues = workflowExecute.checkReadyForExecution(workflow, { startNode: START_NODE_NAME });
				throw new Error(`${error.message} Issues: ${JSON.stringify(issues)}`);
			}
			throw error;
		}
		const run = await finished.promise;

		const runData = run.data.resultData.runData;
		const task = runData[nodeName]?.[0];
		const outputs = task?.data?.main ?? [];
		const taskError = task?.error ?? run.data.resultData.error;
		return {
			items: outputs[0] ?? [],
			errorItems: outputs[1] ?? [],
			...(taskError ? { error: reviveError(taskError) } : {}),
			runData,
			storedCredential: (type: string) => credentialsHelper.getStoredData(type),
		};
	}

	/** As DynamicNodeParametersService: a one-node workflow and a LoadOptionsContext on it. */
	function loadOptionsContext(o: LoadOptionsOptions) {
		const type = getNodeType(o.nodeType);
		const typeVersion = o.typeVersion ?? defaultVersionOf(type);
		const parameters = o.parameters ?? {};
		const node: INode = {
			id: 'uuid-1234',
			name: 'Temp-Node',
			type: typeName(o.nodeType),
			typeVersion,
			position: [0, 0],
			parameters,
			credentials: nodeCredentialsFor(o.credentials),
		};
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: new HarnessNodeTypes(packageTypes),
		});
		const tempNode = workflow.nodes['Temp-Node'];
		// The editor sends the node's full current parameters (defaults included) and the CLI puts
		// them here; getCredentials checks the credential's displayOptions against them.
		const additionalData = createAdditionalData(new HarnessCredentialsHelper(credentialTypes, o.credentials), {
			currentNodeParameters: tempNode.parameters,
		});
		const context = new LoadOptionsContext(workflow, tempNode, additionalData, o.path ?? 'parameters');
		const { methods } = NodeHelpers.getVersionedNodeType(type, typeVersion);
		return { context, methods };
	}

	async function listSearch(o: ListSearchOptions): Promise<INodeListSearchResult> {
		const { context, methods } = loadOptionsContext(o);
		const method = methods?.listSearch?.[o.method];
		if (typeof method !== 'function') throw new Error(`No listSearch method "${o.method}" on ${o.nodeType}`);
		return await method.call(context, o.filter, o.paginationToken);
	}

	async function loadOptions(o: LoadOptionsOptions): Promise<INodePropertyOptions[]> {
		const { context, methods } = loadOptionsContext(o);
		const method = methods?.loadOptions?.[o.method];
		if (typeof method !== 'function') throw new Error(`No loadOptions method "${o.method}" on ${o.nodeType}`);
		return await method.call(context);
	}

	/** CredentialsTester.getCredentialTestFunction: the type's own `test`, else a node's `testedBy`. */
	function findCredentialTest(
		credentialType: string,
	): { testRequest: ICredentialTestRequest; nodeType?: INodeType } | ICredentialTestFunction | undefined {
		const type = credentialTypes.find((t) => t.name === credentialType);
		if (type?.test) return { testRequest: type.test };
		for (const nodeOrVersions of Object.values(options.nodeTypes)) {
			const versions = 'nodeVersions' in nodeOrVersions ? Object.values(nodeOrVersions.nodeVersions) : [nodeOrVersions];
			for (const nodeType of versions) {
				const description = nodeType.description.credentials?.find((c) => c.name === credentialType);
				if (!description?.testedBy) continue;
				if (typeof description.testedBy === 'string') {
					return nodeType.methods?.credentialTest?.[description.testedBy];
				}
				return { testRequest: description.testedBy, nodeType };
			}
		}
		return undefined;
	}

	async function testCredential(
		credentialType: string,
		data: ICredentialDataDecryptedObject,
	): Promise<INodeCredentialTestResult> {
		const credentialTest = findCredentialTest(credentialType);
		if (credentialTest === undefined) {
			return { status: 'Error', message: 'No testing function found for this credential.' };
		}

		const credentialsHelper = new HarnessCredentialsHelper(credentialTypes, { [credentialType]: data });
		const credentialsDecrypted: ICredentialsDecrypted = {
			id: '1',
			name: `${credentialType} test`,
			type: credentialType,
			data: { ...data },
		};
		try {
			// The CLI fills in defaults and resolves expressions before testing, in 'internal' mode.
			credentialsDecrypted.data = credentialsHelper.applyDefaults(
				createAdditionalData(credentialsHelper),
				data,
				credentialType,
				'internal',
			);
		} catch (error) {
			return { status: 'Error', message: (error as Error).message };
		}

		if (typeof credentialTest === 'function') {
			return await credentialTest.call(new CredentialTestContext(), credentialsDecrypted);
		}

		// The request is declarative: the CLI runs it as the only property of a temporary node type,
		// through RoutingNode, which resolves `={{$credentials...}}` and calls httpRequestWithAuthentication.
		const baseDescription = credentialTest.nodeType?.description ?? {
			displayName: 'No Operation',
			name: NO_OP_NODE_TYPE,
			group: ['organization'],
			version: 1,
			description: '',
			defaults: { name: 'No Operation' },
			inputs: ['main'],
			outputs: ['main'],
			properties: [],
		};
		const testNodeType: INodeType = {
			description: {
				...baseDescription,
				name: credentialTest.nodeType ? typeName(baseDescription.name) : NO_OP_NODE_TYPE,
				credentials: [{ name: credentialType, required: true }],
				properties: [
					{
						displayName: 'Temp',
						name: 'temp',
						type: 'string',
						routing: { request: credentialTest.testRequest.request },
						default: '',
					},
				],
			},
		};
		const { version } = testNodeType.description;
		const node: INode = {
			id: 'temp',
			parameters: {},
			name: 'Temp-Node',
			type: testNodeType.description.name,
			typeVersion: Array.isArray(version) ? version.slice(-1)[0] : version,
			position: [0, 0],
			credentials: { [credentialType]: { id: credentialsDecrypted.id, name: credentialsDecrypted.name } },
		};
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: new HarnessNodeTypes({ [testNodeType.description.name]: testNodeType }),
		});
		const executeData: IExecuteData = { node, data: {}, source: null };
		const context = new ExecuteContext(
			workflow,
			node,
			createAdditionalData(credentialsHelper),
			'internal',
			createEmptyRunExecutionData(),
			0,
			[],
			{ main: [[{ json: {} }]] },
			executeData,
			[],
		);
		const routingNode = new RoutingNode(context, testNodeType, credentialsDecrypted);

		const { rules } = credentialTest.testRequest;
		let response: INodeExecutionData[][] | null | undefined;
		try {
			response = await routingNode.runNode();
		} catch (caught) {
			// Same mapping as CredentialsTester: rules first, then any non-2xx, then network codes.
			// With n8n-workflow 2.8.0 this branch is dead, as it is in n8n itself: ExecutionBaseError
			// declares `cause` as a class field, which wipes the native Error cause, so a NodeApiError
			// never has `cause.response`. n8n then shows the NodeApiError message ('Authorization
			// failed - please check your credentials' for a 401) and `responseCode` rules never apply.
			const error = caught as Error & { cause?: { response?: { status: number; statusText?: string }; code?: string } };
			const httpResponse = error.cause?.response;
			if (httpResponse) {
				for (const rule of rules ?? []) {
					if (rule.type === 'responseCode' && httpResponse.status === rule.properties.value) {
						return { status: 'Error', message: rule.properties.message };
					}
				}
				if (httpResponse.status < 199 || httpResponse.status > 299) {
					return {
						status: 'Error',
						message: httpResponse.statusText || `Received HTTP status code: ${httpResponse.status}`,
					};
				}
			} else if (error.cause?.code) {
				return { status: 'Error', message: error.cause.code };
			}
			return { status: 'Error', message: error.message.toString() };
		}

		for (const rule of rules ?? []) {
			if (rule.type !== 'responseSuccessBody') continue;
			const body = response?.[0]?.[0]?.json ?? {};
			if (getPath(body, rule.properties.key) === rule.properties.value) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
		return { status: 'OK', message: 'Connection successful!' };
	}

	async function startTriggerNode(o: StartTriggerOptions): Promise<ActiveTrigger> {
		const type = getNodeType(o.nodeType);
		const typeVersion = o.typeVersion ?? defaultVersionOf(type);
		const credentialsHelper = new HarnessCredentialsHelper(credentialTypes, o.credentials);
		return await startTrigger(
			{
				nodeTypes: new HarnessNodeTypes(packageTypes),
				nodeType: NodeHelpers.getVersionedNodeType(type, typeVersion),
				typeName: typeName(o.nodeType),
				typeVersion,
				credentialsHelper,
				nodeCredentials: nodeCredentialsFor(o.credentials),
				createAdditionalData: (extra) => createAdditionalData(credentialsHelper, extra),
			},
			o,
		);
	}

	async function connectOAuth2Credential(
		credentialType: string,
		data: ICredentialDataDecryptedObject,
		redirectUri?: string,
	): Promise<ConnectedOAuth2> {
		const credentialsHelper = new HarnessCredentialsHelper(credentialTypes, { [credentialType]: data });
		return await connectOAuth2(credentialsHelper, credentialType, data, redirectUri);
	}

	return {
		runNode,
		credentialStore: (credentials) => new HarnessCredentialsHelper(credentialTypes, credentials),
		listSearch,
		loadOptions,
		testCredential,
		startTrigger: startTriggerNode,
		connectOAuth2: connectOAuth2Credential,
	};
}

/** lodash.get for dotted keys, as the CLI uses for responseSuccessBody rules. */
function getPath(object: IDataObject, path: string): unknown {
	return path.split('.').reduce<unknown>((value, key) => (value as IDataObject | undefined)?.[key], object);
}

/**
 * Call in afterAll. Every n8n-core execution context lazily creates the SSHClientsManager, whose
 * 60 s cleanup interval otherwise keeps jest from exiting (and --detectOpenHandles does not show it).
 */
export async function shutdownHarness(): Promise<void> {
	Container.get(SSHClientsManager).onShutdown();
	const folder = process.env.N8N_HARNESS_USER_FOLDER;
	if (folder && process.env.N8N_USER_FOLDER === folder) {
		rmSync(folder, { recursive: true, force: true });
	}
}
