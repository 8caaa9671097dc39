// Every SuperOffice request goes through superOfficeRequest: it owns the URL, headers, query options and
// the mapping of SuperOffice's error answers (REST errors, and agents that report errors with status 200).
import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { HttpAnswer, RequestContext, ServiceSpec } from '../shared/http';
import type { RequestPolicy } from '../shared/pacing';
import { describeBody, serviceRequest } from '../shared/http';

/** The node's "Options" collection, shared by every SuperOffice operation. */
export interface SuperOfficeOptions {
	select?: string;
	language?: string;
}

export interface SuperOfficeRequest {
	method: IHttpRequestMethods;
	/** Path below {webApiUrl}/v1, e.g. '/Agents/Relation/DeleteContactRelation' */
	path: string;
	/** What the request does, for error messages: "delete relation 413" */
	action: string;
	/** Whether sending it twice leaves the same state; only such requests are retried */
	idempotent: boolean;
	body?: IDataObject;
	qs?: IDataObject;
	options?: SuperOfficeOptions;
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

export async function superOfficeRequest(
	this: RequestContext,
	request: SuperOfficeRequest,
	policy?: RequestPolicy,
): Promise<unknown> {
	const credentials = await this.getCredentials<{ webApiUrl: string }>('superOfficeApi');
	const root = superOfficeApiRoot(this, credentials.webApiUrl);
	const qs: IDataObject = { ...request.qs };
	const select = request.options?.select?.trim();
	if (select) qs.$select = select;
	const headers: IDataObject = { Accept: 'application/json' };
	const language = request.options?.language?.trim();
	if (language) headers['Accept-Language'] = language;

	const answer = await serviceRequest.call(
		this,
		spec,
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
	return answer.body === '' ? null : answer.body;
}
