// The bad-input matrix: every way a user's input can be wrong ends in a NodeOperationError that names
// the parameter and the item, and nothing reaches the API. Values arrive through expressions, as they
// do in real workflows ($json.value), so n8n's own static parameter checks do not hide them.
import type { INodeParameters } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { BAD_INPUT } from './cases';
import {
	autoSendCredential,
	harness,
	removeContactsParameters,
	superOfficeCredential,
	useSimulators,
} from '../support/package';

describe('bad input never reaches the API', () => {
	const sims = useSimulators();

	const expectRefused = async (run: Promise<{ error?: Error & Record<string, unknown> }>, field: string) => {
		const { error } = await run;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error?.message).toContain(field);
		// The bad value sits in the second item, after a good one: the message must point at item 1.
		expect(error?.message).toMatch(/\[item 1\]$/);
		expect(error?.description).toBeTruthy();
		expect(sims.so.requests).toHaveLength(0);
		expect(sims.as.requests).toHaveLength(0);
	};
	const superOffice = (parameters: INodeParameters, items: object[]) =>
		harness.runNode({
			nodeType: 'superOffice',
			parameters,
			credentials: superOfficeCredential(sims.so),
			items: items as never,
		});
	const autoSend = (parameters: INodeParameters, items: object[]) =>
		harness.runNode({
			nodeType: 'autoSend',
			parameters,
			credentials: autoSendCredential(sims.as),
			items: items as never,
		});

	describe.each(BAD_INPUT)('$key', ({ service, parameters, good, cases }) => {
		it.each(cases)('%s', async (_name, change, field) => {
			const run = service === 'superOffice' ? superOffice : autoSend;
			await expectRefused(run(parameters, [good, { ...good, ...change }]), field);
		});
	});

	describe('credentials', () => {
		it.each([
			['WebAPI URL without a scheme', { webApiUrl: '127.0.0.1/Cust12345/api' }, 'WebAPI URL'],
			[
				'WebAPI URL with a login in it',
				{ webApiUrl: 'https://user:pw@online2.superoffice.com/Cust12345/api' },
				'user name or password',
			],
			[
				'WebAPI URL with a query string',
				{ webApiUrl: 'https://online2.superoffice.com/Cust12345/api?tenant=1' },
				'query string',
			],
			['WebAPI URL on the login host', { webApiUrl: 'https://sod.superoffice.com/Cust12345/api' }, 'login host'],
			[
				'WebAPI URL on the login host, with a trailing dot',
				{ webApiUrl: 'https://online.superoffice.com./Cust12345/api' },
				'login host',
			],
			[
				'WebAPI URL over plain http to another host',
				{ webApiUrl: 'http://online2.superoffice.com/Cust12345/api' },
				'must start with https://',
			],
			['WebAPI URL not ending in /api', { webApiUrl: 'https://online2.superoffice.com/Cust12345' }, 'must end in /api'],
			['WebAPI URL empty', { webApiUrl: '' }, 'is empty'],
			['Basic with an empty password', { password: '' }, 'The Password in the SuperOffice credential is empty'],
			['Basic with an empty username', { username: ' ' }, 'The Username in the SuperOffice credential is empty'],
			[
				'SOTicket with an empty ticket',
				{ authentication: 'soTicket', ticket: '', appToken: 'x' },
				'The Ticket in the SuperOffice credential is empty',
			],
			[
				'Bearer with an empty access token',
				{ authentication: 'bearer', accessToken: '' },
				'The Access Token in the SuperOffice credential is empty',
			],
		])('SuperOffice %s', async (_name, change, text) => {
			const { error } = await harness.runNode({
				nodeType: 'superOffice',
				parameters: { resource: 'relation', operation: 'delete', relationId: 413 },
				credentials: superOfficeCredential(sims.so, 'basic', change),
			});
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error?.message).toContain(text);
			expect(error?.message).toContain('[item 0]');
			expect(sims.so.requests).toHaveLength(0);
		});

		it.each([
			// Hosts that cannot be reached, so that a check that failed to refuse could still contact nothing.
			['over plain http to another host', 'http://autosend.invalid/v1', 'must start with https://'],
			[
				'with a user name and password, which would replace the key',
				'https://u:p@autosend.invalid/v1',
				'user name or password',
			],
			['with a query string', 'https://autosend.invalid/v1?x=1', 'query string'],
			['with a fragment', 'https://autosend.invalid/v1#x', 'query string or # fragment'],
			['with a path that is not the API', 'http://127.0.0.1:1/v1/contacts/remove', 'must end in /v1'],
			['with .. that leads elsewhere', 'http://127.0.0.1:1/v1/../elsewhere/v1', 'must not contain ..'],
			['that is no address', 'autosend.invalid', 'not a full address'],
		])('AutoSend Base URL %s', async (_name, baseUrl, text) => {
			const { error } = await harness.runNode({
				nodeType: 'autoSend',
				parameters: removeContactsParameters('60d5ec49f1b2c72d9c8b4567'),
				credentials: autoSendCredential(sims.as, { baseUrl }),
				items: [{ emails: 'jane@example.com' }],
			});
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error?.message).toContain('The Base URL in the AutoSend credential');
			expect(error?.message).toContain(text);
			expect(sims.as.requests).toHaveLength(0);
		});

		it('AutoSend with an empty API key', async () => {
			const { error } = await harness.runNode({
				nodeType: 'autoSend',
				parameters: removeContactsParameters('60d5ec49f1b2c72d9c8b4567'),
				credentials: autoSendCredential(sims.as, { apiKey: '  ' }),
				items: [{ emails: 'jane@example.com' }],
			});
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error?.message).toBe('The API Key in the AutoSend credential is empty [item 0]');
			expect(sims.as.requests).toHaveLength(0);
		});
	});
});

describe('input that is fine, normalised rather than refused', () => {
	const sims = useSimulators();

	const removeEmails = async (emails: string | string[]) =>
		await harness.runNode({
			nodeType: 'autoSend',
			parameters: removeContactsParameters('60d5ec49f1b2c72d9c8b4567'),
			credentials: autoSendCredential(sims.as),
			items: [{ emails }],
		});

	it('lower-cases addresses as AutoSend stores them', async () => {
		const { items } = await removeEmails(' Jane@Example.COM ');
		expect(items[0].json.emails).toEqual(['jane@example.com']);
	});

	it('accepts internationalised addresses', async () => {
		const { items, error } = await removeEmails('jöran@exämple.se');
		expect(error).toBeUndefined();
		expect(items[0].json.emails).toEqual(['jöran@exämple.se']);
	});

	it('sends duplicates within one item once', async () => {
		const { items } = await removeEmails(['jane@example.com', 'JANE@example.com', 'jane@example.com']);
		expect(items[0].json.emails).toEqual(['jane@example.com']);
		expect(sims.as.requests[0].body).toEqual({ emails: ['jane@example.com'] });
	});

	it('splits thousands of addresses in one item into requests of 100', async () => {
		const emails = Array.from({ length: 2500 }, (_, i) => `bulk${i}@example.com`);
		const { items } = await removeEmails(emails.join(', '));
		expect(sims.as.requests).toHaveLength(25);
		expect(items).toHaveLength(1);
		expect(items[0].json.results).toHaveLength(2500);
		expect((items[0].json.results as Array<{ status: string }>).every((r) => r.status === 'notInList')).toBe(true);
	});
});
