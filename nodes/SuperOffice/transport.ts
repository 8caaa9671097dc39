// Every SuperOffice request goes through superOfficeRequest: it owns the URL, headers, query options, the
// credential the node chose, the API identity requests are paced under, and the mapping of SuperOffice's
// error answers (REST errors, and agents that report errors with status 200).
import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { isLoopback } from '../shared/validation';
import type {
	Explained,
	HttpAnswer,
	RequestContext,
	RequestPolicy,
	ServiceRequest,
	ServiceSpec,
	Signer,
} from '../shared/http';
import { describeBody, identityOf, serviceRequest } from '../shared/http';
import type { ServiceDefaults } from '../shared/options';
import { defaultPolicy } from '../shared/options';

/** SuperOffice's app checklist: "No more than 10 API calls per second". */
export const SUPEROFFICE: ServiceDefaults = { service: 'SuperOffice', requestsPerSecond: 10 };

/** Shapes what SuperOffice returns, for requests that have a response worth shaping. */
export interface SuperOfficeResponseOptions {
	select?: string;
	language?: string;
}

/** Path below {webApiUrl}/v1, e.g. '/Agents/Relation/DeleteContactRelation'. */
export interface SuperOfficeRequest extends ServiceRequest {
	options?: SuperOfficeResponseOptions;
}

/** The node's Authentication choice: which of the two SuperOffice credentials signs the requests. */
export type SuperOfficeAuthentication = 'superOfficeApi' | 'superOfficeOAuth2Api';

/** The Authentication parameter of whichever node (or picker, or trigger) is asking. */
function authenticationOf(context: RequestContext): SuperOfficeAuthentication {
	let chosen: unknown;
	if ('getCurrentNodeParameter' in context) chosen = context.getCurrentNodeParameter('authentication');
	else if ('getInputData' in context) chosen = context.getNodeParameter('authentication', 0, 'superOfficeApi');
	else chosen = context.getNodeParameter('authentication', 'superOfficeApi');
	return chosen === 'superOfficeOAuth2Api' ? 'superOfficeOAuth2Api' : 'superOfficeApi';
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
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname)))
		throw fix('must start with https:// (the credential would otherwise travel in clear text)');
	if (url.username || url.password)
		throw fix('contains a user name or password; put those in the credential fields instead');
	if (url.search || url.hash) throw fix('must not contain a query string or # fragment');
	// "online.superoffice.com." (a trailing dot) is the same host.
	if (LOGIN_HOSTS.includes(url.hostname.toLowerCase().replace(/\.+$/, ''))) {
		throw fix(
			`points at the login host ${url.hostname}, which does not serve tenant data; use your tenant's host (e.g. ${url.hostname.replace('.superoffice.com', '')}2.superoffice.com)`,
		);
	}
	const path = url.pathname.replace(/\/+$/, '').replace(/\/v1$/i, '').replace(/\/+$/, '');
	if (!/\/api$/i.test(path)) throw fix(`("${raw}") must end in /api`);
	return `${url.origin}${path}`;
}

const NOT_AN_API_ANSWER =
	'Something in front of the WebAPI answered instead of SuperOffice (a sign-in page, a proxy, or a cut-off answer), so nothing can be assumed done. Check that the WebAPI URL in the credential is the API address, or ask who runs the proxy.';

function errorMessage({ statusCode, body }: HttpAnswer): string | Explained | undefined {
	const json = (body && typeof body === 'object' ? body : {}) as IDataObject;
	if (statusCode < 300) {
		// Agents answer failures with 200 and { Message, MessageDetail } instead of an HTTP error.
		if (typeof json.Message === 'string') {
			return [json.Message, json.MessageDetail].filter((part) => typeof part === 'string' && part !== '').join(' ');
		}
		// A success is empty or JSON. Text here is a sign-in page, a proxy's page or cut-off JSON: it proves
		// nothing was done.
		if (typeof body === 'string' && body.trim() !== '' && body.trim() !== 'null') {
			return {
				message: `unexpected answer that is not SuperOffice's JSON: ${describeBody(body, statusCode)}`,
				hint: NOT_AN_API_ANSWER,
				outcome: 'unknown',
			};
		}
		return undefined;
	}
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
		429: 'SuperOffice asks apps for at most 10 requests per second.',
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
	clientId?: string;
	clientSecret?: string;
	oauthTokenData?: IDataObject;
}

interface Signed extends Signer {
	authentication: SuperOfficeAuthentication;
	root: string;
}

const SECRET_FIELDS = ['username', 'password', 'ticket', 'accessToken', 'appToken', 'clientSecret'];

