/** The AutoSend simulator's own spec: what the node's tests may rely on it to do. */
import { startAutoSendSimulator, type AutoSendSimulator } from '.';
import { sleep } from '../common';
import { AS_JSON, AS_KEY, call } from '../specClient';

const NEWSLETTER = '60d5ec49f1b2c72d9c8b4567';

describe('AutoSend simulator', () => {
	let as: AutoSendSimulator;
	const remove = (listId: string, body: unknown, headers: Record<string, string> = AS_JSON) =>
		call(`${as.baseUrl}/contact-lists/${encodeURIComponent(listId)}/contacts/remove`, {
			method: 'POST',
			headers,
			body: typeof body === 'string' ? body : JSON.stringify(body),
		});

	beforeEach(async () => {
		as = await startAutoSendSimulator();
	});
	afterEach(async () => {
		await as.close();
	});

	it('accepts Bearer and x-api-key and rejects anything else with the documented 401', async () => {
		expect((await call(`${as.baseUrl}/contact-lists`, { headers: { authorization: `Bearer ${AS_KEY}` } })).status).toBe(
			200,
		);
		expect((await call(`${as.baseUrl}/contact-lists`, { headers: { 'x-api-key': AS_KEY } })).status).toBe(200);
		const rejected: Array<Record<string, string>> = [{}, { authorization: 'Bearer wrong' }, { authorization: AS_KEY }];
		for (const headers of rejected) {
			const response = await call(`${as.baseUrl}/contact-lists`, { headers });
			expect(response.status).toBe(401);
			expect(response.body).toEqual({ success: false, error: { message: 'Unauthorized', code: 'UNAUTHORIZED' } });
		}
	});

	it('lists contact lists with GLOBAL_CONTACT_LIST first and filters by type', async () => {
		const { body } = await call(`${as.baseUrl}/contact-lists`, { headers: AS_JSON });
		expect(body.success).toBe(true);
		expect(body.data.lists[0]).toMatchObject({
			id: 'GLOBAL_CONTACT_LIST',
			name: 'All Contacts',
			type: 'list',
			contactCount: 8,
		});
		expect(body.data.lists[1]).toMatchObject({ id: NEWSLETTER, name: 'Newsletter', contactCount: 5 });
		const segments = await call(`${as.baseUrl}/contact-lists?type=segment`, { headers: AS_JSON });
		expect(segments.body.data.lists.map((l: { type: string }) => l.type)).toEqual(['segment']);
		const missing = await call(`${as.baseUrl}/contact-lists/nope`, { headers: AS_JSON });
		expect(missing.body).toEqual({
			success: false,
			error: { message: 'Contact list not found', code: 'CONTACT_LIST_NOT_FOUND' },
		});
	});

	it('removes by email and reports removed, notInList and errors', async () => {
		const response = await remove(NEWSLETTER, {
			emails: [
				'Jane@Example.com',
				'john@example.com',
				'jane@example.com',
				'emma.wilson@example.com',
				'nobody@example.com',
				'not-an-email',
			],
		});
		expect(response.status).toBe(200);
		expect(response.body).toEqual({
			success: true,
			data: { removed: 2, notInList: 2, errors: [{ email: 'not-an-email', message: 'Invalid email format' }] },
		});
		expect(as.listMembers(NEWSLETTER)).toEqual([
			'maria.garcia@example.com',
			'li.wei@example.com',
			'ahmed.khan@example.com',
		]);
	});

	it('removes by contact id and flags malformed ids', async () => {
		const response = await remove(NEWSLETTER, {
			contactIds: ['60d5ec49f1b2c72d9c8b1111', '60d5ec49f1b2c72d9c8b9999', '123'],
		});
		expect(response.body.data).toEqual({
			removed: 1,
			notInList: 1,
			errors: [{ contactId: '123', message: 'Invalid contact ID' }],
		});
	});

	it.each([
		['both emails and contactIds', { emails: ['jane@example.com'], contactIds: ['60d5ec49f1b2c72d9c8b1111'] }],
		['neither', {}],
		['an extra key', { emails: ['jane@example.com'], listId: NEWSLETTER }],
		['a non-array', { emails: 'jane@example.com' }],
		['an empty array', { emails: [] }],
		['a non-string entry', { contactIds: [42] }],
		['a non-object body', ['jane@example.com']],
	])('rejects %s with 400 VALIDATION_FAILED and details', async (_name, body) => {
		const response = await remove(NEWSLETTER, body);
		expect(response.status).toBe(400);
		expect(response.body.success).toBe(false);
		expect(response.body.error).toMatchObject({ message: 'Validation failed', code: 'VALIDATION_FAILED' });
		expect(response.body.error.details.length).toBeGreaterThan(0);
		expect(as.listMembers(NEWSLETTER)).toHaveLength(5);
	});

	it('rejects a wrong content type and invalid JSON with VALIDATION_FAILED', async () => {
		const wrongType = await remove(
			NEWSLETTER,
			{ emails: ['jane@example.com'] },
			{ ...AS_JSON, 'content-type': 'text/plain' },
		);
		expect(wrongType.status).toBe(400);
		expect(wrongType.body.error.code).toBe('VALIDATION_FAILED');
		const badJson = await remove(NEWSLETTER, '{"emails": [');
		expect(badJson.status).toBe(400);
		expect(badJson.body.error.code).toBe('VALIDATION_FAILED');
	});

	it('refuses GLOBAL_CONTACT_LIST and unknown lists', async () => {
		expect((await remove('GLOBAL_CONTACT_LIST', { emails: ['jane@example.com'] })).body).toEqual({
			success: false,
			error: {
				message: 'Cannot remove contacts from GLOBAL_CONTACT_LIST. Use the Delete Contact API instead.',
				code: 'CANNOT_MODIFY_GLOBAL_LIST',
			},
		});
		const unknown = await remove('60d5ec49f1b2c72d9c8b0000', { emails: ['jane@example.com'] });
		expect(unknown.status).toBe(404);
		expect(unknown.body.error.code).toBe('CONTACT_LIST_NOT_FOUND');
	});

	it('enforces maxValuesPerRequest when configured', async () => {
		const capped = await startAutoSendSimulator({ maxValuesPerRequest: 2 });
		try {
			const response = await call(`${capped.baseUrl}/contact-lists/${NEWSLETTER}/contacts/remove`, {
				method: 'POST',
				headers: AS_JSON,
				body: JSON.stringify({ emails: ['a@example.com', 'b@example.com', 'c@example.com'] }),
			});
			expect(response.status).toBe(400);
			expect(response.body.error.details).toEqual([
				{ field: 'emails', message: 'emails must contain at most 2 items' },
			]);
		} finally {
			await capped.close();
		}
	});

	it('searches list contacts with pagination', async () => {
		const search = (body: unknown) =>
			call(`${as.baseUrl}/contact-lists/contacts/search`, {
				method: 'POST',
				headers: AS_JSON,
				body: JSON.stringify(body),
			});
		const page = await search({ contactListId: NEWSLETTER, page: 2, limit: 2 });
		expect(page.body.data.pagination).toEqual({ page: 2, limit: 2, total: 5, pages: 3 });
		expect(page.body.data.contacts.map((c: { email: string }) => c.email)).toEqual([
			'maria.garcia@example.com',
			'li.wei@example.com',
		]);
		expect((await search({ contactListId: NEWSLETTER, limit: 101 })).status).toBe(400);
		expect((await search({ contactListId: NEWSLETTER, email: 'JANE' })).body.data.contacts).toHaveLength(1);
	});

	it('answers unknown routes with a NOT_FOUND envelope', async () => {
		const response = await call(`${as.baseUrl}/nope`, { headers: AS_JSON });
		expect(response.status).toBe(404);
		expect(response.body.error.code).toBe('NOT_FOUND');
	});

	it('rate limits per key with headers and a retryAfter body field', async () => {
		const limited = await startAutoSendSimulator({ rateLimitPerSecond: 2 });
		try {
			// Start right after a window boundary so three requests land in the same second.
			await sleep(1000 - (Date.now() % 1000) + 5);
			const responses = [];
			for (let i = 0; i < 3; i++) responses.push(await call(`${limited.baseUrl}/contact-lists`, { headers: AS_JSON }));
			expect(responses.map((r) => r.status)).toEqual([200, 200, 429]);
			expect(responses[0].headers.get('x-ratelimit-limit')).toBe('2');
			expect(responses[0].headers.get('x-ratelimit-remaining')).toBe('1');
			expect(Number(responses[0].headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000 - 1);
			expect(responses[2].body).toEqual({
				success: false,
				error: { message: 'Too many requests, please retry after 1 second', code: 'RATE_LIMIT_EXCEEDED' },
				retryAfter: 1,
			});
			expect(limited.stats.rateLimited).toBe(1);
		} finally {
			await limited.close();
		}
	});

	it('records requests with the path after /v1 and supports faults', async () => {
		as.injectFault({
			match: { path: `/contact-lists/${NEWSLETTER}/contacts/remove` },
			status: 500,
			body: { boom: true },
		});
		const faulted = await remove(NEWSLETTER, { emails: ['jane@example.com'] });
		expect(faulted.status).toBe(500);
		expect(faulted.body).toEqual({ boom: true });
		expect(as.listMembers(NEWSLETTER)).toContain('jane@example.com');
		expect(as.requests[0]).toMatchObject({
			method: 'POST',
			path: `/contact-lists/${NEWSLETTER}/contacts/remove`,
			body: { emails: ['jane@example.com'] },
			status: 500,
		});
		expect((await remove(NEWSLETTER, { emails: ['jane@example.com'] })).body.data.removed).toBe(1);
	});

	it('builds and trims a 50,000 contact list quickly', async () => {
		const started = Date.now();
		const list = as.addList({ name: 'Bulk' });
		const contacts = as.addContacts(50000, { listId: list.id });
		expect(new Set(contacts.map((c) => c.id)).size).toBe(50000);
		const response = await remove(list.id, { contactIds: contacts.slice(0, 100).map((c) => c.id) });
		expect(response.body.data.removed).toBe(100);
		expect(as.listMembers(list.id)).toHaveLength(49900);
		expect(Date.now() - started).toBeLessThan(5000);
	});
});
