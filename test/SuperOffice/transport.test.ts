// How SuperOffice requests are signed, addressed and how their failures read, through a real workflow run.
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { startSuperOfficeSimulator } from '../simulators';
import { harness, SO_SECRETS, superOfficeCredential, useSimulators } from '../support/package';

describe('SuperOffice requests', () => {
	const sims = useSimulators({ each: true });

	const deleteRelation = async (
		credentials: ReturnType<typeof superOfficeCredential>,
		onError?: 'continueRegularOutput',
	) =>
		await harness.runNode({
			nodeType: 'superOffice',
			parameters: { resource: 'relation', operation: 'delete', relationId: 413 },
			credentials,
			onError,
		});

	it.each([
		['basic', `Basic ${Buffer.from(`${SO_SECRETS.username}:${SO_SECRETS.password}`).toString('base64')}`, undefined],
		['soTicket', `SOTicket ${SO_SECRETS.ticket}`, SO_SECRETS.appToken],
		['bearer', `Bearer ${SO_SECRETS.accessToken}`, undefined],
	] as const)('signs requests with %s authentication', async (scheme, authorization, appToken) => {
		const result = await deleteRelation(superOfficeCredential(sims.so, scheme));

		expect(result.error).toBeUndefined();
		expect(sims.so.requests[0].headers.authorization).toBe(authorization);
		expect(sims.so.requests[0].headers['so-apptoken']).toBe(appToken);
		expect(sims.so.requests[0].headers.accept).toBe('application/json');
	});

	it('signs with a ticket and token pasted with spaces or a line break', async () => {
		await deleteRelation(
			superOfficeCredential(sims.so, 'soTicket', { ticket: ` ${SO_SECRETS.ticket}\n`, appToken: `${SO_SECRETS.appToken} ` }),
		);
		await deleteRelation(superOfficeCredential(sims.so, 'bearer', { accessToken: `${SO_SECRETS.accessToken}\n` }));

		expect([...new Set(sims.so.requests.map((request) => request.headers.authorization))]).toEqual([
			`SOTicket ${SO_SECRETS.ticket}`,
			`Bearer ${SO_SECRETS.accessToken}`,
		]);
		expect(sims.so.requests[0].headers['so-apptoken']).toBe(SO_SECRETS.appToken);
	});

	it('sends the SO-AppToken with Bearer when one is configured', async () => {
		await deleteRelation(superOfficeCredential(sims.so, 'bearer', { appToken: 'so-app-token' }));

		expect(sims.so.requests[0].headers['so-apptoken']).toBe('so-app-token');
	});

	it.each([
		['a trailing slash', (url: string) => `${url}/`],
		['a trailing /v1', (url: string) => `${url}/v1`],
		['a trailing /v1/ and spaces', (url: string) => `  ${url}/v1/ `],
	])('tolerates a WebAPI URL with %s', async (_case, change) => {
		const result = await deleteRelation(
			superOfficeCredential(sims.so, 'basic', { webApiUrl: change(sims.so.webApiUrl) }),
		);

		expect(result.error).toBeUndefined();
		expect(sims.so.requests[0].path).toBe('/v1/Agents/Relation/DeleteContactRelation');
	});

	it.each([
		['without a scheme', '127.0.0.1/Cust12345/api', 'not a full address'],
		['not ending in /api', 'https://sod2.superoffice.com/Cust12345', 'must end in /api'],
		['with a login in it', 'https://user:pw@sod2.superoffice.com/Cust12345/api', 'user name or password'],
		['with a query string', 'https://sod2.superoffice.com/Cust12345/api?x=1', 'query string'],
		['on the login host', 'https://online.superoffice.com/Cust12345/api', 'login host'],
	])('refuses a WebAPI URL %s before sending anything', async (_case, webApiUrl, problem) => {
		const result = await deleteRelation(superOfficeCredential(sims.so, 'basic', { webApiUrl }));

		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toContain(problem);
		expect(result.error?.message).toContain('[item 0]');
		expect(sims.so.requests).toHaveLength(0);
	});

	it("explains a wrong password with SuperOffice's message and a hint, without the secret", async () => {
		const result = await deleteRelation(superOfficeCredential(sims.so, 'basic', { password: 'wrong-secret-123' }));

		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.message).toMatch(/^SuperOffice could not delete relation 413: .+ \[item 0\]$/);
		expect(result.error?.description).toContain('Check the SuperOffice credential');
		expect(JSON.stringify(result)).not.toContain('wrong-secret-123');
	});

	it('refuses a SOTicket without the SO-AppToken', async () => {
		const result = await deleteRelation(superOfficeCredential(sims.so, 'soTicket', { appToken: '' }));

		expect(result.error?.httpCode).toBe('401');
		expect(sims.so.requests[0].headers['so-apptoken']).toBeUndefined();
	});

	it('tells the user to update the WebAPI URL on 421 Misdirected Request', async () => {
		sims.so.setMisdirected(true);
		const result = await deleteRelation(superOfficeCredential(sims.so));

		expect(result.error?.httpCode).toBe('421');
		expect(result.error?.message).toContain('Wrong subdomain used to access tenant');
		expect(result.error?.description).toContain('Update the WebAPI URL');
	});

	it.each([
		[
			500,
			{ Error: true, ErrorType: 'SoException', ErrorMessage: 'Database timeout', ErrorSource: 'x' },
			'Database timeout',
		],
		[502, '<html><body><h1>502 Bad Gateway</h1></body></html>', '502 Bad Gateway'],
		[403, { Message: 'Access denied', MessageDetail: 'No delete rights' }, 'No delete rights'],
	])("carries the API's text for HTTP %i", async (status, body, text) => {
		// 502 leaves the outcome unknown, so the idempotent delete is tried Max Tries (3) times.
		sims.so.injectFault({ status, body, times: 3 });
		const result = await deleteRelation(superOfficeCredential(sims.so));

		expect(result.error?.httpCode).toBe(String(status));
		expect(result.error?.message).toContain(text);
	});

	it('reports a dropped connection as an unknown outcome once Max Tries is used up', async () => {
		sims.so.injectFault({ kind: 'reset' });
		const result = await harness.runNode({
			nodeType: 'superOffice',
			parameters: { resource: 'relation', operation: 'delete', relationId: 413, options: { maxTries: 1 } },
			credentials: superOfficeCredential(sims.so),
		});

		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.message).toContain(
			'SuperOffice did not confirm whether it could delete relation 413: the connection broke before SuperOffice answered',
		);
		expect(result.error?.description).toContain('may or may not have been made');
		expect(JSON.stringify(result.error)).not.toContain(SO_SECRETS.password);
	});

	it('reports a refused connection as nothing sent, pointing at the URL', async () => {
		const closed = await startSuperOfficeSimulator();
		const webApiUrl = closed.webApiUrl;
		await closed.close();
		const result = await harness.runNode({
			nodeType: 'superOffice',
			parameters: { resource: 'relation', operation: 'delete', relationId: 413 },
			credentials: superOfficeCredential(sims.so, 'basic', { webApiUrl }),
		});

		expect(result.error?.message).toContain('no answer from SuperOffice (The service refused the connection');
		expect(result.error?.description).toContain('Nothing was sent');
		expect(result.error?.description).toContain('reachable');
	});
});
