// Every SuperOffice request goes through superOfficeRequest: it owns the URL, headers, query options and
// the mapping of SuperOffice's error answers (REST errors, and agents that report errors with status 200).
import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { HttpAnswer, RequestContext, ServiceRequest, ServiceSpec } from '../shared/http';
import type { RequestPolicy } from '../shared/pacing';
import { describeBody, serviceRequest } from '../shared/http';

/** The node's "Options" collection, shared by every SuperOffice operation. */
export interface SuperOfficeOptions {
	select?: string;
	language?: string;
}

/** Path below {webApiUrl}/v1, e.g. '/Agents/Relation/DeleteContactRelation'. */
export interface SuperOfficeRequest extends ServiceRequest {
	options?: SuperOfficeOptions;
}

/** The node's Authentication choice: which of the two SuperOffice credentials signs the requests. */
export type SuperOfficeAuthentication = 'superOfficeApi' | 'superOfficeOAuth2Api';

// The node hands its Authentication choice to the transport once per context (execution, picker call,
// webhook call), so that operations keep calling superOfficeRequest without knowing about credentials.
const chosenAuthentication = new WeakMap<object, SuperOfficeAuthentication>();

export function useAuthentication(context: RequestContext, authentication: unknown): void {
	chosenAuthentication.set(
		context,
		authentication === 'superOfficeOAuth2Api' ? 'superOfficeOAuth2Api' : 'superOfficeApi',
	);
}

const LOGIN_HOSTS = [
	'sod.superoffice.com',
	'qaonline.superoffice.com',
	'stage.superoffice.com',
	'online.superoffice.com',
];

/**
 * The tenant's API root from the credential's WebAPI URL, forgiving a trailing slash or /v1 and
 * refusing what can never work (no scheme, embedded login, query strings, the shared login host).
 */
export function superOfficeApiRoot(context: RequestContext, webApiUrl: string): string {
	const raw = (webApiUrl ?? '').trim();
	const fix = (problem: string) =>
		new NodeOperationError(context.getNode(), `The WebAPI URL in the SuperOffice credential ${problem}`, {
			description:
				"Open the SuperOffice credential and set WebAPI URL to your tenant's address ending in /api, e.g. https://online3.superoffice.com/Cust12345/api (Online) or https://crm.example.com/SuperOffice/api (onsite).",
		});
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw fix(raw === '' ? 'is empty' : `("${raw}") is not a full address starting with https://`);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') throw fix('must start with https://');
	if (url.username || url.password)
		throw fix('contains a user name or password; put those in the credential fields instead');
	if (url.search || url.hash) throw fix('must not contain a query string or # fragment');
	if (LOGIN_HOSTS.includes(url.hostname.toLowerCase())) {
		throw fix(
			`points at the login host ${url.hostname}, which does not serve tenant data; use your tenant's host (e.g. ${url.hostname.replace('.superoffice.com', '')}2.superoffice.com)`,
		);
	}
	const path = url.pathname.replace(/\/+$/, '').replace(/\/v1$/i, '').replace(/\/+$/, '');
	if (!/\/api$/i.test(path)) throw fix(`("${raw}") must end in /api`);
	return `${url.origin}${path}`;
}

function errorMessage({ statusCode, body }: HttpAnswer): string | undefined {
	const json = (body && typeof body === 'object' ? body : {}) as IDataObject;
	// Agents answer failures with 200 and { Message, MessageDetail } instead of an HTTP error.
	if (statusCode < 300 && typeof json.Message === 'string') {
		return [json.Message, json.MessageDetail].filter((part) => typeof part === 'string' && part !== '').join(' ');
	}
	if (statusCode < 300) return undefined;
	const text = json.ErrorMessage ?? json.MessageDetail ?? json.Message ?? json.message;
	return typeof text === 'string' && text !== '' ? text : describeBody(body, statusCode);
}

