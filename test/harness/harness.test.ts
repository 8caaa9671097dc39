/**
 * Self-test of the harness with an inline node and two inline credential types, against a real
 * HTTP server on 127.0.0.1. Proves that requests really go through n8n-core with the credential
 * applied, and that errors, onError modes, credential tests and listSearch behave as in n8n.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'http';
import type { AddressInfo } from 'net';

import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestHelper,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INodeExecutionData,
	INodeListSearchResult,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { createHarness, shutdownHarness } from './index';

/** Generic (object-form) authenticate: n8n resolves these expressions with `$credentials`. */
class WidgetApi implements ICredentialType {
	name = 'widgetApi';
	displayName = 'Widget API';
	properties = [
		{ displayName: 'API Key', name: 'apiKey', type: 'string' as const, typeOptions: { password: true }, default: '' },
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string' as const, default: '' },
		// Not passed by the tests: proves getDecrypted fills in defaults.
		{ displayName: 'Tenant', name: 'tenant', type: 'string' as const, default: 'acme' },
	];
	authenticate = {
		type: 'generic' as const,
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.apiKey}}' },
			qs: { tenant: '={{$credentials.tenant}}' },
		},
	};
	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}', url: '/me' },
	};
}

/** Function-form authenticate: n8n simply calls it. */
class WidgetTokenApi implements ICredentialType {
	name = 'widgetTokenApi';
	displayName = 'Widget Token API';
	properties = [
		{ displayName: 'Token', name: 'token', type: 'string' as const, typeOptions: { password: true }, default: '' },
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string' as const, default: '' },
	];
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return { ...requestOptions, headers: { ...requestOptions.headers, 'X-Token': String(credentials.token) } };
	}
	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '/me' },
		rules: [{ type: 'responseCode', properties: { value: 403, message: 'This token may not read /me' } }],
	};
}

