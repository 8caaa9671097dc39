// The credential tests n8n runs when a user saves a credential, run the same way against the simulators.
import { shutdownHarness } from '../harness';
import type { AutoSendSimulator, SuperOfficeSimulator } from '../simulators';
import { startAutoSendSimulator, startSuperOfficeSimulator } from '../simulators';
import { autoSendCredential, harness, superOfficeCredential } from '../support/package';

describe('credential tests', () => {
	let so: SuperOfficeSimulator;
	let as: AutoSendSimulator;

	beforeAll(async () => {
		[so, as] = await Promise.all([startSuperOfficeSimulator(), startAutoSendSimulator()]);
	});
	beforeEach(() => {
		so.resetRequests();
		as.resetRequests();
	});
	afterAll(async () => {
		await Promise.all([so.close(), as.close()]);
		await shutdownHarness();
	});

	it.each(['basic', 'soTicket', 'bearer'] as const)('SuperOffice API passes with %s authentication', async (scheme) => {
		const { superOfficeApi } = superOfficeCredential(so, scheme);
		const result = await harness.testCredential('superOfficeApi', superOfficeApi);

		expect(result.status).toBe('OK');
		expect(so.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/User/currentPrincipal']);
	});

	it('SuperOffice API tolerates a WebAPI URL ending in /v1/', async () => {
		const { superOfficeApi } = superOfficeCredential(so, 'basic', { webApiUrl: `${so.webApiUrl}/v1/` });
		const result = await harness.testCredential('superOfficeApi', superOfficeApi);

		expect(result.status).toBe('OK');
		expect(so.requests[0].path).toBe('/v1/User/currentPrincipal');
	});

	it('SuperOffice API fails with a wrong password, without echoing it', async () => {
		const { superOfficeApi } = superOfficeCredential(so, 'basic', { password: 'not-the-password' });
		const result = await harness.testCredential('superOfficeApi', superOfficeApi);

		expect(result.status).toBe('Error');
		expect(result.message).not.toContain('not-the-password');
	});

	it('AutoSend API passes with the right key and fails with a wrong one', async () => {
		const good = await harness.testCredential('autoSendApi', autoSendCredential(as).autoSendApi);
		const bad = await harness.testCredential('autoSendApi', autoSendCredential(as, { apiKey: 'AS_wrong' }).autoSendApi);

		expect(good.status).toBe('OK');
		expect(bad.status).toBe('Error');
		expect(bad.message).not.toContain('AS_wrong');
		// n8n-core retries a 401 once after pre-authentication, so the wrong key is tried twice.
		expect(as.requests.map((r) => `${r.method} ${r.path} ${r.headers.authorization}`)).toEqual([
			'GET /contact-lists Bearer AS_test_key_123',
			'GET /contact-lists Bearer AS_wrong',
			'GET /contact-lists Bearer AS_wrong',
		]);
	});
});
