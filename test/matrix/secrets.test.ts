// Secret hygiene: every fault and bad-input case of the matrices runs again with recognisable secrets in
// every credential field, and nothing the run produces (output items, errors with their descriptions
// and context, anything written to stdout or stderr) may contain a secret or an Authorization value.
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';
import { shutdownHarness } from '../harness';
import type { AutoSendSimulator, Fault, SuperOfficeSimulator } from '../simulators';
import { startAutoSendSimulator, startSuperOfficeSimulator } from '../simulators';
import { harness, removeContactsParameters, removeMembersParameters } from '../support/package';
import type { Case } from './cases';
import { autoSendFaults, badEmails, badIds, badListIds, OPERATIONS, superOfficeFaults } from './cases';

const SO = {
	username: 'user-5ecret-NAME-1a2b',
	password: '5ecret-PASSWORD-7f3a',
	ticket: '7T:5ecret-TICKET-91b2',
	accessToken: '8A:Cust12345.5ecret-TOKEN-c4d5',
	appToken: '5ecret-APPTOKEN-e6f7',
};
const API_KEY = 'AS_5ecret-KEY-0a1b';
const basic = Buffer.from(`${SO.username}:${SO.password}`).toString('base64');
const FORBIDDEN = [...Object.values(SO), API_KEY, basic, '5ecret'];
const SCHEMES = ['basic', 'soTicket', 'bearer'] as const;

describe('no secret in any output, error or log', () => {
	let so: SuperOfficeSimulator;
	let as: AutoSendSimulator;
	const seen: string[] = [];
	let runs = 0;
	const logged: string[] = [];
	const spies: jest.SpyInstance[] = [];

	beforeAll(async () => {
		[so, as] = await Promise.all([
			startSuperOfficeSimulator({ auth: SO }),
			startAutoSendSimulator({ apiKey: API_KEY }),
		]);
		for (const stream of [process.stdout, process.stderr]) {
			const write = stream.write.bind(stream);
			spies.push(
				jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
					logged.push(String(chunk));
					return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
				}),
			);
		}
		for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
			spies.push(
				jest
					.spyOn(console, method)
					.mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' '))),
			);
		}
	});
	afterAll(async () => {
		for (const spy of spies) spy.mockRestore();
		await Promise.all([so.close(), as.close()]);
		await shutdownHarness();
	});
	beforeEach(() => {
		so.clearFaults();
		as.clearFaults();
	});

	const credentials = (
		service: string,
		index: number,
		change: ICredentialDataDecryptedObject = {},
	): Record<string, ICredentialDataDecryptedObject> =>
		service === 'superOffice'
			? { superOfficeApi: { webApiUrl: so.webApiUrl, authentication: SCHEMES[index % 3], ...SO, ...change } }
			: { autoSendApi: { apiKey: API_KEY, baseUrl: as.baseUrl, ...change } };

	const record = async (service: string, parameters: INodeParameters, items: object[], index: number, change = {}) => {
		for (const onError of [undefined, 'continueRegularOutput'] as const) {
			const result = await harness.runNode({
				nodeType: service,
				parameters,
				credentials: credentials(service, index, change),
				items: items as never,
				onError,
			});
			runs++;
			seen.push(JSON.stringify(result.items), JSON.stringify(result.errorItems));
			if (result.error) {
				const { message, description, stack, context } = result.error as Error & {
					description?: string;
					context?: unknown;
				};
				seen.push(message, String(description), String(stack), JSON.stringify(context), JSON.stringify(result.error));
			}
		}
	};

	it('through every fault of every operation, with every SuperOffice scheme', async () => {
		let index = 0;
		for (const operation of OPERATIONS) {
			const faults: Array<[string, Fault, unknown]> =
				operation.service === 'superOffice' ? superOfficeFaults : autoSendFaults;
			for (const [, fault] of faults) {
				(operation.service === 'superOffice' ? so : as).injectFault({ ...fault, match: { path: operation.path } });
				await record(operation.service, operation.parameters, operation.items, index++);
			}
		}
		expect(runs).toBeGreaterThan(100);
		// Every fault of some thirty operations, one after another (hangs wait for their timeout): minutes, not 30 s.
	}, 300_000);

	it('through every bad input', async () => {
		const cases: Array<[string, INodeParameters, object[]]> = [
			...[...badIds('Selection'), ...badIds('Company (Contact) ID')].map(
				([name, value]): [string, INodeParameters, object[]] => [
					name,
					removeMembersParameters('={{ $json.selectionId }}'),
					[{ selectionId: value, contactId: value, personId: 266 }],
				],
			),
			...badIds('Relation ID').map(([name, value]): [string, INodeParameters, object[]] => [
				name,
				{ resource: 'relation', operation: 'delete', relationId: '={{ $json.relationId }}' },
				[{ relationId: value }],
			]),
			...badEmails.map(([name, value]: Case): [string, INodeParameters, object[]] => [
				name,
				removeContactsParameters('60d5ec49f1b2c72d9c8b4567'),
				[{ emails: value }],
			]),
			...badListIds.map(([name, value]: Case): [string, INodeParameters, object[]] => [
				name,
				removeContactsParameters('={{ $json.list }}'),
				[{ list: value, emails: 'a@example.com' }],
			]),
		];
		let index = 0;
		for (const [, parameters, items] of cases) {
			const service = parameters.resource === 'contactList' ? 'autoSend' : 'superOffice';
			await record(service, parameters, items, index++);
		}
		expect(runs).toBeGreaterThan(150);
	});

	it('through wrong and empty credentials', async () => {
		const relation = { resource: 'relation', operation: 'delete', relationId: 413 };
		for (const [index, change] of [
			{ password: `${SO.password}-wrong` },
			{ ticket: `${SO.ticket}-wrong` },
			{ accessToken: `${SO.accessToken}-wrong` },
			{ appToken: '' },
			{ webApiUrl: `https://${SO.username}:${SO.password}@online2.superoffice.com/Cust1/api` },
		].entries()) {
			await record('superOffice', relation, [{}], index, change);
		}
		await record('autoSend', removeContactsParameters('60d5ec49f1b2c72d9c8b4567'), [{ emails: 'a@example.com' }], 0, {
			apiKey: `${API_KEY}-wrong`,
		});
		await record('autoSend', removeContactsParameters('60d5ec49f1b2c72d9c8b4567'), [{ emails: 'a@example.com' }], 0, {
			apiKey: '',
		});
		for (const result of [
			await harness.testCredential('superOfficeApi', {
				...credentials('superOffice', 0).superOfficeApi!,
				password: 'x',
			}),
			await harness.testCredential('autoSendApi', { apiKey: `${API_KEY}-wrong`, baseUrl: as.baseUrl }),
		]) {
			seen.push(JSON.stringify(result));
		}
	});

	// Runs last (jest keeps declaration order): scans everything the tests above produced.
	it('leaves no secret, base64 login or token in anything it produced', () => {
		const everything = [...seen, ...logged].join('\n');
		const leaks = FORBIDDEN.filter((secret) => everything.includes(secret));
		expect(leaks).toEqual([]);
		// The scan must have had something to scan: errors from every service.
		expect(everything).toContain('SuperOffice could not');
		expect(everything).toContain('AutoSend could not');
	});
});
