// The SuperOffice OAuth2 credential, signed in and refreshed through n8n's own OAuth2 code
// (@n8n/client-oauth2 as the CLI's callback uses it, n8n-core's refreshOAuth2Token) against the simulator.
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { SuperOfficeOAuth2Api } from '../../credentials/SuperOfficeOAuth2Api.credentials';
import { HarnessCredentialsHelper, OAuth2ApiStandIn } from '../harness';
import {
	harness,
	superOfficeCredential,
	superOfficeOAuth2Credential,
	superOfficeOAuth2Form,
	useSimulators,
} from '../support/package';

const DELETE_RELATION = '/v1/Agents/Relation/DeleteContactRelation';

describe('SuperOffice OAuth2 credential', () => {
	const sims = useSimulators({ each: true });

	const deleteRelation = async (credentials: object, relationId = 413) =>
		await harness.runNode({
			nodeType: 'superOffice',
			parameters: { authentication: 'superOfficeOAuth2Api', resource: 'relation', operation: 'delete', relationId },
			credentials: credentials as never,
		});

	it('is an oAuth2Api credential named as n8n requires', () => {
		const credential = new SuperOfficeOAuth2Api();
		expect([credential.name, credential.displayName, credential.extends]).toEqual([
			'superOfficeOAuth2Api',
			'SuperOffice OAuth2 API',
			['oAuth2Api'],
		]);
		expect(credential.properties.map((p) => p.name)).toEqual([
			'environment',
			'customLoginHost',
			'grantType',
			'authUrl',
			'accessTokenUrl',
			'scope',
			'tenant',
			'authQueryParameters',
			'authentication',
			'webApiUrl',
		]);
	});

	it("sends the user to the environment's login host with scope openid, and the tenant as acr_values", async () => {
		const { authorizeUrl } = await harness.connectOAuth2(
			'superOfficeOAuth2Api',
			superOfficeOAuth2Form(sims.so, { tenant: ' Cust12345 ' }),
		);
		const url = new URL(authorizeUrl);
		expect(`${url.origin}${url.pathname}`).toBe(`${sims.so.loginUrl}/login/common/oauth/authorize`);
		expect(Object.fromEntries(url.searchParams)).toMatchObject({
			client_id: 'so-client-id',
			redirect_uri: 'https://n8n.example.com/rest/oauth2-credential/callback',
			response_type: 'code',
			scope: 'openid',
			acr_values: 'tenant:Cust12345',
		});
	});

	const resolve = async (data: Record<string, unknown>) =>
		await new HarnessCredentialsHelper([new SuperOfficeOAuth2Api(), new OAuth2ApiStandIn()], {
			superOfficeOAuth2Api: { clientId: 'x', clientSecret: 'y', webApiUrl: 'https://a/b/api', ...data },
		}).getDecrypted({} as never, { id: '1', name: 'x' }, 'superOfficeOAuth2Api', 'internal');

	it('builds the login URLs from the environment name: online, sod, qaonline', async () => {
		for (const environment of ['online', 'sod', 'qaonline']) {
			const resolved = await resolve({ environment });
			expect([resolved.authUrl, resolved.accessTokenUrl, resolved.authQueryParameters]).toEqual([
				`https://${environment}.superoffice.com/login/common/oauth/authorize`,
				`https://${environment}.superoffice.com/login/common/oauth/tokens`,
				'',
			]);
		}
	});

	it('sends the client secret and sign-in code only to an https login host under superoffice.com', async () => {
		const allowed = await resolve({ environment: 'custom', customLoginHost: 'https://sod2.superoffice.com/' });
		expect(allowed.accessTokenUrl).toBe('https://sod2.superoffice.com/login/common/oauth/tokens');
		for (const customLoginHost of [
			'https://evil.example.com',
			'http://sod.superoffice.com',
			'https://superoffice.com.evil.example',
			'https://sod.superoffice.com@evil.example',
			'https://sod.superoffice.com/../evil',
		]) {
			const refused = await resolve({ environment: 'custom', customLoginHost });
			expect([refused.authUrl, refused.accessTokenUrl]).toEqual([
				'https://login-host-must-be-https-under-superoffice-com.invalid/login/common/oauth/authorize',
				'https://login-host-must-be-https-under-superoffice-com.invalid/login/common/oauth/tokens',
			]);
		}
	});

	it('URL-encodes the tenant in the sign-in address', async () => {
		const resolved = await resolve({ environment: 'online', tenant: 'Cust1&prompt=none' });
		expect(resolved.authQueryParameters).toBe('acr_values=tenant:Cust1%26prompt%3Dnone');
	});

	it('exchanges the authorization code for tokens, the client secret sent in the body', async () => {
		const { superOfficeOAuth2Api } = await superOfficeOAuth2Credential(sims.so);
		const token = superOfficeOAuth2Api.oauthTokenData as Record<string, unknown>;
		expect(token).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
		expect(String(token.access_token)).toMatch(/^8A:Cust12345\./);
		expect(token.refresh_token).toEqual(expect.any(String));
		const tokenRequest = sims.so.requests.find((r) => r.path.endsWith('/oauth/tokens'));
		expect(new URLSearchParams(tokenRequest?.rawBody).get('client_secret')).toBe('so-app-token');
		expect(tokenRequest?.headers.authorization).toBeUndefined();
	});

	it('calls the tenant WebAPI URL from the credential with the Bearer token', async () => {
		const credentials = await superOfficeOAuth2Credential(sims.so);
		const result = await deleteRelation(credentials);

		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({ success: true, relationId: 413, alreadyDeleted: false });
		const call = sims.so.requests.find((r) => r.path === DELETE_RELATION);
		expect(call?.headers.authorization).toBe(
			`Bearer ${String((credentials.superOfficeOAuth2Api.oauthTokenData as Record<string, unknown>).access_token)}`,
		);
	});

	it('refreshes an expired access token once, keeps the refresh token, and saves the new token', async () => {
		const credentials = await superOfficeOAuth2Credential(sims.so);
		const before = credentials.superOfficeOAuth2Api.oauthTokenData as Record<string, unknown>;
		sims.so.expireAccessTokens();

		const result = await deleteRelation(credentials);

		expect(result.error).toBeUndefined();
		expect(sims.so.tokenGrants).toEqual(['authorization_code', 'refresh_token']);
		expect(sims.so.requests.filter((r) => r.path === DELETE_RELATION).map((r) => r.status)).toEqual([401, 204]);
		const after = result.storedCredential('superOfficeOAuth2Api')?.oauthTokenData as Record<string, unknown>;
		expect(after.access_token).not.toBe(before.access_token);
		// SuperOffice's refresh answer has no refresh_token; n8n keeps the old one.
		expect(after.refresh_token).toBe(before.refresh_token);
	});

	it('says to sign in again when the refresh token was revoked, without showing any token', async () => {
		const credentials = await superOfficeOAuth2Credential(sims.so);
		sims.so.expireAccessTokens();
		sims.so.revokeRefreshTokens();

		const result = await deleteRelation(credentials);

		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toMatch(/^SuperOffice did not accept the access token, and refreshing it failed: /);
		expect(String(result.error?.description)).toContain('sign in again');
		const token = credentials.superOfficeOAuth2Api.oauthTokenData as Record<string, string>;
		const shown = JSON.stringify(result.error);
		for (const secret of [token.access_token, token.refresh_token, 'so-app-token']) expect(shown).not.toContain(secret);
	});

	it('refuses a credential that was never signed in, before any request', async () => {
		const result = await deleteRelation({ superOfficeOAuth2Api: superOfficeOAuth2Form(sims.so) });

		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toBe('The SuperOffice OAuth2 credential is not connected yet [item 0]');
		expect(sims.so.requests.filter((r) => r.path === DELETE_RELATION)).toHaveLength(0);
	});

	it('reports 421 with the advice to update the WebAPI URL', async () => {
		const credentials = await superOfficeOAuth2Credential(sims.so);
		sims.so.setMisdirected(true);

		const result = await deleteRelation(credentials);

		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.message).toContain('Wrong subdomain used to access tenant');
		expect(String(result.error?.description)).toContain('Update the WebAPI URL');
	});

	it('refuses the login host as WebAPI URL', async () => {
		const credentials = await superOfficeOAuth2Credential(sims.so, {
			webApiUrl: 'https://online.superoffice.com/Cust12345/api',
		});

		const result = await deleteRelation(credentials);

		expect(result.error?.message).toContain('points at the login host online.superoffice.com');
	});
});

describe('SuperOffice node › Authentication', () => {
	const sims = useSimulators({ each: true });

	it('keeps using the SuperOffice API credential when Authentication is not set (workflows saved before it existed)', async () => {
		const result = await harness.runNode({
			nodeType: 'superOffice',
			parameters: { resource: 'relation', operation: 'delete', relationId: 413 },
			credentials: superOfficeCredential(sims.so, 'soTicket'),
		});

		expect(result.error).toBeUndefined();
		expect(sims.so.requests[0].headers.authorization).toBe('SOTicket 7T:c28tdGlja2V0');
	});

	it('searches selections with the OAuth2 credential in the picker', async () => {
		const credentials = await superOfficeOAuth2Credential(sims.so);
		const result = await harness.listSearch({
			nodeType: 'superOffice',
			method: 'searchSelections',
			parameters: { authentication: 'superOfficeOAuth2Api', resource: 'selection', operation: 'removeMembers' },
			credentials,
			filter: 'Newsletter',
		});

		expect(result.results.map((r) => r.value)).toEqual(['938']);
		expect(sims.so.requests.at(-1)?.headers.authorization).toMatch(/^Bearer 8A:/);
	});
});
