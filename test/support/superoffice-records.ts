// Parameter builders and a runner for the Person and Company (Contact) tests, the matrices and the e2e file.
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { shutdownHarness } from '../harness';
import type { SuperOfficeSimulator } from '../simulators';
import { startSuperOfficeSimulator } from '../simulators';
import { harness, superOfficeCredential } from './package';

/** A freshly seeded SuperOffice simulator for every test, for tests that change records. Read `sims.so` inside tests. */
export function useFreshSuperOffice(): { so: SuperOfficeSimulator } {
	const sims = {} as { so: SuperOfficeSimulator };
	beforeEach(async () => {
		sims.so = await startSuperOfficeSimulator();
	});
	afterEach(async () => await sims.so.close());
	afterAll(async () => await shutdownHarness());
	return sims;
}

/** A resource locator given By ID (expressions allowed, as `={{ $json.personId }}`). */
export const byId = (value: string | number) => ({ __rl: true as const, mode: 'id', value: String(value) });

/** A resource locator as From List stores a pick. */
export const fromList = (value: string | number, cachedResultName = '') => ({
	__rl: true as const,
	mode: 'list',
	value: String(value),
	cachedResultName,
});

/** Throughput options under which a fault is seen once: no retries, no waiting, a short timeout. */
export const ONCE = { maxTries: 1, maxWait: 0, timeout: 500, requestsPerSecond: 100 };

export const person = (operation: string, parameters: INodeParameters = {}): INodeParameters => ({
	resource: 'person',
	operation,
	...parameters,
});

export const company = (operation: string, parameters: INodeParameters = {}): INodeParameters => ({
	resource: 'company',
	operation,
	...parameters,
});

/** The SuperOffice node once, with the simulator's Basic credential. */
export async function runSuperOffice(
	sim: SuperOfficeSimulator,
	parameters: INodeParameters,
	items: IDataObject[] = [{}],
	onError?: 'continueRegularOutput' | 'continueErrorOutput',
) {
	return await harness.runNode({
		nodeType: 'superOffice',
		parameters,
		credentials: superOfficeCredential(sim),
		items: items as never,
		onError,
	});
}

/** What the simulator received, as "METHOD path" lines. */
export const sent = (sim: SuperOfficeSimulator) => sim.requests.map((r) => `${r.method} ${r.path}`);

/** Persons beyond the seed, so that a list spans several pages. */
export function addPersons(sim: SuperOfficeSimulator, count: number, contactId = 141): number[] {
	const ids: number[] = [];
	for (let i = 0; i < count; i++) {
		const personId = 5000 + i;
		sim.state.persons.set(personId, {
			personId,
			contactId,
			fullName: `Bulk Person ${i}`,
			firstName: 'Bulk',
			lastName: `Person ${i}`,
			email: `bulk${i}@baltictimber.example`,
			updated: '2026-02-01T09:00:00Z',
			registered: '2026-02-01T09:00:00Z',
		});
		ids.push(personId);
	}
	return ids;
}

/** Companies beyond the seed, so that a list spans several pages. */
export function addCompanies(sim: SuperOfficeSimulator, count: number): number[] {
	const ids: number[] = [];
	for (let i = 0; i < count; i++) {
		const contactId = 7000 + i;
		sim.state.contacts.set(contactId, {
			contactId,
			name: `Bulk Company ${i}`,
			orgNr: `BULK${i}`,
			updated: '2026-02-01T09:00:00Z',
			registered: '2026-02-01T09:00:00Z',
		});
		ids.push(contactId);
	}
	return ids;
}

// ---- Rows for the bad-input and fault matrices (test/matrix/superoffice.cases.ts spreads them) ----

