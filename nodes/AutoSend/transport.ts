// Every AutoSend request goes through autoSendRequest: base URL from the credential, JSON, and the
// mapping of AutoSend's error envelope ({ success: false, error: { message } } or a plain-string error).
import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { HttpAnswer, RequestContext, ServiceRequest, ServiceSpec } from '../shared/http';
import type { RequestPolicy } from '../shared/pacing';
import { describeBody, serviceRequest } from '../shared/http';

export const DEFAULT_BASE_URL = 'https://api.autosend.com/v1';

/** Path below the base URL, e.g. '/contact-lists/abc/contacts/remove'. */
export type AutoSendRequest = ServiceRequest;

function errorMessage({ statusCode, body }: HttpAnswer): string | undefined {
	const json = (body && typeof body === 'object' ? body : {}) as IDataObject;
	if (statusCode < 300 && json.success === true) return undefined;
	const error = json.error;
	if (typeof error === 'string' && error !== '') return error;
	if (error && typeof error === 'object') {
		const { message, code } = error as IDataObject;
		if (typeof message === 'string' && message !== '')
			return typeof code === 'string' ? `${message} (${code})` : message;
	}
	if (typeof json.message === 'string' && json.message !== '') return json.message;
	// A 2xx without AutoSend's { success: true } envelope (a proxy's page, cut-off JSON) proves nothing.
	if (statusCode < 300) return `unexpected answer without AutoSend's success flag: ${describeBody(body, statusCode)}`;
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
		404: 'Check the contact list ID: the list may not exist in the project this API key belongs to.',
		429: 'AutoSend allows 2 requests per second per API key by default. Wait a moment and run again, or ask AutoSend to raise the limit.',
	},
};

export async function autoSendRequest(
	this: RequestContext,
	request: AutoSendRequest,
	policy?: RequestPolicy,
): Promise<IDataObject> {
	const credentials = await this.getCredentials<{ apiKey?: string; baseUrl?: string }>('autoSendApi');
	if (!String(credentials.apiKey ?? '').trim()) {
		throw new NodeOperationError(this.getNode(), 'The API Key in the AutoSend credential is empty', {
			description: 'Open the AutoSend credential and paste a project API key (AutoSend: Settings › API Keys).',
		});
	}
	const baseUrl = (credentials.baseUrl || DEFAULT_BASE_URL).trim().replace(/\/+$/, '');
	const answer = await serviceRequest.call(
		this,
		spec,
		request,
		{
			method: request.method,
			url: `${baseUrl}${request.path}`,
			qs: request.qs,
			body: request.body,
			headers: { Accept: 'application/json' },
		},
		policy,
	);
	const body = (answer.body && typeof answer.body === 'object' ? answer.body : {}) as IDataObject;
	return (body.data ?? {}) as IDataObject;
}
