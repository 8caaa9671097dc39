// The credential tests n8n runs when a user saves a credential, run the same way against the simulators.
import { autoSendCredential, harness, superOfficeCredential, useSimulators } from '../support/package';

describe('credential tests', () => {
	const sims = useSimulators();

	it.each(['basic', 'soTicket', 'bearer'] as const)('SuperOffice API passes with %s authentication', async (scheme) => {
		const { superOfficeApi } = superOfficeCredential(sims.so, scheme);
		const result = await harness.testCredential('superOfficeApi', superOfficeApi);

		expect(result.status).toBe('OK');
		expect(sims.so.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/User/currentPrincipal']);
	});

	it('SuperOffice API tolerates a WebAPI URL ending in /v1/', async () => {
		const { superOfficeApi } = superOfficeCredential(sims.so, 'basic', { webApiUrl: `${sims.so.webApiUrl}/v1/` });
		const result = await harness.testCredential('superOfficeApi', superOfficeApi);

		expect(result.status).toBe('OK');
		expect(sims.so.requests[0].path).toBe('/v1/User/currentPrincipal');
	});

	it('SuperOffice API fails with a wrong password, without echoing it', async () => {
		const { superOfficeApi } = superOfficeCredential(sims.so, 'basic', { password: 'not-the-password' });
		const result = await harness.testCredential('superOfficeApi', superOfficeApi);

		expect(result.status).toBe('Error');
		expect(result.message).not.toContain('not-the-password');
	});

	it('AutoSend API passes with the right key and fails with a wrong one', async () => {
		const good = await harness.testCredential('autoSendApi', autoSendCredential(sims.as).autoSendApi);
		const bad = await harness.testCredential(
			'autoSendApi',
			autoSendCredential(sims.as, { apiKey: 'AS_wrong' }).autoSendApi,
		);

		expect(good.status).toBe('OK');
		expect(bad.status).toBe('Error');
		expect(bad.message).not.toContain('AS_wrong');
		// n8n-core retries a 401 once after pre-authentication, so the wrong key is tried twice.
		expect(sims.as.requests.map((r) => `${r.method} ${r.path} ${r.headers.authorization}`)).toEqual([
			'GET /contact-lists Bearer AS_test_key_123',
			'GET /contact-lists Bearer AS_wrong',
			'GET /contact-lists Bearer AS_wrong',
		]);
	});

	it.each([
		['SuperOffice API', 'superOfficeApi', 'so', 'WebAPI URL answered, but not with SuperOffice'],
		['AutoSend API', 'autoSendApi', 'as', "Base URL answered, but not with AutoSend's API"],
	] as const)('%s fails when a sign-in page answers 200 instead of the API', async (_name, type, sim, message) => {
		sims[sim].injectFault({ status: 200, contentType: 'text/html', body: '<html><body>Sign in</body></html>' });
		const data = sim === 'so' ? superOfficeCredential(sims.so).superOfficeApi : autoSendCredential(sims.as).autoSendApi;
		const result = await harness.testCredential(type, data);

		expect(result.status).toBe('Error');
		expect(result.message).toContain(message);
	});
});
