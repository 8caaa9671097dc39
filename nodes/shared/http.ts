// Sends a request with n8n's credential handling and turns every kind of failure into a NodeApiError.
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';
import { apiError } from './errors';

export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions;

export interface HttpAnswer {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

export interface ServiceSpec {
	service: string;
	credentialType: string;
	/** The API's own message in an error answer, or undefined when the answer is a success. */
	errorMessage: (answer: HttpAnswer) => string | undefined;
	/** Advice for statuses this service gives a special meaning (SuperOffice's 421, AutoSend's 402). */
	hints?: Record<number, string>;
}

function commonHint(service: string, statusCode: number): string {
	if (statusCode === 401) return `Check the ${service} credential: the key, ticket or password may be wrong or expired.`;
	if (statusCode === 403) return `The ${service} user or app is not allowed to do this. Ask an administrator for the needed rights.`;
	if (statusCode === 404) return 'Check the ID: the record may not exist or may have been deleted.';
	if (statusCode === 429) return `${service} is rate limiting these requests. Wait a moment and run again, or lower the request rate.`;
	if (statusCode >= 500) return `${service} had a temporary problem. Run again later, or turn on "Retry On Fail" in the node settings.`;
	return `Check the values sent for this item against what ${service} expects.`;
}

export async function serviceRequest(
	this: RequestContext,
	spec: ServiceSpec,
	action: string,
	options: IHttpRequestOptions,
): Promise<HttpAnswer> {
	const fail = (httpCode: string, apiMessage: string, hint: string) =>
		apiError(this.getNode(), { service: spec.service, action, httpCode, apiMessage, hint });

	let response: IN8nHttpFullResponse;
	try {
		response = (await this.helpers.httpRequestWithAuthentication.call(this, spec.credentialType, {
			...options,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as IN8nHttpFullResponse;
	} catch (error) {
		// No HTTP answer at all. Only the code and text are kept: the request options hold the credential.
		const { code, message } = error as { code?: string; message?: string };
		throw fail(
			code ?? 'NO_RESPONSE',
			`no answer from ${spec.service} (${message ?? code ?? 'connection failed'})`,
			`Check that the URL in the ${spec.service} credential is right and reachable from n8n, then run again.`,
		);
	}

	const answer: HttpAnswer = { statusCode: response.statusCode, headers: response.headers, body: response.body };
	const apiMessage = spec.errorMessage(answer);
	if (apiMessage !== undefined) {
		const hint = spec.hints?.[answer.statusCode] ?? commonHint(spec.service, answer.statusCode);
		throw fail(String(answer.statusCode), apiMessage, hint);
	}
	return answer;
}

/** Text for an error answer whose body is not the documented JSON (an HTML error page, plain text). */
export function describeBody(body: unknown, statusCode: number): string {
	if (typeof body === 'string' && body.trim() !== '') {
		const text = body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
		return text.length > 200 ? `${text.slice(0, 197)}...` : text;
	}
	return `HTTP ${statusCode} with no explanation`;
}
