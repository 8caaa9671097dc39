// Every AutoSend request goes through autoSendRequest: base URL from the credential, JSON, the API identity
// requests are paced under, and the mapping of AutoSend's error envelope ({ success: false, error: { message } }
// or a plain-string error).
import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
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
import { isLoopback } from '../shared/validation';

export const DEFAULT_BASE_URL = 'https://api.autosend.com/v1';

/** AutoSend allows 2 requests per second per API key by default. */
export const AUTOSEND: ServiceDefaults = { service: 'AutoSend', requestsPerSecond: 2 };

/** Path below the base URL, e.g. '/contact-lists/abc/contacts/remove'. */
export type AutoSendRequest = ServiceRequest;

function errorMessage({ statusCode, body }: HttpAnswer): string | Explained | undefined {
	const json = (body && typeof body === 'object' ? body : {}) as IDataObject;
	if (statusCode < 300 && json.success === true) return undefined;
	// No Content is a success by definition; AutoSend documents no body for some deletes.
	if (statusCode === 204 && (body === undefined || body === null || body === '')) return undefined;
	const error = json.error;
	if (typeof error === 'string' && error !== '') return error;
	if (error && typeof error === 'object') {
		const { message, code } = error as IDataObject;
		if (typeof message === 'string' && message !== '')
			return typeof code === 'string' ? `${message} (${code})` : message;
	}
	if (typeof json.message === 'string' && json.message !== '') return json.message;
	// A 2xx without AutoSend's { success: true } envelope (a proxy's page, cut-off JSON) proves nothing.
	if (statusCode < 300) {
		return {
			message: `unexpected answer without AutoSend's success flag: ${describeBody(body, statusCode)}`,
			hint: 'Something in front of the API answered instead of AutoSend (a proxy, or a cut-off answer), so nothing can be assumed done. Check the Base URL in the AutoSend credential, then run again.',
			outcome: 'unknown',
		};
	}
	return describeBody(body, statusCode);
}

const spec: ServiceSpec = {
	service: 'AutoSend',
	credentialType: 'autoSendApi',
	errorMessage,
	hints: {
		200: 'AutoSend answered that the request did not succeed. Check the values sent for this item.',
		401: 'Check the API key in the AutoSend credential: it must be a current project key (Settings › API Keys in AutoSend).',
		402: 'Your AutoSend plan does not include this. Upgrade the plan in AutoSend, or contact AutoSend support.',
		404: 'Check the ID: the record may not exist in the project this API key belongs to.',
		429: 'AutoSend allows 2 requests per second per API key unless it raised your limit.',
	},
};

/**
 * The credential's Base URL, refusing anything that could send the key or the changes elsewhere: plain
 * http (except on this machine), a user name or password in the URL (it would replace the key), a query
 * or fragment, or a path that does not end in the API version.
 */
export function autoSendBaseUrl(context: RequestContext, baseUrl: string | undefined): string {
	const raw = (baseUrl || DEFAULT_BASE_URL).trim();
	const fix = (problem: string) =>
		new NodeOperationError(context.getNode(), `The Base URL in the AutoSend credential ${problem}`, {
			description: `Open the AutoSend credential and set Base URL to ${DEFAULT_BASE_URL} (or clear it), unless AutoSend gave you another https address ending in /v1.`,
		});
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw fix(`("${raw}") is not a full address starting with https://`);
	}
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname)))
		throw fix('must start with https:// (the API key would otherwise travel in clear text)');
	if (url.username || url.password) throw fix('must not contain a user name or password');
	if (url.search || url.hash || raw.includes('?') || raw.includes('#'))
		throw fix('must not contain a query string or # fragment');
	// The URL parser resolves "..": /v1/../elsewhere/v1 would quietly send everything elsewhere.
	if (/(^|[/\\])\.\.([/\\]|$)/.test(raw)) throw fix('must not contain ..');
	const path = url.pathname.replace(/\/+$/, '');
	if (!/\/v1$/.test(path)) throw fix(`("${raw}") must end in /v1`);
	return `${url.origin}${path}`;
}

interface Signed extends Signer {
	baseUrl: string;
}

