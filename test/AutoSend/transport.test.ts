// How AutoSend requests are signed, addressed and how their failures read, through a real workflow run.
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { AUTOSEND_KEY, autoSendCredential, harness, useSimulators } from '../support/package';
import { JANE, NEWSLETTER } from '../support/autosend-operations';

describe('AutoSend requests', () => {
	const sims = useSimulators({ each: true });

	/** Contact › Get by ID: one plain GET, nothing combined. */
	const getContact = async (credential = autoSendCredential(sims.as), onError?: 'continueRegularOutput') =>
		await harness.runNode({
			nodeType: 'autoSend',
			parameters: {
				resource: 'contact',
				operation: 'get',
				by: 'id',
				contactId: JANE.id,
				options: { maxTries: 1, maxWait: 0 },
			},
			credentials: credential,
			onError,
		});

	it('signs each request with the API key as a Bearer token and asks for JSON', async () => {
		const result = await getContact();

		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ id: JANE.id, email: JANE.email });
		expect(sims.as.requests).toHaveLength(1);
		expect(sims.as.requests[0].method).toBe('GET');
		expect(sims.as.requests[0].path).toBe(`/contacts/${JANE.id}`);
		expect(sims.as.requests[0].headers.authorization).toBe(`Bearer ${AUTOSEND_KEY}`);
		expect(sims.as.requests[0].headers.accept).toBe('application/json');
	});

	it('trims the API key and tolerates a Base URL with a trailing slash and spaces', async () => {
		const result = await getContact(
			autoSendCredential(sims.as, { apiKey: `  ${AUTOSEND_KEY} `, baseUrl: ` ${sims.as.baseUrl}/ ` }),
		);

		expect(result.error).toBeUndefined();
		expect(sims.as.requests[0].headers.authorization).toBe(`Bearer ${AUTOSEND_KEY}`);
		expect(sims.as.requests[0].path).toBe(`/contacts/${JANE.id}`);
	});

	it.each([
		['plain http to another host', 'http://api.autosend.com/v1', 'must start with https://'],
		['a user name and password', 'https://user:secret@api.autosend.com/v1', 'user name or password'],
		['a query string', 'https://api.autosend.com/v1?x=1', 'query string'],
		['a fragment', 'https://api.autosend.com/v1#x', 'query string or # fragment'],
		['a path that climbs out', 'https://api.autosend.com/v1/../other/v1', 'must not contain ..'],
		['a path without the API version', 'https://api.autosend.com/', 'must end in /v1'],
		['no scheme', 'api.autosend.com/v1', 'not a full address'],
	])('refuses a Base URL with %s before sending anything', async (_case, baseUrl, problem) => {
		const result = await getContact(autoSendCredential(sims.as, { baseUrl }), 'continueRegularOutput');

		expect(Object.keys(result.items[0].json)).toEqual(['error']);
		expect(result.items[0].json.error).toContain(problem);
		expect(result.items[0].json.error).toContain('Base URL in the AutoSend credential');
		expect(sims.as.requests).toHaveLength(0);
	});

	it('refuses an empty API key before sending anything, saying where to get one', async () => {
		const result = await getContact(autoSendCredential(sims.as, { apiKey: '  ' }));

		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toContain('API Key in the AutoSend credential is empty');
		expect(result.error?.description).toContain('Settings › API Keys');
		expect(sims.as.requests).toHaveLength(0);
	});

	it("explains a wrong key with AutoSend's own message and a hint, without the key", async () => {
		const result = await getContact(autoSendCredential(sims.as, { apiKey: 'AS_wrong_key_987' }));

		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.message).toMatch(/^AutoSend could not .+ \[item 0\]$/);
		expect(result.error?.description).toContain('Check the API key in the AutoSend credential');
		expect(JSON.stringify(result)).not.toContain('AS_wrong_key_987');
	});

	it.each([
		['a string error', { success: false, error: 'Contact list is archived' }, 'Contact list is archived'],
		[
			'an error object with a code',
			{ success: false, error: { message: 'Invalid list', code: 'INVALID_LIST' } },
			'Invalid list (INVALID_LIST)',
		],
		['a top-level message', { message: 'Bad request body' }, 'Bad request body'],
	])('carries AutoSend’s message from %s', async (_case, body, message) => {
		sims.as.injectFault({ status: 400, body });
		const result = await getContact(undefined, 'continueRegularOutput');

		expect(result.items[0].json.error).toContain(message);
		expect(result.items[0].json.error).toContain('[item 0]');
	});

	it('takes a 2xx without AutoSend’s success flag for an unknown outcome, not a success', async () => {
		sims.as.injectFault({ status: 200, body: '<html><body>Sign in</body></html>', contentType: 'text/html' });
		const result = await harness.runNode({
			nodeType: 'autoSend',
			parameters: {
				resource: 'contactList',
				operation: 'removeContacts',
				contactListId: { __rl: true, mode: 'id', value: NEWSLETTER },
				removeBy: 'email',
				emails: JANE.email,
				options: { maxTries: 1 },
			},
			credentials: autoSendCredential(sims.as),
			onError: 'continueRegularOutput',
		});

		expect(Object.keys(result.items[0].json)).toEqual(['error']);
		expect(result.items[0].json.error).toMatch(/unexpected answer without AutoSend's success flag/);
		expect(sims.as.listMembers(NEWSLETTER)).toContain(JANE.email);
	});

	it('follows no redirect: a 302 is an error that says where it pointed', async () => {
		sims.as.injectFault({ status: 302, headers: { location: 'https://login.example.com/sso' }, body: '' });
		const result = await getContact(undefined, 'continueRegularOutput');

		expect(result.items[0].json.error).toContain('login.example.com');
		expect(sims.as.requests).toHaveLength(1);
	});
});
