// The fault matrix: every way an API answer can go wrong, for every operation. Each one ends in a message
// that carries the status and the API's own text, fails only the item it concerns under "On Error:
// Continue", and loses no item. Retries are off (Max Tries 1) so each fault is seen once; retry itself
// is specified in test/shared/requestPolicy.test.ts.
import type { INodeParameters } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { shutdownHarness } from '../harness';
import type { AutoSendSimulator, Fault, SuperOfficeSimulator } from '../simulators';
import { startAutoSendSimulator, startSuperOfficeSimulator } from '../simulators';
import { autoSendCredential, harness, removeContactsParameters, superOfficeCredential } from '../support/package';

interface Expected {
	/** NodeApiError.httpCode; null when no HTTP answer came */
	httpCode: string | null;
	text: string;
}

type FaultCase = [name: string, fault: Fault, expected: Expected];

const STATUSES = [400, 401, 402, 403, 404, 409, 412, 421, 429, 500, 502, 503, 504];

const httpFaults = (body: (status: number) => unknown): FaultCase[] => [
	...STATUSES.map(
		(status): FaultCase => [
			`HTTP ${status}`,
			{ status, body: body(status) },
			{ httpCode: String(status), text: `Simulated ${status}` },
		],
	),
	[
		'HTTP 429 with a retry hint',
		{ status: 429, headers: { 'Retry-After': '1' }, body: body(429) },
		{ httpCode: '429', text: 'Simulated 429' },
	],
	[
		'an HTML error page',
		{ status: 502, contentType: 'text/html', body: '<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>' },
		{ httpCode: '502', text: '502 Bad Gateway nginx' },
	],
	['a connection reset', { kind: 'reset' }, { httpCode: null, text: 'no answer from' }],
	['a server that never answers', { kind: 'hang' }, { httpCode: null, text: 'no answer from' }],
];

const superOfficeFaults: FaultCase[] = [
	...httpFaults((status) => ({
		Error: true,
		ErrorType: 'SoException',
		ErrorMessage: `Simulated ${status}`,
		ErrorSource: 'simulator',
	})),
	[
		'an agent error with status 200',
		{ status: 200, body: { Message: 'The request is invalid.', MessageDetail: 'Simulated agent failure' } },
		{ httpCode: '200', text: 'The request is invalid. Simulated agent failure' },
	],
	[
		'malformed JSON with status 500',
		{ status: 500, contentType: 'application/json', body: '{"ErrorMessage": "Simulated trunc' },
		{ httpCode: '500', text: 'Simulated trunc' },
	],
];

const autoSendFaults: FaultCase[] = [
	...httpFaults((status) => ({ success: false, error: { message: `Simulated ${status}`, code: 'SIMULATED' } })),
	[
		'success false with an error object',
		{ status: 200, body: { success: false, error: { message: 'Simulated object', code: 'X' } } },
		{ httpCode: '200', text: 'Simulated object (X)' },
	],
	[
		'success false with a string error',
		{ status: 400, body: { success: false, error: 'Simulated string error' } },
		{ httpCode: '400', text: 'Simulated string error' },
	],
	[
		'a 200 with a null body',
		{ status: 200, contentType: 'application/json', body: 'null' },
		{ httpCode: '200', text: 'unexpected answer' },
	],
	[
		'malformed JSON with status 200',
		{ status: 200, contentType: 'application/json', body: '{"success": tru' },
		{ httpCode: '200', text: '{"success": tru' },
	],
];

interface Operation {
	name: string;
	service: 'superOffice' | 'autoSend';
	parameters: INodeParameters;
	/** Two items: the fault hits the request of one of them; the other must still succeed */
	items: object[];
	path: RegExp;
}

const OPERATIONS: Operation[] = [
	{
		name: 'Remove Members',
		service: 'superOffice',
		parameters: {
			resource: 'selection',
			operation: 'removeMembers',
			selectionId: { __rl: true, mode: 'id', value: '={{ $json.selectionId }}' },
			contactId: '={{ $json.contactId }}',
			personId: '={{ $json.personId }}',
			options: { maxTries: 1, timeout: 500, requestsPerSecond: 100 },
		},
		// Two selections: two requests, so one fault fails exactly one item.
		items: [
			{ selectionId: 938, contactId: 138, personId: 266 },
			{ selectionId: 939, contactId: 139, personId: 301 },
		],
		path: /RemoveContactSelectionMembers/,
	},
	{
		name: 'Delete Relation',
		service: 'superOffice',
		parameters: {
			resource: 'relation',
			operation: 'delete',
			relationId: '={{ $json.relationId }}',
			options: { maxTries: 1, timeout: 500, requestsPerSecond: 100 },
		},
		items: [{ relationId: 413 }, { relationId: 414 }],
		path: /DeleteContactRelation/,
	},
	{
		name: 'Remove Contacts',
		service: 'autoSend',
		parameters: removeContactsParameters('={{ $json.list }}', {
			options: { maxTries: 1, timeout: 500, requestsPerSecond: 100 },
		}),
		items: [
			{ list: '60d5ec49f1b2c72d9c8b4567', emails: 'jane@example.com' },
			{ list: '60d5ec49f1b2c72d9c8b4567', emails: 'x@example.com', separate: true },
		],
		path: /contacts\/remove/,
	},
];

describe.each(OPERATIONS)('faults: $name', (operation) => {
	let so: SuperOfficeSimulator;
	let as: AutoSendSimulator;

	beforeEach(async () => {
		[so, as] = await Promise.all([startSuperOfficeSimulator(), startAutoSendSimulator()]);
	});
	afterEach(async () => await Promise.all([so.close(), as.close()]));
	afterAll(async () => await shutdownHarness());

	const faults = operation.service === 'superOffice' ? superOfficeFaults : autoSendFaults;
	const run = async (onError?: 'continueRegularOutput') => {
		const sim = operation.service === 'superOffice' ? so : as;
		const credentials = operation.service === 'superOffice' ? superOfficeCredential(so) : autoSendCredential(as);
		// Remove Contacts combines both items; Combine Items off keeps one request per item here too.
		const parameters =
			operation.service === 'autoSend'
				? { ...operation.parameters, options: { ...(operation.parameters.options as object), combine: false } }
				: operation.parameters;
		const result = await harness.runNode({
			nodeType: operation.service,
			parameters,
			credentials,
			items: operation.items as never,
			onError,
		});
		return { result, sim };
	};

	it.each(faults)('%s stops the run with a clear NodeApiError', async (_name, fault, expected) => {
		(operation.service === 'superOffice' ? so : as).injectFault({ ...fault, match: { path: operation.path } });
		const { result } = await run();

		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.httpCode ?? null).toBe(expected.httpCode);
		expect(result.error?.message).toContain(expected.text);
		expect(result.error?.message).toMatch(/\[item [01]\]$/);
		expect(result.error?.description).toBeTruthy();
	});

	it.each(faults)('%s under On Error: Continue fails one item and keeps the other', async (_name, fault, expected) => {
		(operation.service === 'superOffice' ? so : as).injectFault({ ...fault, match: { path: operation.path } });
		const { result } = await run('continueRegularOutput');

		expect(result.items).toHaveLength(2);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		const failed = result.items.filter((item) => 'error' in item.json);
		expect(failed).toHaveLength(1);
		expect(Object.keys(failed[0].json)).toEqual(['error']);
		expect(failed[0].json.error).toContain(expected.text);
		expect(result.items.filter((item) => item.json.success === true)).toHaveLength(1);
	});
});