type Case = [name: string, change: Record<string, unknown>, field: string];
const ids = (field: string, key: string): Case[] =>
	[
		['text', 'abc'],
		['a decimal', 1.5],
		['a decimal in text', '12.0'],
		['negative', -3],
		['zero', 0],
		['beyond int32', 2147483648],
		['empty', ''],
		['null from an expression', null],
		['an array from an expression', [1, 2]],
	].map(([name, value]): Case => [`${field}: ${name as string}`, { [key]: value }, field]);
const emails = (field: string, key: string): Case[] =>
	[
		['no domain', 'jane@'],
		['two @', 'jane@@example.com'],
		['a mailto: link', 'mailto:jane@example.com'],
		['a zero-width space inside', 'ja\u200bne@example.com'],
		['an object', { email: 'jane@example.com' }],
	].map(([name, value]): Case => [`${field}: ${name as string}`, { [key]: value }, field]);
const customJson = (key: string): Case[] => [
	['Custom Fields (JSON): not JSON', { [key]: '{"SuperOffice:1":' }, 'Custom Fields (JSON)'],
	['Custom Fields (JSON): an array', { [key]: '["SuperOffice:1"]' }, 'Custom Fields (JSON)'],
	[
		'Custom Fields (JSON): an object as a value',
		{ [key]: '{"SuperOffice:1": {"a": 1}}' },
		'Custom field "SuperOffice:1"',
	],
	['Custom Fields (JSON): a name with a space', { [key]: '{"Super Office": "1"}' }, 'Custom Fields has a field'],
];
const expr = (key: string) => `={{ $json.${key} }}`;
const personById = () => byId(expr('personId'));
const companyById = () => byId(expr('contactId'));

export const RECORD_FAULT_OPERATIONS = [
	{
		name: 'Get Person',
		key: 'person/get',
		parameters: person('get', { personId: personById(), options: ONCE }),
		items: [{ personId: 266 }, { personId: 267 }],
		path: /^\/v1\/Person\/\d+$/,
	},
	{
		name: 'Get Many Persons',
		key: 'person/getAll',
		parameters: person('getAll', { limit: 1, filters: { email: expr('email') }, options: ONCE }),
		items: [{ email: 'kari.nordmann@nordicbikes.example' }, { email: 'ola.hansen@nordicbikes.example' }],
		path: /^\/v1\/Person$/,
	},
	{
		name: 'Create Person',
		key: 'person/create',
		parameters: person('create', {
			firstName: expr('firstName'),
			lastName: 'Fault',
			contactId: byId(139),
			options: ONCE,
		}),
		items: [{ firstName: 'Anna' }, { firstName: 'Berit' }],
		path: /^\/v1\/Person$/,
	},
	{
		name: 'Update Person',
		key: 'person/update',
		parameters: person('update', { personId: personById(), updateFields: { title: 'Buyer' }, options: ONCE }),
		items: [{ personId: 266 }, { personId: 267 }],
		path: /^\/v1\/Person\/\d+$/,
	},
	{
		name: 'Delete Person',
		key: 'person/delete',
		parameters: person('delete', { personId: personById(), options: ONCE }),
		items: [{ personId: 302 }, { personId: 315 }],
		path: /^\/v1\/Person\/\d+$/,
	},
	{
		name: 'Register Bounce',
		key: 'person/registerBounce',
		parameters: person('registerBounce', { email: expr('email'), options: ONCE }),
		items: [{ email: 'kari.nordmann@nordicbikes.example' }, { email: 'ola.hansen@nordicbikes.example' }],
		path: /\/Agents\/Person\/AddBounce$/,
	},
	{
		name: 'Set Consent',
		key: 'person/setConsent',
		parameters: person('setConsent', { personId: personById(), purpose: 'EMARKETING', options: ONCE }),
		items: [{ personId: 267 }, { personId: 301 }],
		path: /\/Agents\/Person\/SetConsent$/,
	},
	{
		name: 'Remove Consent',
		key: 'person/removeConsent',
		parameters: person('removeConsent', { personId: personById(), purpose: 'EMARKETING', options: ONCE }),
		items: [{ personId: 266 }, { personId: 267 }],
		path: /\/Agents\/Person\/RemoveConsent$/,
	},
	{
		name: 'Get Company',
		key: 'company/get',
		parameters: company('get', { contactId: companyById(), options: ONCE }),
		items: [{ contactId: 138 }, { contactId: 139 }],
		path: /^\/v1\/Contact\/\d+$/,
	},
	{
		name: 'Get Many Companies',
		key: 'company/getAll',
		parameters: company('getAll', { limit: 1, filters: { name: expr('name') }, options: ONCE }),
		items: [{ name: 'Fjord' }, { name: 'Aurora' }],
		path: /^\/v1\/Contact$/,
	},
	{
		name: 'Create Company',
		key: 'company/create',
		parameters: company('create', { name: expr('name'), options: ONCE }),
		items: [{ name: 'Fault One AS' }, { name: 'Fault Two AS' }],
		path: /^\/v1\/Contact$/,
	},
	{
		name: 'Update Company',
		key: 'company/update',
		parameters: company('update', { contactId: companyById(), updateFields: { department: 'HQ' }, options: ONCE }),
		items: [{ contactId: 138 }, { contactId: 139 }],
		path: /^\/v1\/Contact\/\d+$/,
	},
	{
		name: 'Delete Company',
		key: 'company/delete',
		parameters: company('delete', { contactId: companyById(), options: ONCE }),
		items: [{ contactId: 140 }, { contactId: 141 }],
		path: /^\/v1\/Contact\/\d+$/,
	},
].map((row) => ({ ...row, service: 'superOffice' as const }));

