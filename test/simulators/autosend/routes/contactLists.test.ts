/** The AutoSend simulator's list management and bulk-add (remove and search are in ../autosend.test.ts). */
import { startAutoSendSimulator, type AutoSendSimulator } from '..';
import { AS_JSON, call } from '../../specClient';

const NEWSLETTER = '60d5ec49f1b2c72d9c8b4567';
const CUSTOMERS = '60d5ec49f1b2c72d9c8b4568';
const JANE = '60d5ec49f1b2c72d9c8b1111';

describe('AutoSend simulator: contact lists', () => {
	let as: AutoSendSimulator;
	const post = (path: string, body: unknown) =>
		call(`${as.baseUrl}${path}`, { method: 'POST', headers: AS_JSON, body: JSON.stringify(body) });
	const bulkAdd = (body: unknown) => post('/contact-lists/contacts/bulk-add', body);

	beforeEach(async () => {
		as = await startAutoSendSimulator();
	});
	afterEach(async () => await as.close());

	it('pages GET /contact-lists when page or limit is given, and not otherwise', async () => {
		const all = await call(`${as.baseUrl}/contact-lists`, { headers: AS_JSON });
		expect(all.body.data.pagination).toBeUndefined();
		const page = await call(`${as.baseUrl}/contact-lists?page=2&limit=2`, { headers: AS_JSON });
		expect(page.body.data.lists.map((l: { name: string }) => l.name)).toEqual(['Customers', 'Webinar attendees']);
		expect(page.body.data.pagination).toEqual({ page: 2, limit: 2, total: 5, pages: 3 });
		expect((await call(`${as.baseUrl}/contact-lists?limit=101`, { headers: AS_JSON })).status).toBe(400);
	});

	it('answers with data.contacts instead of data.lists when told to (older documentation)', async () => {
		const older = await startAutoSendSimulator({ listsKey: 'contacts' });
		try {
			const { body } = await call(`${older.baseUrl}/contact-lists`, { headers: AS_JSON });
			expect(Object.keys(body.data)).toEqual(['contacts']);
		} finally {
			await older.close();
		}
	});

	it('creates a list (201) with a unique name, and refuses what the docs refuse', async () => {
		const created = await post('/contact-lists', { name: 'Leads', description: 'Web' });
		expect(created.status).toBe(201);
		expect(created.body.data).toMatchObject({ name: 'Leads', description: 'Web', type: 'list', contactCount: 0 });
		expect((await post('/contact-lists', { name: 'leads' })).body.error.code).toBe('LIST_NAME_EXISTS');
		expect((await post('/contact-lists', { description: 'x' })).body.error.code).toBe('LIST_NAME_REQUIRED');
		expect((await post('/contact-lists', { name: 'S', type: 'folder' })).body.error.code).toBe('INVALID_LIST_TYPE');
		expect((await post('/contact-lists', { name: 'x'.repeat(201) })).status).toBe(400);
		expect((await post('/contact-lists', { name: 'Seg', type: 'segment' })).status).toBe(400);
	});

	it('deletes a list, then answers 404; All Contacts cannot be deleted', async () => {
		const del = (id: string) => call(`${as.baseUrl}/contact-lists/${id}`, { method: 'DELETE', headers: AS_JSON });
		expect((await del(CUSTOMERS)).body).toEqual({ success: true, message: 'Contact list deleted successfully' });
		expect((await del(CUSTOMERS)).status).toBe(404);
		expect((await del('GLOBAL_CONTACT_LIST')).body.error.code).toBe('CANNOT_MODIFY_GLOBAL_LIST');
	});

	it('bulk-adds by email: existing contacts added, unknown ones created, members counted, invalid and suppressed listed', async () => {
		const { body } = await bulkAdd({
			contactListId: CUSTOMERS,
			emails: ['jane@example.com', 'new@example.com', 'john@example.com', 'bad@', 'blocked@example.com'],
		});
		expect(body.data).toMatchObject({
			added: 1,
			created: 1,
			alreadyInList: 1,
			errors: [],
			validation: {
				valid: [
					{ email: 'jane@example.com', status: 'valid' },
					{ email: 'new@example.com', status: 'valid' },
					{ email: 'john@example.com', status: 'valid' },
				],
				invalid: [{ email: 'bad@', status: 'invalid', reason: 'Invalid email format' }],
				suppressed: [{ email: 'blocked@example.com', status: 'suppressed' }],
			},
			totalContactsInList: 5,
		});
		expect(body.data.contacts.map((c: { email: string }) => c.email)).toEqual(['jane@example.com', 'new@example.com']);
		expect(as.listMembers(CUSTOMERS)).not.toContain('blocked@example.com');
	});

	it('bulk-adds by contact ID and lists unknown and malformed IDs as errors', async () => {
		const { body } = await bulkAdd({ contactListId: CUSTOMERS, contactIds: [JANE, '60d5ec49f1b2c72d9c8b0000', '1'] });
		expect(body.data).toMatchObject({
			added: 1,
			errors: [
				{ contactId: '60d5ec49f1b2c72d9c8b0000', message: 'Contact not found' },
				{ contactId: '1', message: 'Invalid contact ID' },
			],
		});
	});

	it.each([
		[
			'All Contacts',
			{ contactListId: 'GLOBAL_CONTACT_LIST', emails: ['a@example.com'] },
			400,
			'CANNOT_MODIFY_GLOBAL_LIST',
		],
		[
			'a segment',
			{ contactListId: '60d5ec49f1b2c72d9c8b4570', emails: ['a@example.com'] },
			400,
			'CANNOT_MODIFY_SEGMENT',
		],
		[
			'an unknown list',
			{ contactListId: '60d5ec49f1b2c72d9c8b0000', emails: ['a@example.com'] },
			404,
			'CONTACT_LIST_NOT_FOUND',
		],
		[
			'both emails and contactIds',
			{ contactListId: NEWSLETTER, emails: ['a@example.com'], contactIds: [JANE] },
			400,
			'VALIDATION_FAILED',
		],
		['no contactListId', { emails: ['a@example.com'] }, 400, 'VALIDATION_FAILED'],
	])('refuses a bulk-add to %s', async (_case, body, status, code) => {
		const answer = await bulkAdd(body);
		expect(answer.status).toBe(status);
		expect(answer.body.error.code).toBe(code);
	});

	it('caps bulk-add values when configured (the docs give no cap)', async () => {
		const capped = await startAutoSendSimulator({ maxValuesPerRequest: 1 });
		try {
			const answer = await call(`${capped.baseUrl}/contact-lists/contacts/bulk-add`, {
				method: 'POST',
				headers: AS_JSON,
				body: JSON.stringify({ contactListId: NEWSLETTER, emails: ['a@example.com', 'b@example.com'] }),
			});
			expect(answer.status).toBe(400);
		} finally {
			await capped.close();
		}
	});
});
