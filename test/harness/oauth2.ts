/**
 * OAuth2 credentials in the harness, as the n8n CLI handles them:
 * - OAuth2ApiStandIn: n8n-nodes-base's `oAuth2Api` credential type (the parent every OAuth2 credential
 *   extends), with its property names and defaults, because a community package does not install
 *   n8n-nodes-base and the child's clientId/clientSecret come from the parent;
 * - connectOAuth2: the CLI's OAuth2CredentialController (GET /rest/oauth2-credential/auth, then the
 *   /callback) with n8n's own @n8n/client-oauth2: build the authorization URL from the credential
 *   (expressions resolved, authQueryParameters parsed into the query), follow the provider's redirect as
 *   the user's browser would, and exchange the code at the token URL. The result is the credential data
 *   with `oauthTokenData`, as n8n stores it.
 * Refreshing is n8n-core's own code (requestOAuth2 / refreshOAuth2Token), not the harness's.
 */
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';

import { ClientOAuth2, type ClientOAuth2Options } from '@n8n/client-oauth2';
import type { ICredentialDataDecryptedObject, ICredentialType, INodeProperties } from 'n8n-workflow';

import type { HarnessCredentialsHelper } from './credentials-helper';
import { createAdditionalData } from './harness';

const notDynamic = { show: { useDynamicClientRegistration: [false] } };

export class OAuth2ApiStandIn implements ICredentialType {
	name = 'oAuth2Api';

	displayName = 'OAuth2 API';

	properties: INodeProperties[] = [
		{
			displayName: 'Use Dynamic Client Registration',
			name: 'useDynamicClientRegistration',
			type: 'hidden',
			default: false,
		},
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'options',
			displayOptions: notDynamic,
			options: [
				{ name: 'Authorization Code', value: 'authorizationCode' },
				{ name: 'Client Credentials', value: 'clientCredentials' },
				{ name: 'PKCE', value: 'pkce' },
			],
			default: 'authorizationCode',
		},
		{ displayName: 'Authorization URL', name: 'authUrl', type: 'string', displayOptions: notDynamic, default: '' },
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'string',
			displayOptions: notDynamic,
			default: '',
		},
		{ displayName: 'Client ID', name: 'clientId', type: 'string', displayOptions: notDynamic, default: '' },
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			displayOptions: notDynamic,
			default: '',
		},
		{ displayName: 'Scope', name: 'scope', type: 'string', displayOptions: notDynamic, default: '' },
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'string',
			displayOptions: notDynamic,
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			displayOptions: notDynamic,
			options: [
				{ name: 'Body', value: 'body' },
				{ name: 'Header', value: 'header' },
			],
			default: 'header',
		},
		{ displayName: 'Ignore SSL Issues (Insecure)', name: 'ignoreSSLIssues', type: 'boolean', default: false },
	];
}

export const DEFAULT_REDIRECT_URI = 'https://n8n.example.com/rest/oauth2-credential/callback';

export interface ConnectedOAuth2 {
	/** Where n8n sent the user's browser. */
	authorizeUrl: string;
	/** Where the provider sent it back, with code and state. */
	callbackUrl: string;
	/** The credential data as n8n stores it after the callback, oauthTokenData included. */
	data: ICredentialDataDecryptedObject;
}

/** The provider's answer to the browser's GET: a redirect to the callback, or an error. */
function followAuthorize(url: string): Promise<string> {
	return new Promise((resolve, reject) => {
		request(url, { method: 'GET' }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => {
				const location = res.headers.location;
				if (res.statusCode === 302 && location) resolve(location);
				else reject(new Error(`authorize answered ${res.statusCode}: ${Buffer.concat(chunks).toString('utf8')}`));
			});
		})
			.on('error', reject)
			.end();
	});
}

export async function connectOAuth2(
	credentialsHelper: HarnessCredentialsHelper,
	type: string,
	data: ICredentialDataDecryptedObject,
	redirectUri = DEFAULT_REDIRECT_URI,
): Promise<ConnectedOAuth2> {
	const resolved = credentialsHelper.applyDefaults(createAdditionalData(credentialsHelper), data, type, 'internal');
	const scope = String(resolved.scope ?? 'openid');
	const state = randomBytes(12).toString('base64url');
	// OAuth2CredentialController.convertCredentialToOptions
	const options: ClientOAuth2Options = {
		clientId: String(resolved.clientId ?? ''),
		clientSecret: String(resolved.clientSecret ?? ''),
		accessTokenUri: String(resolved.accessTokenUrl ?? ''),
		authorizationUri: String(resolved.authUrl ?? ''),
		authentication: (resolved.authentication as 'header' | 'body' | undefined) ?? 'header',
		redirectUri,
		scopes: scope.split(','),
		scopesSeparator: scope.includes(',') ? ',' : ' ',
		ignoreSSLIssues: false,
		state,
	};
	const query = String(resolved.authQueryParameters ?? '');
	if (query) options.query = Object.fromEntries(new URLSearchParams(query));
	const authorizeUrl = new ClientOAuth2(options).code.getUri();

	const callbackUrl = await followAuthorize(authorizeUrl);

	let callbackOptions: Partial<ClientOAuth2Options> = {};
	const tokenOptions = { ...options };
	if (options.authentication === 'body') {
		callbackOptions = { body: { client_id: options.clientId, client_secret: options.clientSecret } };
		delete tokenOptions.clientSecret;
	}
	const token = await new ClientOAuth2(tokenOptions).code.getToken(callbackUrl, callbackOptions);
	return { authorizeUrl, callbackUrl, data: { ...data, oauthTokenData: token.data as ICredentialDataDecryptedObject } };
}