async function sign(context: RequestContext): Promise<Signed> {
	const credentials = await context.getCredentials<{ apiKey?: string; baseUrl?: string }>('autoSendApi');
	const apiKey = String(credentials.apiKey ?? '').trim();
	if (!apiKey) {
		throw new NodeOperationError(context.getNode(), 'The API Key in the AutoSend credential is empty', {
			description: 'Open the AutoSend credential and paste a project API key (AutoSend: Settings › API Keys).',
		});
	}
	const baseUrl = autoSendBaseUrl(context, credentials.baseUrl);
	// The rate limit is per API key.
	return { baseUrl, identity: identityOf('AutoSend', baseUrl, apiKey), secrets: [apiKey] };
}

/** The identity AutoSend requests of this context are paced and combined under. */
export async function autoSendSigner(this: RequestContext): Promise<Signer> {
	const { identity, secrets } = await sign(this);
	return { identity, secrets };
}

/** AutoSend's `data`, and whether an earlier attempt of the request may have been applied (see HttpAnswer). */
export async function autoSendCall(
	this: RequestContext,
	request: AutoSendRequest,
	policy: RequestPolicy = defaultPolicy(AUTOSEND),
): Promise<{ data: IDataObject; afterUnknownAttempt: boolean }> {
	const signed = await sign(this);
	const answer = await serviceRequest.call(
		this,
		spec,
		signed,
		request,
		{
			method: request.method,
			url: `${signed.baseUrl}${request.path}`,
			qs: request.qs,
			body: request.body,
			headers: { Accept: 'application/json' },
		},
		policy,
	);
	const body = (answer.body && typeof answer.body === 'object' ? answer.body : {}) as IDataObject;
	return { data: (body.data ?? {}) as IDataObject, afterUnknownAttempt: answer.afterUnknownAttempt === true };
}

/** AutoSend's `data` for a request. */
export async function autoSendRequest(
	this: RequestContext,
	request: AutoSendRequest,
	policy?: RequestPolicy,
): Promise<IDataObject> {
	return (await autoSendCall.call(this, request, policy)).data;
}

/** AutoSend's largest page (its list endpoints take `limit` 1-100). */
const AUTOSEND_PAGE_SIZE = 100;

/** The array GET /contact-lists answers with: AutoSend's documentation shows both names. */
export const LIST_KEYS = ['lists', 'contacts'];

/**
 * Every record of a paged AutoSend list, or the first `limit`: asks for page 1, 2, … (`page` and `limit`
 * in the query for GET, in the body for POST searches) until AutoSend's `pagination.pages` is reached or a
 * page comes back short; an answer without `pagination` is the whole list. `itemsKeys` names the array in
 * `data`; older docs name some arrays differently, so several may be given. `paged: false` is for
 * endpoints that document no paging: one request, without page or limit.
 */
export async function autoSendRecords(
	this: RequestContext,
	request: AutoSendRequest,
	itemsKeys: string[],
	{ limit, paged = true }: { limit?: number; paged?: boolean } = {},
	policy?: RequestPolicy,
): Promise<IDataObject[]> {
	const itemsOf = (data: IDataObject) => {
		const key = itemsKeys.find((name) => Array.isArray(data[name]));
		return key ? (data[key] as IDataObject[]) : [];
	};
	if (!paged) {
		const all = itemsOf(await autoSendRequest.call(this, request, policy));
		return limit === undefined ? all : all.slice(0, limit);
	}
	const records: IDataObject[] = [];
	for (let page = 1; ; page++) {
		const size = limit === undefined ? AUTOSEND_PAGE_SIZE : Math.min(AUTOSEND_PAGE_SIZE, limit - records.length);
		const paging = { page, limit: size };
		const data = await autoSendRequest.call(
			this,
			request.method === 'GET'
				? { ...request, qs: { ...request.qs, ...paging } }
				: { ...request, body: { ...(request.body as IDataObject), ...paging } },
			policy,
		);
		const batch = itemsOf(data);
		records.push(...batch);
		// Without a `pagination` object the endpoint does not page (asking for page 2 could repeat page 1).
		const pagination = data.pagination as IDataObject | undefined;
		const pages = Number(pagination?.pages ?? pagination?.totalPages);
		const lastPage = !pagination || (Number.isFinite(pages) ? page >= pages : batch.length < size);
		if ((limit !== undefined && records.length >= limit) || batch.length === 0 || lastPage)
			return limit === undefined ? records : records.slice(0, limit);
	}
}