/** The credential the node chose, checked, with its identity: the API root plus a digest of the secret. */
async function sign(context: RequestContext): Promise<Signed> {
	const authentication = authenticationOf(context);
	const oAuth2 = authentication === 'superOfficeOAuth2Api';
	const credentials = (await context.getCredentials(authentication)) as IDataObject & { webApiUrl: string };
	if (oAuth2 && !(credentials as OAuth2Data).oauthTokenData) {
		throw new NodeOperationError(context.getNode(), 'The SuperOffice OAuth2 credential is not connected yet', {
			description:
				'Open the SuperOffice OAuth2 credential and click the sign-in button, then log in to SuperOffice and allow the app.',
		});
	}
	if (!oAuth2) requireSecret(context, credentials);
	const root = superOfficeApiRoot(context, credentials.webApiUrl);
	const token = (credentials as OAuth2Data).oauthTokenData ?? {};
	const secrets = [
		...SECRET_FIELDS.map((field) => String(credentials[field] ?? '')),
		String(token.access_token ?? ''),
		String(token.refresh_token ?? ''),
		Buffer.from(`${String(credentials.username ?? '')}:${String(credentials.password ?? '')}`).toString('base64'),
	].filter((secret) => secret.length >= 4);
	// OAuth2 tokens change on every refresh; the app (client id) on the tenant is what SuperOffice limits.
	const who = oAuth2
		? [String(credentials.clientId ?? '')]
		: [
				String(credentials.authentication ?? 'basic'),
				...SECRET_FIELDS.map((field) => String(credentials[field] ?? '')),
			];
	return { authentication, root, identity: identityOf('SuperOffice', authentication, root, ...who), secrets };
}

/** The identity SuperOffice requests of this context are paced and combined under. */
export async function superOfficeSigner(this: RequestContext): Promise<Signer> {
	const { identity, secrets } = await sign(this);
	return { identity, secrets };
}

export async function superOfficeRequest(
	this: RequestContext,
	request: SuperOfficeRequest,
	policy: RequestPolicy = defaultPolicy(SUPEROFFICE),
): Promise<unknown> {
	const signed = await sign(this);
	const oAuth2 = signed.authentication === 'superOfficeOAuth2Api';
	const qs: IDataObject = { ...request.qs };
	const select = request.options?.select?.trim();
	if (select) qs.$select = select;
	const headers: IDataObject = { Accept: 'application/json' };
	const language = request.options?.language?.trim();
	if (language) headers['Accept-Language'] = language;

	const send = async (admittedAt = policy.admittedAt) =>
		await serviceRequest.call(
			this,
			oAuth2 ? oAuth2Spec : spec,
			signed,
			request,
			{ method: request.method, url: `${signed.root}/v1${request.path}`, qs, headers, body: request.body },
			{ ...policy, admittedAt },
		);

	// n8n refreshes an OAuth2 token only when the request itself throws on 401; serviceRequest reads
	// every status itself, so the refresh is asked for here, once, and the request sent again.
	const answer = await send().catch(async (error: unknown) => {
		if (!oAuth2 || !(error instanceof NodeApiError) || error.httpCode !== '401') return await Promise.reject(error);
		await refreshAccessToken(this, signed.identity);
		return await send(undefined);
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

/**
 * One refresh per credential at a time: when ten concurrent requests find the token expired, the first
 * refreshes it and the other nine wait for that refresh instead of each spending the refresh token.
 */
const refreshing = new Map<string, Promise<void>>();

async function refreshAccessToken(context: RequestContext, identity: string): Promise<void> {
	let refresh = refreshing.get(identity);
	if (!refresh) {
		refresh = (async () => {
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
			} finally {
				refreshing.delete(identity);
			}
		})();
		refreshing.set(identity, refresh);
	}
	await refresh;
}

/** SuperOffice's OData answer for a list: one page of rows, and a next link while there are more. */
interface ODataPage {
	value?: IDataObject[];
	'odata.nextLink'?: string;
}

/** Rows one OData request asks for; SuperOffice documents no maximum for $top. */
const ODATA_PAGE_SIZE = 200;

/**
 * Every row of an OData list (`GET /v1/Selection?$filter=…`), paging with $top and $skip while SuperOffice
 * gives an `odata.nextLink`, or the first `limit` rows. The next link itself is not followed: the node
 * only ever calls URLs it built from the credential.
 */
export async function superOfficeRows(
	this: RequestContext,
	request: SuperOfficeRequest,
	{ limit }: { limit?: number } = {},
	policy?: RequestPolicy,
): Promise<IDataObject[]> {
	const rows: IDataObject[] = [];
	for (;;) {
		const top = limit === undefined ? ODATA_PAGE_SIZE : Math.min(ODATA_PAGE_SIZE, limit - rows.length);
		const page = (await superOfficeRequest.call(
			this,
			{ ...request, qs: { ...request.qs, $top: top, $skip: rows.length } },
			policy,
		)) as ODataPage | null;
		const value = page?.value ?? [];
		rows.push(...value);
		const full = limit !== undefined && rows.length >= limit;
		if (full || value.length === 0 || !page?.['odata.nextLink']) return rows;
	}
}