/** A session credential: n8n calls preAuthentication to fill the `expirable` hidden field. */
class WidgetSessionApi implements ICredentialType {
	name = 'widgetSessionApi';
	displayName = 'Widget Session API';
	properties = [
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden' as const,
			typeOptions: { expirable: true },
			default: '',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string' as const,
			typeOptions: { password: true },
			default: '',
		},
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string' as const, default: '' },
	];
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const { token } = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${String(credentials.baseUrl)}/login`,
			body: { password: credentials.password },
			json: true,
		})) as { token: string };
		return { sessionToken: token };
	}
	authenticate = {
		type: 'generic' as const,
		properties: { headers: { Authorization: '=Bearer {{$credentials.sessionToken}}' } },
	};
	test: ICredentialTestRequest = { request: { baseURL: '={{$credentials.baseUrl}}', url: '/me' } };
}

const credentialName = (ctx: IExecuteFunctions | ILoadOptionsFunctions): string =>
	ctx.getNodeParameter('authentication', 0) === 'token' ? 'widgetTokenApi' : 'widgetApi';

/** A programmatic node written the way the package's nodes are (item loop, pairedItem, continueOnFail). */
class Widget implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Widget',
		name: 'widget',
		group: ['transform'],
		version: 1,
		description: 'Reads widgets',
		defaults: { name: 'Widget' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [
			{ name: 'widgetApi', required: true, displayOptions: { show: { authentication: ['apiKey'] } } },
			{ name: 'widgetTokenApi', required: true, displayOptions: { show: { authentication: ['token'] } } },
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'API Key', value: 'apiKey' },
					{ name: 'Token', value: 'token' },
				],
				default: 'apiKey',
			},
			{ displayName: 'Widget ID', name: 'widgetId', type: 'string', default: '' },
		],
	};

	methods = {
		listSearch: {
			async searchWidgets(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
				const credentials = await this.getCredentials('widgetApi');
				const widgets = (await this.helpers.httpRequestWithAuthentication.call(this, credentialName(this), {
					method: 'GET',
					url: `${String(credentials.baseUrl)}/widgets`,
					qs: { q: filter },
					json: true,
				})) as IDataObject[];
				return { results: widgets.map((w) => ({ name: String(w.name), value: String(w.id) })) };
			},
		},
		loadOptions: {
			async getColours(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				const credentials = await this.getCredentials('widgetApi');
				const colours = (await this.helpers.httpRequestWithAuthentication.call(this, 'widgetApi', {
					method: 'GET',
					url: `${String(credentials.baseUrl)}/colours`,
					json: true,
				})) as string[];
				return colours.map((c) => ({ name: c, value: c }));
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const out: INodeExecutionData[] = [];
		const credentialType = credentialName(this);
		const credentials = await this.getCredentials(credentialType);
		for (let i = 0; i < items.length; i++) {
			try {
				const id = (this.getNodeParameter('widgetId', i) as string) || String(items[i].json.id);
				if (id === 'invalid') throw new NodeOperationError(this.getNode(), 'Widget ID is invalid', { itemIndex: i });
				const widget = (await this.helpers.httpRequestWithAuthentication.call(this, credentialType, {
					method: 'GET',
					url: `${String(credentials.baseUrl)}/widgets/${id}`,
					json: true,
				})) as IDataObject;
				out.push(
					...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(widget), { itemData: { item: i } }),
				);
			} catch (error) {
				if (this.continueOnFail()) {
					out.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
					continue;
				}
				if (error instanceof NodeApiError) {
					error.context.itemIndex = i;
					throw error;
				}
				throw error instanceof NodeOperationError
					? error
					: new NodeApiError(this.getNode(), error as JsonObject, { itemIndex: i });
			}
		}
		return [out];
	}
}

interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: IncomingHttpHeaders;
}

const requests: RecordedRequest[] = [];
let server: Server;
let baseUrl: string;

const isAuthorised = (headers: IncomingHttpHeaders) =>
	headers.authorization === 'Bearer good-key' || headers['x-token'] === 'good-token';

beforeAll(async () => {
	server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		requests.push({
			method: req.method ?? '',
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			headers: req.headers,
		});
		const send = (status: number, body: unknown) => {
			res.writeHead(status, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify(body));
		};
		if (url.pathname === '/login') {
			// The session credential's login: trade the password for the API key.
			let body = '';
			req.on('data', (chunk: Buffer) => (body += chunk.toString()));
			req.on('end', () => {
				const { password } = JSON.parse(body) as { password: string };
				if (password === 'pw') send(200, { token: 'good-key' });
				else send(401, { message: 'Bad password' });
			});
			return;
		}
		if (req.headers['x-token'] === 'forbidden-token') return send(403, { message: 'Forbidden' });
		if (!isAuthorised(req.headers)) return send(401, { message: 'Bad API key' });
		if (url.pathname === '/me') return send(200, { id: 'u1' });
		if (url.pathname === '/colours') return send(200, ['red', 'green']);
		if (url.pathname === '/widgets') {
			return send(200, [
				{ id: 'w1', name: 'First widget' },
				{ id: 'w2', name: 'Second widget' },
			]);
		}
		const match = /^\/widgets\/(.+)$/.exec(url.pathname);
		if (match?.[1] === 'missing') return send(404, { message: 'Widget not found' });
		if (match) return send(200, { id: match[1], name: `Widget ${match[1]}` });
		return send(404, { message: 'No route' });
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

beforeEach(() => {
	requests.length = 0;
});

afterAll(async () => {
	await new Promise((resolve) => server.close(resolve));
	await shutdownHarness();
});

const harness = createHarness({
	nodeTypes: { widget: new Widget() },
	credentialTypes: [new WidgetApi(), new WidgetTokenApi(), new WidgetSessionApi()],
	packageName: 'n8n-nodes-widget',
});

const apiKey = (key = 'good-key') => ({ widgetApi: { apiKey: key, baseUrl } });

describe('runNode', () => {
	it('sends the request with generic authenticate applied and returns paired items', async () => {
		const result = await harness.runNode({
			nodeType: 'widget',
			parameters: {},
			credentials: apiKey(),
			items: [{ id: 'a' }, { id: 'b' }],
		});

		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			{ json: { id: 'a', name: 'Widget a' }, pairedItem: { item: 0 } },
			{ json: { id: 'b', name: 'Widget b' }, pairedItem: { item: 1 } },
		]);
		expect(requests.map((r) => r.path)).toEqual(['/widgets/a', '/widgets/b']);
		// Header from `=Bearer {{$credentials.apiKey}}`, qs from the property default 'acme'.
		expect(requests[0].headers.authorization).toBe('Bearer good-key');
		expect(requests[0].query).toEqual({ tenant: 'acme' });
		// It really ran as the second node of a workflow, fed by the start node.
		expect(result.runData.Widget[0].source).toEqual([
			{ previousNode: 'Start', previousNodeOutput: 0, previousNodeRun: 0 },
		]);
	});

	it('applies a function-form authenticate', async () => {
		const result = await harness.runNode({
			nodeType: 'widget',
			parameters: { authentication: 'token', widgetId: 'c' },
			credentials: { widgetTokenApi: { token: 'good-token', baseUrl } },
		});

		expect(result.items).toEqual([{ json: { id: 'c', name: 'Widget c' }, pairedItem: { item: 0 } }]);
		expect(requests[0].headers['x-token']).toBe('good-token');
		expect(requests[0].headers.authorization).toBeUndefined();
	});

	it('resolves expressions in credential data against the running item, as n8n does', async () => {
		await harness.runNode({
			nodeType: 'widget',
			parameters: {},
			credentials: { widgetApi: { apiKey: '={{ "good-" + $json.keySuffix }}', baseUrl } },
			items: [{ id: 'a', keySuffix: 'key' }],
		});

		expect(requests[0].headers.authorization).toBe('Bearer good-key');
	});

	it('surfaces a thrown NodeApiError with its class, status and item index', async () => {
		const result = await harness.runNode({
			nodeType: 'widget',
			parameters: {},
			credentials: apiKey(),
			items: [{ id: 'a' }, { id: 'missing' }],
		});

		expect(result.items).toEqual([]);
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error).toMatchObject({
			message: 'The resource you are requesting could not be found',
			description: 'Widget not found',
			httpCode: '404',
			context: { itemIndex: 1 },
		});
	});

	it('surfaces a NodeOperationError', async () => {
		const result = await harness.runNode({
			nodeType: 'widget',
			parameters: { widgetId: 'invalid' },
			credentials: apiKey(),
		});

		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toBe('Widget ID is invalid');
		expect(requests).toHaveLength(0);
	});

	it('refuses, as n8n does, to run a node with a required parameter left empty', async () => {
		class StrictWidget extends Widget {
			description: INodeTypeDescription = {
				...new Widget().description,
				properties: [{ displayName: 'Widget ID', name: 'widgetId', type: 'string', default: '', required: true }],
			};
		}
		const strictHarness = createHarness({
			nodeTypes: { strict: new StrictWidget() },
			credentialTypes: [new WidgetApi()],
		});

		await expect(strictHarness.runNode({ nodeType: 'strict', parameters: {}, credentials: apiKey() })).rejects.toThrow(
			/workflow has issues.*"widgetId":\["Parameter \\"Widget ID\\" is required\."\]/,
		);
		expect(requests).toHaveLength(0);
	});

	it('returns the node’s own error items with onError continueRegularOutput', async () => {
		const result = await harness.runNode({
			nodeType: 'widget',
			parameters: {},
			credentials: apiKey(),
			items: [{ id: 'missing' }, { id: 'b' }],
			onError: 'continueRegularOutput',
		});

		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			{ json: { error: 'The resource you are requesting could not be found' }, pairedItem: { item: 0 } },
			{ json: { id: 'b', name: 'Widget b' }, pairedItem: { item: 1 } },
		]);
	});

	it('routes error items to output 1 with onError continueErrorOutput', async () => {
		const result = await harness.runNode({
			nodeType: 'widget',
			parameters: {},
			credentials: apiKey('wrong-key'),
			items: [{ id: 'a' }],
			onError: 'continueErrorOutput',
		});

		expect(result.items).toEqual([]);
		expect(result.errorItems).toHaveLength(1);
		expect(result.errorItems[0].json.error).toMatch(/Authorization failed/);
		expect(result.errorItems[0].pairedItem).toEqual({ item: 0 });
	});
});

describe('testCredential', () => {
	it('returns OK for a good key', async () => {
		await expect(harness.testCredential('widgetApi', { apiKey: 'good-key', baseUrl: `${baseUrl}/` })).resolves.toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(requests[0]).toMatchObject({ path: '/me', query: { tenant: 'acme' } });
		expect(requests[0].headers.authorization).toBe('Bearer good-key');
	});

	// The messages below are the NodeApiError's, as n8n 2.8 shows them: the CLI's mapping to the
	// HTTP status text and to `rules` never triggers there (see the comment in harness.ts).
	it('resolves expressions in the credential data before testing', async () => {
		await expect(
			harness.testCredential('widgetApi', { apiKey: '={{ "good-" + "key" }}', baseUrl }),
		).resolves.toMatchObject({ status: 'OK' });
	});

	it('returns Error when the server answers 401', async () => {
		await expect(harness.testCredential('widgetApi', { apiKey: 'bad-key', baseUrl })).resolves.toEqual({
			status: 'Error',
			message: 'Authorization failed - please check your credentials',
		});
		// n8n-core's httpRequestWithAuthentication retries every 401 once (after preAuthentication,
		// a no-op for this credential), so n8n really sends the request twice.
		expect(requests.map((r) => r.headers.authorization)).toEqual(['Bearer bad-key', 'Bearer bad-key']);
	});

	it('applies a function-form authenticate; responseCode rules do not apply in n8n 2.8', async () => {
		await expect(harness.testCredential('widgetTokenApi', { token: 'good-token', baseUrl })).resolves.toMatchObject({
			status: 'OK',
		});
		expect(requests[0].headers['x-token']).toBe('good-token');
		await expect(harness.testCredential('widgetTokenApi', { token: 'forbidden-token', baseUrl })).resolves.toEqual({
			status: 'Error',
			message: 'Forbidden - perhaps check your credentials?',
		});
	});

	it('runs preAuthentication for a session credential, as the CLI does for a test', async () => {
		await expect(harness.testCredential('widgetSessionApi', { password: 'pw', baseUrl })).resolves.toMatchObject({
			status: 'OK',
		});
		expect(requests.map((r) => `${r.method} ${r.path} ${r.headers.authorization ?? ''}`)).toEqual([
			'POST /login ',
			'GET /me Bearer good-key',
		]);
	});

	it('reports a refused connection', async () => {
		const closed = createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const { port } = closed.address() as AddressInfo;
		await new Promise((resolve) => closed.close(resolve));

		await expect(
			harness.testCredential('widgetApi', { apiKey: 'good-key', baseUrl: `http://127.0.0.1:${port}` }),
		).resolves.toEqual({ status: 'Error', message: 'The service refused the connection - perhaps it is offline' });
	});
});

describe('listSearch and loadOptions', () => {
	it('runs a listSearch method with the credential applied', async () => {
		const result = await harness.listSearch({
			nodeType: 'widget',
			method: 'searchWidgets',
			parameters: { authentication: 'apiKey' },
			credentials: apiKey(),
			filter: 'wid',
		});

		expect(result.results).toEqual([
			{ name: 'First widget', value: 'w1' },
			{ name: 'Second widget', value: 'w2' },
		]);
		expect(requests[0]).toMatchObject({ path: '/widgets', query: { q: 'wid', tenant: 'acme' } });
		expect(requests[0].headers.authorization).toBe('Bearer good-key');
	});

	it('runs a loadOptions method', async () => {
		await expect(
			harness.loadOptions({ nodeType: 'widget', method: 'getColours', credentials: apiKey() }),
		).resolves.toEqual([
			{ name: 'red', value: 'red' },
			{ name: 'green', value: 'green' },
		]);
	});
});
