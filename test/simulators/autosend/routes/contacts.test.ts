/** The AutoSend simulator's contacts and custom fields: what the node's contact operations rely on. */
import { startAutoSendSimulator, type AutoSendSimulator } from '..';
import { AS_JSON, call } from '../../specClient';

const JANE = '60d5ec49f1b2c72d9c8b1111';
const CUSTOMERS = '60d5ec49f1b2c72d9c8b4568';

describe('AutoSend simulator: contacts', () => {
	let as: AutoSendSimulator;
	const post = (path: string, body: unknown) =>
		call(`${as.baseUrl}${path}`, { method: 'POST', headers: AS_JSON, body: JSON.stringify(body) });

	beforeEach(async () => {
		as = await startAutoSendSimulator();
	});
	afterEach(async () => await as.close());

	it('lists the custom fields with their types', async () => {
		const { body } = await call(`${as.baseUrl}/custom-fields`, { headers: AS_JSON });
		expect(
			body.data.customFields.map((f: { fieldName: string; fieldType: string }) => `${f.fieldName}:${f.fieldType}`),
		).toEqual(['company:string', 'plan:string', 'seats:number', 'trial:boolean', 'renewalDate:date']);
	});

	it('upserts by email: creates, then updates the same contact, coercing custom fields and adding to lists', async () => {
		const created = await post('/contacts/email', {
			email: 'Ada@Example.com',
			firstName: 'Ada',
			customFields: { seats: '3' },
		});
		expect(created.status).toBe(200);
		expect(created.body.data).toMatchObject({
			email: 'ada@example.com',
			firstName: 'Ada',
			customFields: { seats: 3 },
			listIds: [],
		});

		const updated = await post('/contacts/email', { email: 'ada@example.com', lastName: 'L', listIds: [CUSTOMERS] });
		expect(updated.body.data).toMatchObject({
			id: created.body.data.id,
			firstName: 'Ada',
			lastName: 'L',
			listIds: [CUSTOMERS],
		});
	});

	it.each([
		['an unknown key', { email: 'a@example.com', phone: '1' }, 'phone'],
		['a bad email', { email: 'nope' }, 'email'],
		['an unknown custom field', { email: 'a@example.com', customFields: { shoe: 1 } }, 'customFields.shoe'],
		['a value of the wrong type', { email: 'a@example.com', customFields: { trial: 'maybe' } }, 'customFields.trial'],
		['a segment in listIds', { email: 'a@example.com', listIds: ['60d5ec49f1b2c72d9c8b4570'] }, 'listIds[0]'],
		['GLOBAL_CONTACT_LIST in listIds', { email: 'a@example.com', listIds: ['GLOBAL_CONTACT_LIST'] }, 'listIds[0]'],
		['an unknown list in listIds', { email: 'a@example.com', listIds: ['60d5ec49f1b2c72d9c8b0000'] }, 'listIds[0]'],
	])('refuses an upsert with %s (400, naming the field)', async (_case, body, field) => {
		const { status, body: answer } = await post('/contacts/email', body);
		expect(status).toBe(400);
		expect(answer.error.code).toBe('VALIDATION_FAILED');
		expect(answer.error.details.map((d: { field: string }) => d.field)).toContain(field);
	});

	it('bulk-updates up to 100 contacts, counting the ones that fail without naming them', async () => {
		const { body } = await post('/contacts/bulk-update', {
			contacts: [
				{ email: 'a@example.com' },
				{ email: 'b@example.com', customFields: { seats: 'x' } },
				{ email: 'c@example.com', listIds: [] },
			],
			runWorkflow: true,
		});
		expect(body).toEqual({ success: true, data: { successCount: 1, failedCount: 2, totalCount: 3 } });
		expect(as.state.workflowRuns).toEqual(['a@example.com']);
	});

	it.each([
		['no contacts', { contacts: [] }],
		['101 contacts', { contacts: Array.from({ length: 101 }, (_, i) => ({ email: `c${i}@example.com` })) }],
		['a non-boolean runWorkflow', { contacts: [{ email: 'a@example.com' }], runWorkflow: 'yes' }],
		['an entry that is not an object', { contacts: ['a@example.com'] }],
	])('refuses a bulk update with %s', async (_case, body) => {
		expect((await post('/contacts/bulk-update', body)).status).toBe(400);
	});

	it('searches contacts by email and removes them by email', async () => {
		const found = await post('/contacts/search/emails', { emails: ['JANE@example.com', 'nobody@example.com'] });
		expect(found.body.data.contacts.map((c: { id: string }) => c.id)).toEqual([JANE]);

		const removed = await post('/contacts/remove', { emails: ['jane@example.com', 'nobody@example.com'] });
		expect(removed.body).toEqual({ success: true });
		expect(as.state.contacts.has(JANE)).toBe(false);
		expect((await post('/contacts/remove', { emails: ['not-an-email'] })).status).toBe(400);
	});

	it('reads and deletes a contact by ID, answering 404 CONTACT_NOT_FOUND when it is gone', async () => {
		expect((await call(`${as.baseUrl}/contacts/${JANE}`, { headers: AS_JSON })).body.data.email).toBe(
			'jane@example.com',
		);
		expect((await call(`${as.baseUrl}/contacts/${JANE}`, { method: 'DELETE', headers: AS_JSON })).body).toEqual({
			success: true,
		});
		const gone = await call(`${as.baseUrl}/contacts/${JANE}`, { method: 'DELETE', headers: AS_JSON });
		expect(gone.status).toBe(404);
		expect(gone.body.error.code).toBe('CONTACT_NOT_FOUND');
		expect(as.listMembers('60d5ec49f1b2c72d9c8b4567')).not.toContain('jane@example.com');
	});
});
