import {
	sleep,
	startAutoSendSimulator,
	startSuperOfficeSimulator,
	type AutoSendSimulator,
	type SuperOfficeSimulator,
} from './index';

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const SO_BASIC = basic('so-user', 'so-password');
const SO_JSON = { authorization: SO_BASIC, 'content-type': 'application/json; charset=utf-8' };
const AS_KEY = 'AS_test_key_123';
const AS_JSON = { authorization: `Bearer ${AS_KEY}`, 'content-type': 'application/json' };
const NEWSLETTER = '60d5ec49f1b2c72d9c8b4567';

// Tests dig into arbitrary JSON bodies; `any` keeps the assertions readable.
async function call(
	url: string,
	init: RequestInit = {},
): Promise<{ status: number; body: any; text: string; headers: Headers }> {
	const response = await fetch(url, init);
	const text = await response.text();
	let body: unknown;
	try {
		body = text === '' ? undefined : JSON.parse(text);
	} catch {
		body = undefined;
	}
	return { status: response.status, body, text, headers: response.headers };
}

describe('SuperOffice simulator', () => {
	let so: SuperOfficeSimulator;
	const removeMembers = (body: unknown, headers: Record<string, string> = SO_JSON) =>
		call(`${so.webApiUrl}/v1/Agents/Selection/RemoveContactSelectionMembers`, {
			method: 'POST',
			headers,
			body: typeof body === 'string' ? body : JSON.stringify(body),
		});
	const deleteRelation = (body: unknown) =>
		call(`${so.webApiUrl}/v1/Agents/Relation/DeleteContactRelation`, {
			method: 'POST',
			headers: SO_JSON,
			body: JSON.stringify(body),
		});

	beforeEach(async () => {
		so = await startSuperOfficeSimulator();
	});
	afterEach(async () => {
		await so.close();
	});

	it('exposes the tenant WebAPI URL without a trailing slash', () => {
		expect(so.webApiUrl).toBe(`http://127.0.0.1:${so.port}/Cust12345/api`);
	});

	describe('authentication', () => {
		const principal = (headers: Record<string, string>) =>
			call(`${so.webApiUrl}/v1/User/currentPrincipal`, { headers });

		it.each([
			['Basic', { authorization: SO_BASIC }],
			['SOTicket with SO-AppToken', { authorization: 'SOTicket 7T:c28tdGlja2V0', 'so-apptoken': 'so-app-token' }],
			['lower-case soticket scheme', { authorization: 'soticket 7T:c28tdGlja2V0', 'so-apptoken': 'so-app-token' }],
			['Bearer', { authorization: 'Bearer 8A:Cust12345.access-token' }],
			['Bearer with SO-AppToken', { authorization: 'Bearer 8A:Cust12345.access-token', 'so-apptoken': 'so-app-token' }],
		])('accepts %s', async (_name, headers) => {
			const { status, body } = await principal(headers);
			expect(status).toBe(200);
			expect(body).toMatchObject({ AssociateId: 5, UserName: 'so-user', DatabaseContextIdentifier: 'Cust12345' });
		});

		it.each([
			['no header', {}, 'Authorization header is required'],
			['wrong password', { authorization: basic('so-user', 'nope') }, 'Invalid username or password'],
			['wrong ticket', { authorization: 'SOTicket 7T:wrong', 'so-apptoken': 'so-app-token' }, 'Invalid ticket'],
			[
				'SOTicket without SO-AppToken',
				{ authorization: 'SOTicket 7T:c28tdGlja2V0' },
				'SO-AppToken header is required with SOTicket authentication',
			],
			[
				'SOTicket with wrong SO-AppToken',
				{ authorization: 'SOTicket 7T:c28tdGlja2V0', 'so-apptoken': 'x' },
				'Invalid SO-AppToken',
			],
			['wrong bearer token', { authorization: 'Bearer 8A:other' }, 'Invalid access token'],
			['unknown scheme', { authorization: 'Token abc' }, 'Unsupported authorization scheme'],
		])('rejects %s with 401', async (_name, headers, message) => {
			const { status, body, text } = await principal(headers as Record<string, string>);
			expect(status).toBe(401);
			expect(body).toEqual({
				Error: true,
				ErrorType: 'SoAuthenticationException',
				ErrorMessage: message,
				ErrorSource: 'SuperOffice.WebApi',
			});
			expect(text).not.toContain('so-password');
			expect(text).not.toContain('7T:');
		});
	});

	describe('RemoveContactSelectionMembers', () => {
		it('removes person and company-only members and answers 204 with an empty body', async () => {
			const { status, text } = await removeMembers({
				SelectionId: 938,
				ContactPersonIds: [
					{ PersonId: 266, ContactId: 138 },
					{ PersonId: 0, ContactId: 140 },
					{ PersonId: 999, ContactId: 0 },
				],
			});
			expect(status).toBe(204);
			expect(text).toBe('');
			expect(so.state.selections.get(938)!.members).toEqual([
				{ personId: 267, contactId: 138 },
				{ personId: 301, contactId: 139 },
			]);
			expect(so.memberCount(938)).toBe(2);
		});

		it('matches a person on PersonId even when ContactId differs', async () => {
			expect(
				(await removeMembers({ SelectionId: 938, ContactPersonIds: [{ PersonId: 301, ContactId: 1 }] })).status,
			).toBe(204);
			expect(so.state.selections.get(938)!.members.some((m) => m.personId === 301)).toBe(false);
		});

		it('accepts text/json and ignores $select', async () => {
			const { status } = await call(`${so.webApiUrl}/v1/Agents/Selection/RemoveContactSelectionMembers?$select=name`, {
				method: 'POST',
				headers: { authorization: SO_BASIC, 'content-type': 'text/json' },
				body: JSON.stringify({ SelectionId: 938, ContactPersonIds: [{ PersonId: 267, ContactId: 138 }] }),
			});
			expect(status).toBe(204);
		});

		it.each([
			[
				'an extra top-level key',
				{ SelectionId: 938, ContactPersonIds: [{ PersonId: 266, ContactId: 138 }], Extra: 1 },
				'Extra',
			],
			['a float id', { SelectionId: 938.5, ContactPersonIds: [{ PersonId: 266, ContactId: 138 }] }, 'SelectionId'],
			['a string id', { SelectionId: '938', ContactPersonIds: [{ PersonId: 266, ContactId: 138 }] }, 'SelectionId'],
			['a string PersonId', { SelectionId: 938, ContactPersonIds: [{ PersonId: '266', ContactId: 138 }] }, 'PersonId'],
			[
				'an extra key in a pair',
				{ SelectionId: 938, ContactPersonIds: [{ PersonId: 266, ContactId: 138, X: 1 }] },
				'X',
			],
			['a missing ContactId', { SelectionId: 938, ContactPersonIds: [{ PersonId: 266 }] }, 'ContactId'],
			['both ids 0', { SelectionId: 938, ContactPersonIds: [{ PersonId: 0, ContactId: 0 }] }, 'ContactPersonIds[0]'],
			['an empty array', { SelectionId: 938, ContactPersonIds: [] }, 'ContactPersonIds'],
			['SelectionId 0', { SelectionId: 0, ContactPersonIds: [{ PersonId: 266, ContactId: 138 }] }, 'SelectionId'],
			[
				'an id above int32',
				{ SelectionId: 2147483648, ContactPersonIds: [{ PersonId: 266, ContactId: 138 }] },
				'SelectionId',
			],
			['wrong casing', { selectionId: 938, ContactPersonIds: [{ PersonId: 266, ContactId: 138 }] }, 'selectionId'],
		])('rejects %s with 400', async (_name, body, field) => {
			const response = await removeMembers(body);
			expect(response.status).toBe(400);
			expect(response.body.Message).toBe('The request is invalid.');
			expect(response.body.MessageDetail).toContain(field);
			expect(so.memberCount(938)).toBe(4);
		});

		it('rejects invalid JSON with 400 and the parser message', async () => {
			const response = await removeMembers('{"SelectionId": 938,');
			expect(response.status).toBe(400);
			expect(response.body).toEqual({ Message: 'The request is invalid.', MessageDetail: expect.any(String) });
		});

		it('rejects a non-JSON content type with 415', async () => {
			const response = await removeMembers(
				{ SelectionId: 938, ContactPersonIds: [{ PersonId: 266, ContactId: 138 }] },
				{ authorization: SO_BASIC, 'content-type': 'text/plain' },
			);
			expect(response.status).toBe(415);
			expect(response.body).toMatchObject({ Error: true, ErrorType: 'UnsupportedMediaType' });
		});

		it('answers an unknown selection with 200 and an agent error body', async () => {
			const response = await removeMembers({ SelectionId: 999, ContactPersonIds: [{ PersonId: 266, ContactId: 138 }] });
			expect(response.status).toBe(200);
			expect(response.body).toEqual({
				Message: 'The request is invalid.',
				MessageDetail: 'Selection 999 does not exist',
			});
		});

		it('refuses to remove members from a dynamic selection', async () => {
			const response = await removeMembers({ SelectionId: 940, ContactPersonIds: [{ PersonId: 0, ContactId: 138 }] });
			expect(response.status).toBe(200);
			expect(response.body.MessageDetail).toBe('Members can only be removed from a static selection');
			expect(so.memberCount(940)).toBe(2);
		});

		it('handles a 10,000 member selection', async () => {
			const members = Array.from({ length: 10000 }, (_, i) => ({ personId: 100000 + i, contactId: 5000 }));
			const big = so.addSelection({ name: 'Bulk', members });
			const response = await removeMembers({
				SelectionId: big.selectionId,
				ContactPersonIds: members.slice(0, 500).map((m) => ({ PersonId: m.personId, ContactId: m.contactId })),
			});
			expect(response.status).toBe(204);
			expect(so.memberCount(big.selectionId)).toBe(9500);
		});
	});

	describe('DeleteContactRelation', () => {
		it('deletes a relation and answers 204', async () => {
			const response = await deleteRelation({ ContactRelationEntityId: 413 });
			expect(response.status).toBe(204);
			expect(so.state.relations.has(413)).toBe(false);
			expect((await call(`${so.webApiUrl}/v1/Relation/413`, { headers: { authorization: SO_BASIC } })).status).toBe(
				404,
			);
		});

		it('answers an unknown relation with 200 and an agent error body', async () => {
			const response = await deleteRelation({ ContactRelationEntityId: 999 });
			expect(response.status).toBe(200);
			expect(response.body).toEqual({
				Message: 'The request is invalid.',
				MessageDetail: 'Relation 999 does not exist',
			});
		});

		it.each([
			[{ ContactRelationEntityId: '413' }],
			[{ ContactRelationEntityId: 413, RelationId: 413 }],
			[{ Id: 413 }],
			[[413]],
		])('rejects %j with 400', async (body) => {
			expect((await deleteRelation(body)).status).toBe(400);
			expect(so.state.relations.has(413)).toBe(true);
		});
	});

	describe('REST reads', () => {
		const get = (path: string) => call(`${so.webApiUrl}${path}`, { headers: { authorization: SO_BASIC } });

		it('lists selections with $filter, $orderBy, $top and odata.nextLink', async () => {
			const first = await get(`/v1/Selection?$filter=${encodeURIComponent("name contains 'i'")}&$orderBy=name&$top=1`);
			expect(first.status).toBe(200);
			expect(first.body.value).toEqual([
				expect.objectContaining({
					PrimaryKey: 939,
					EntityName: 'selection',
					name: 'Event invitations 2026',
					kind: 'static',
				}),
			]);
			const next = await call(first.body['odata.nextLink'], { headers: { authorization: SO_BASIC } });
			expect(next.body.value.map((row: { selectionId: number }) => row.selectionId)).toEqual([940]);
			expect(next.body['odata.nextLink']).toBeDefined();

			const started = await get(`/v1/Selection?$filter=${encodeURIComponent("startswith(name,'NEWS')")}&$select=name`);
			expect(started.body.value).toEqual([
				{ PrimaryKey: 938, EntityName: 'selection', name: 'Newsletter subscribers' },
			]);
			expect(started.body['odata.nextLink']).toBeUndefined();
		});

		it('rejects unsupported $filter syntax with a 400 REST error', async () => {
			const response = await get(`/v1/Selection?$filter=${encodeURIComponent('memberCount gt 2')}`);
			expect(response.status).toBe(400);
			expect(response.body.Error).toBe(true);
		});

		it('gets a selection, its members and a relation', async () => {
			expect((await get('/v1/Selection/938')).body).toEqual({
				SelectionId: 938,
				Name: 'Newsletter subscribers',
				SelectionType: 'Static',
				TargetTableName: 'contact',
				TargetTableNumber: 5,
				MemberCount: 4,
				Description: 'Monthly product newsletter',
			});
			const members = await get('/v1/Selection/938/Members');
			expect(members.body.value).toContainEqual({
				PrimaryKey: 140,
				EntityName: 'contact',
				personId: 0,
				contactId: 140,
				name: 'Aurora Logistics AB',
			});
			expect((await get('/v1/Relation/413')).body).toMatchObject({
				RelationId: 413,
				ActiveText: 'Subsidiary of',
				PassiveText: 'Parent of',
				SourceContactName: 'Nordic Bikes Retail AS',
				DestinationContactName: 'Nordic Bikes AS',
			});
		});

		it('answers 404 for an unknown selection, 404 for an unknown route and 405 for a wrong verb', async () => {
			expect((await get('/v1/Selection/999')).body).toEqual({
				Error: true,
				ErrorType: 'SoNotFoundException',
				ErrorMessage: 'Selection id 999 not found',
				ErrorSource: 'SuperOffice.Services.Implementation',
			});
			expect((await get('/v1/Nope')).status).toBe(404);
			expect((await get('/v1/Agents/Relation/DeleteContactRelation')).status).toBe(405);
		});
	});

	describe('misdirection, rate limit, faults and recording', () => {
		const misdirected = {
			Error: true,
			ErrorType: 'MisdirectedRequest',
			ErrorMessage: 'Wrong subdomain used to access tenant',
			ErrorSource: 'SuperOffice.WebApi',
		};

		it('answers 421 for another tenant and when the tenant moved', async () => {
			const other = await call(`http://127.0.0.1:${so.port}/Cust99999/api/v1/User/currentPrincipal`, {
				headers: { authorization: SO_BASIC },
			});
			expect(other.status).toBe(421);
			expect(other.body).toEqual(misdirected);
			so.setMisdirected(true);
			const moved = await call(`${so.webApiUrl}/v1/User/currentPrincipal`, { headers: { authorization: SO_BASIC } });
			expect(moved.status).toBe(421);
		});

		it('answers 429 with Retry-After above the configured rate', async () => {
			const limited = await startSuperOfficeSimulator({ rateLimitPerSecond: 2 });
			try {
				const statuses: number[] = [];
				let retryAfter: string | null = null;
				for (let i = 0; i < 4; i++) {
					const response = await call(`${limited.webApiUrl}/v1/User/currentPrincipal`, {
						headers: { authorization: SO_BASIC },
					});
					statuses.push(response.status);
					if (response.status === 429) retryAfter = response.headers.get('retry-after');
				}
				expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
				expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
				expect(limited.stats.rateLimited).toBeGreaterThanOrEqual(1);
			} finally {
				await limited.close();
			}
		});

		it('injects status faults for matching requests only, in order, then recovers', async () => {
			so.injectFault({
				match: { path: '/v1/Agents/Relation/DeleteContactRelation' },
				status: 503,
				body: 'busy',
				times: 2,
			});
			const principal = await call(`${so.webApiUrl}/v1/User/currentPrincipal`, {
				headers: { authorization: SO_BASIC },
			});
			expect(principal.status).toBe(200);
			expect((await deleteRelation({ ContactRelationEntityId: 413 })).text).toBe('busy');
			expect((await deleteRelation({ ContactRelationEntityId: 413 })).status).toBe(503);
			expect((await deleteRelation({ ContactRelationEntityId: 413 })).status).toBe(204);
			expect(so.requests.map((r) => r.status)).toEqual([200, 503, 503, 204]);
		});

		it('resets the connection for a reset fault and records status 0', async () => {
			so.injectFault({ match: { method: 'post', path: /DeleteContactRelation$/ }, kind: 'reset' });
			await expect(deleteRelation({ ContactRelationEntityId: 413 })).rejects.toThrow();
			expect(so.requests[0]).toMatchObject({ path: '/v1/Agents/Relation/DeleteContactRelation', status: 0 });
			expect(so.state.relations.has(413)).toBe(true);
		});

		it('leaves a hang fault unanswered until the client gives up', async () => {
			so.injectFault({ kind: 'hang' });
			await expect(
				fetch(`${so.webApiUrl}/v1/User/currentPrincipal`, {
					headers: { authorization: SO_BASIC },
					signal: AbortSignal.timeout(200),
				}),
			).rejects.toThrow();
			expect(so.requests[0].status).toBe(0);
		});

		it('records every request with path, query, headers and parsed body', async () => {
			await call(`${so.webApiUrl}/v1/Agents/Selection/RemoveContactSelectionMembers?$select=name`, {
				method: 'POST',
				headers: SO_JSON,
				body: JSON.stringify({ SelectionId: 938, ContactPersonIds: [{ PersonId: 266, ContactId: 138 }] }),
			});
			const [recorded] = so.requests;
			expect(recorded).toMatchObject({
				method: 'POST',
				path: '/v1/Agents/Selection/RemoveContactSelectionMembers',
				query: { $select: 'name' },
				body: { SelectionId: 938, ContactPersonIds: [{ PersonId: 266, ContactId: 138 }] },
				status: 204,
			});
			expect(recorded.headers['content-type']).toBe('application/json; charset=utf-8');
			expect(typeof recorded.at).toBe('number');
			so.resetRequests();
			expect(so.requests).toHaveLength(0);
		});

		it('delays answers by latencyMs', async () => {
			so.setLatency(120);
			const started = Date.now();
			await call(`${so.webApiUrl}/v1/User/currentPrincipal`, { headers: { authorization: SO_BASIC } });
			expect(Date.now() - started).toBeGreaterThanOrEqual(100);
		});
	});
});

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
