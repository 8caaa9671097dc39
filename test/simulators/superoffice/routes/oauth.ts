/**
 * The login host's OAuth2 endpoints (§2.3): authorize hands out a code, tokens trades a code or a
 * refresh token for an access token. They sit outside the tenant's /api prefix and need no API
 * credentials, so the simulator dispatches them before authentication.
 */
import { randomBytes } from 'node:crypto';
import type { SimRequest } from '../../common/request';
import type { SimResponse } from '../../common/response';
import type { Route } from '../../common/routes';
import type { SuperOfficeContext } from '../context';

export function oauthRoutes(context: SuperOfficeContext): Route[] {
	return [
		{ method: 'GET', pattern: /^\/login\/common\/oauth\/authorize$/i, run: (req) => authorize(context, req) },
		{ method: 'POST', pattern: /^\/login\/common\/oauth\/tokens$/i, run: (req) => tokens(context, req) },
	];
}

function authorize({ oauth, tenant }: SuperOfficeContext, req: SimRequest): SimResponse {
	const { client_id: clientId, redirect_uri: redirectUri, response_type: responseType, scope, state } = req.query;
	if (clientId !== oauth.app.clientId) return { status: 400, body: 'Unknown client_id' };
	if (responseType !== 'code') return { status: 400, body: 'Only response_type=code is supported' };
	if (!(scope ?? '').split(' ').includes('openid')) return { status: 400, body: 'scope must include openid' };
	if (!redirectUri) return { status: 400, body: 'redirect_uri is required' };
	const acr = req.query.acr_values;
	if (acr !== undefined && acr !== `tenant:${tenant}`) return { status: 400, body: `Unknown tenant in ${acr}` };
	const code = randomBytes(16).toString('hex');
	oauth.authorizationCodes.set(code, { redirectUri, used: false });
	const location = new URL(redirectUri);
	location.searchParams.set('code', code);
	if (state !== undefined) location.searchParams.set('state', state);
	return { status: 302, headers: { location: location.toString() } };
}

function tokenError(status: number, error: string, description: string): SimResponse {
	return { status, body: { error, error_description: description } };
}

function tokens(context: SuperOfficeContext, req: SimRequest): SimResponse {
	const { oauth } = context;
	const form = new URLSearchParams(req.rawBody);
	if (req.mediaType !== 'application/x-www-form-urlencoded') {
		return tokenError(400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
	}
	// client_secret_post or client_secret_basic
	let clientId = form.get('client_id');
	let clientSecret = form.get('client_secret');
	const basic = /^basic\s+(.+)$/i.exec(req.headers.authorization ?? '');
	if (basic) {
		const [id, secret] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
		clientId = decodeURIComponent(id ?? '');
		clientSecret = decodeURIComponent(secret ?? '');
	}
	if (clientId !== oauth.app.clientId || clientSecret !== oauth.app.clientSecret) {
		return tokenError(401, 'invalid_client', 'Client authentication failed');
	}
	const grantType = form.get('grant_type') ?? '';
	oauth.tokenGrants.push(grantType);
	if (grantType === 'authorization_code') {
		const entry = oauth.authorizationCodes.get(form.get('code') ?? '');
		if (!entry || entry.used) return tokenError(400, 'invalid_grant', 'The authorization code is invalid or was used');
		if (entry.redirectUri !== form.get('redirect_uri')) {
			return tokenError(400, 'invalid_grant', 'redirect_uri does not match the authorization request');
		}
		entry.used = true;
		const refreshToken = randomBytes(24).toString('base64url');
		oauth.refreshTokens.add(refreshToken);
		return { status: 200, body: { ...issueAccessToken(context), refresh_token: refreshToken } };
	}
	if (grantType === 'refresh_token') {
		if (!oauth.refreshTokens.has(form.get('refresh_token') ?? '')) {
			return tokenError(400, 'invalid_grant', 'The refresh token is invalid or was revoked');
		}
		// SuperOffice answers a refresh without a new refresh_token (§2.3).
		return { status: 200, body: issueAccessToken(context) };
	}
	return tokenError(400, 'unsupported_grant_type', `grant_type ${grantType || '(none)'} is not supported`);
}

/** An access token the API then accepts, with an id_token whose claims name the tenant and its WebAPI URL. */
function issueAccessToken({ oauth, tenant, loginUrl, webApiUrl }: SuperOfficeContext): Record<string, unknown> {
	const accessToken = `8A:${tenant}.${randomBytes(18).toString('base64url')}`;
	oauth.issuedAccessTokens.add(accessToken);
	const claims = {
		iss: loginUrl(),
		'http://schemes.superoffice.net/identity/ctx': tenant,
		'http://schemes.superoffice.net/identity/webapi_url': `${webApiUrl()}/`,
	};
	const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
	return {
		token_type: 'Bearer',
		access_token: accessToken,
		expires_in: oauth.accessTokenLifetime,
		id_token: `${part({ typ: 'JWT', alg: 'RS256' })}.${part(claims)}.c2lnbmF0dXJl`,
	};
}
