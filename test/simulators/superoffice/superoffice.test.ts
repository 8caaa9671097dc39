/** The SuperOffice simulator's own spec: what the node's tests may rely on it to do. */
import { startSuperOfficeSimulator, type SuperOfficeSimulator } from '.';
import { basic, call, SO_BASIC, SO_JSON } from '../specClient';

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