export const RECORD_BAD_INPUT = [
	{
		key: 'person/get',
		parameters: person('get', { personId: personById() }),
		good: { personId: 266 },
		cases: ids('Person', 'personId'),
	},
	{
		key: 'person/getAll',
		parameters: person('getAll', {
			filters: { email: expr('email'), contactId: expr('contactId'), updatedSince: expr('updatedSince') },
		}),
		good: { email: 'kari.nordmann@nordicbikes.example', contactId: 138, updatedSince: '2026-01-01T00:00:00Z' },
		cases: [
			...emails('Filters › Email', 'email'),
			...ids('Filters › Company (Contact) ID', 'contactId').filter(([name]) => !/zero|empty|null/.test(name)),
			['Filters › Updated Since: not a date', { updatedSince: 'last tuesday' }, 'Filters › Updated Since'],
			['Filters › Updated Since: an object', { updatedSince: { day: 1 } }, 'Filters › Updated Since'],
		] as Case[],
	},
	{
		key: 'person/create',
		parameters: person('create', {
			firstName: expr('firstName'),
			lastName: expr('lastName'),
			contactId: companyById(),
			additionalFields: { email: expr('email'), customFieldsJson: expr('custom') },
		}),
		good: {
			firstName: 'Jane',
			lastName: 'Doe',
			contactId: 139,
			email: 'jane@example.com',
			custom: '{"SuperOffice:1": "Gold"}',
		},
		cases: [
			['First Name and Last Name: both empty', { firstName: '', lastName: ' ' }, 'First Name and Last Name'],
			['First Name: an object', { firstName: { first: 'Jane' } }, 'First Name must be text'],
			...ids('Company (Contact)', 'contactId'),
			...emails('Additional Fields › Email', 'email'),
			...customJson('custom'),
		] as Case[],
	},
	{
		key: 'person/update',
		parameters: person('update', {
			personId: personById(),
			updateFields: { title: expr('title'), email: expr('email') },
		}),
		good: { personId: 267, title: 'CFO', email: 'ola@example.com' },
		cases: [
			...ids('Person', 'personId'),
			...emails('Update Fields › Email', 'email'),
			['Update Fields: nothing set', { title: '', email: '' }, 'Update Fields sets nothing'],
		] as Case[],
	},
	{
		key: 'person/delete',
		parameters: person('delete', { personId: personById() }),
		good: { personId: 266 },
		cases: ids('Person', 'personId'),
	},
	{
		key: 'person/registerBounce',
		parameters: person('registerBounce', {
			email: expr('email'),
			additionalFields: { code: expr('code'), counts: expr('counts') },
		}),
		good: { email: 'ola.hansen@nordicbikes.example', code: 550, counts: 1 },
		cases: [
			...emails('Email', 'email'),
			['Email: two addresses', { email: 'a@example.com, b@example.com' }, 'Email holds 2 addresses'],
			['Email: empty', { email: '' }, 'Email'],
			['Code: text', { code: 'bounce' }, 'Additional Fields › Code'],
			['Code: negative', { code: -1 }, 'Additional Fields › Code'],
			['Counts: zero', { counts: 0 }, 'Additional Fields › Counts'],
			['Counts: a decimal', { counts: 1.5 }, 'Additional Fields › Counts'],
		] as Case[],
	},
	{
		key: 'person/setConsent',
		parameters: person('setConsent', {
			personId: personById(),
			purpose: expr('purpose'),
			source: expr('source'),
			legalBase: expr('legalBase'),
		}),
		good: { personId: 267, purpose: 'EMARKETING', source: 'API', legalBase: '61A' },
		cases: [
			...ids('Person', 'personId'),
			['Purpose: empty', { purpose: '' }, 'Purpose Name or ID'],
			['Purpose: a space inside', { purpose: 'E MARKETING' }, 'Purpose Name or ID'],
			['Source: empty', { source: '' }, 'Source Name or ID'],
			['Legal Base: WITHDRAWN', { legalBase: 'WITHDRAWN' }, 'Legal Base WITHDRAWN'],
		] as Case[],
	},
	{
		key: 'person/removeConsent',
		parameters: person('removeConsent', { personId: personById(), purpose: expr('purpose') }),
		good: { personId: 266, purpose: 'EMARKETING' },
		cases: [...ids('Person', 'personId'), ['Purpose: empty', { purpose: '' }, 'Purpose Name or ID']] as Case[],
	},
	{
		key: 'company/get',
		parameters: company('get', { contactId: companyById() }),
		good: { contactId: 138 },
		cases: ids('Company (Contact)', 'contactId'),
	},
	{
		key: 'company/getAll',
		parameters: company('getAll', { filters: { name: expr('name'), updatedSince: expr('updatedSince') } }),
		good: { name: 'Nordic', updatedSince: '2026-01-01' },
		cases: [
			['Filters › Name: an object', { name: { text: 'Nordic' } }, 'Filters › Name'],
			['Filters › Updated Since: not a date', { updatedSince: '2026-13-45' }, 'Filters › Updated Since'],
		] as Case[],
	},
	{
		key: 'company/create',
		parameters: company('create', {
			name: expr('name'),
			additionalFields: { email: expr('email'), customFieldsJson: expr('custom') },
		}),
		good: { name: 'Polar Freight AS', email: 'post@example.com', custom: '{}' },
		cases: [
			['Name: empty', { name: ' ' }, 'Name'],
			['Name: an array', { name: ['A', 'B'] }, 'Name'],
			...emails('Additional Fields › Email', 'email'),
			...customJson('custom'),
		] as Case[],
	},
	{
		key: 'company/update',
		parameters: company('update', { contactId: companyById(), updateFields: { orgNr: expr('orgNr') } }),
		good: { contactId: 139, orgNr: 'NO1' },
		cases: [
			...ids('Company (Contact)', 'contactId'),
			['Update Fields: nothing set', { orgNr: '' }, 'Update Fields sets nothing'],
		] as Case[],
	},
	{
		key: 'company/delete',
		parameters: company('delete', { contactId: companyById() }),
		good: { contactId: 140 },
		cases: ids('Company (Contact)', 'contactId'),
	},
].map((row) => ({ ...row, service: 'superOffice' as const }));