const spec: ServiceSpec = {
	service: 'SuperOffice',
	credentialType: 'superOfficeApi',
	errorMessage,
	hints: {
		200: 'SuperOffice refused the request. Check that the IDs exist and that the selection or relation can be changed by this user.',
		401: "Check the SuperOffice credential: Basic works only onsite; Online needs a valid SOTicket together with the SO-AppToken (your app's client secret), or a current Bearer access token.",
		421: 'The tenant is now served from another host (SuperOffice moves tenants between hosts). Update the WebAPI URL in the SuperOffice credential to the current one, shown in the browser address bar when logged in to SuperOffice.',
	},
};

const oAuth2Spec: ServiceSpec = {
	...spec,
	credentialType: 'superOfficeOAuth2Api',
	hints: {
		...spec.hints,
		401: 'SuperOffice did not accept the access token, also after refreshing it. Open the SuperOffice OAuth2 credential and sign in again; check that the app is still authorized for this tenant.',
	},
};

interface OAuth2Data {
	webApiUrl: string;
	oauthTokenData?: IDataObject;
}

export async function superOfficeRequest(
	this: RequestContext,
	request: SuperOfficeRequest,
	policy?: RequestPolicy,
): Promise<unknown> {
	const oAuth2 = chosenAuthentication.get(this) === 'superOfficeOAuth2Api';
	const credentials = oAuth2
		? await this.getCredentials<OAuth2Data>('superOfficeOAuth2Api')
		: await this.getCredentials<{ webApiUrl: string }>('superOfficeApi');
	if (oAuth2 && !(credentials as OAuth2Data).oauthTokenData) {
		throw new NodeOperationError(this.getNode(), 'The SuperOffice OAuth2 credential is not connected yet', {
			description:
				'Open the SuperOffice OAuth2 credential and click the sign-in button, then log in to SuperOffice and allow the app.',
		});
	}
	if (!oAuth2) requireSecret(this, credentials as IDataObject);
	const root = superOfficeApiRoot(this, credentials.webApiUrl);
	const qs: IDataObject = { ...request.qs };
	const select = request.options?.select?.trim();
	if (select) qs.$select = select;
	const headers: IDataObject = { Accept: 'application/json' };
	const language = request.options?.language?.trim();
	if (language) headers['Accept-Language'] = language;

	const send = async () =>
		await serviceRequest.call(
			this,
			oAuth2 ? oAuth2Spec : spec,
			request,
			{
				method: request.method,
				url: `${root}/v1${request.path}`,
				qs,
				headers,
				body: request.body,
			},
			policy,
		);

	// n8n refreshes an OAuth2 token only when the request itself throws on 401; serviceRequest reads
	// every status itself, so the refresh is asked for here, once, and the request sent again.
	const answer = await send().catch(async (error: unknown) => {
		if (!oAuth2 || !(error instanceof NodeApiError) || error.httpCode !== '401') return await Promise.reject(error);
		await refreshAccessToken(this);
		return await send();
	});
	return answer.body === '' ? null : answer.body;
}

const SECRETS: Record<string, Array<[field: string, label: string]>> = {
	basic: [
		['username', 'Username'],
		['password', 'Password'],
	],
	soTicket: [['ticket', 'Ticket']],
	bearer: [['accessToken', 'Access Token']],
};

/** An empty secret would only earn a 401 after a round trip; say which field is empty instead. */
function requireSecret(context: RequestContext, credentials: IDataObject): void {
	const scheme = String(credentials.authentication ?? 'basic');
	const empty = (SECRETS[scheme] ?? []).find(([field]) => !String(credentials[field] ?? '').trim());
	if (empty) {
		throw new NodeOperationError(context.getNode(), `The ${empty[1]} in the SuperOffice credential is empty`, {
			description: `Open the SuperOffice credential and fill in ${empty[1]}, or choose the authentication type you have a secret for.`,
		});
	}
}

async function refreshAccessToken(context: RequestContext): Promise<void> {
	try {
		await context.helpers.refreshOAuth2Token.call(context, 'superOfficeOAuth2Api');
	} catch (error) {
		const reason = (error as Error).message;
		throw new NodeOperationError(
			context.getNode(),
			`SuperOffice did not accept the access token, and refreshing it failed: ${reason}`,
			{
				description:
					"Open the SuperOffice OAuth2 credential and sign in again. SuperOffice revokes refresh tokens when the app's authorization for the tenant is removed.",
			},
		);
	}
}
