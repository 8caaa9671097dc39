// Sends a request with n8n's credential handling and turns every kind of failure into a NodeApiError.
import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IWebhookFunctions,
} from 'n8n-workflow';
import { apiError } from './errors';
import type { RequestPolicy } from './pacing';
import {
	backoffDelay,
	isRetryableStatus,
	isTransientNetworkError,
	MAX_RETRY_WAIT_MS,
	serverRetryDelay,
	SINGLE_ATTEMPT,
	statedRateLimit,
	waitBeforeRetry,
} from './pacing';

/** Every context a request can come from: operations, pickers, a trigger's lifecycle and its webhook. */
export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

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
	if (statusCode === 401)
		return `Check the ${service} credential: the key, ticket or password may be wrong or expired.`;
	if (statusCode === 403)
		return `The ${service} user or app is not allowed to do this. Ask an administrator for the needed rights.`;
	if (statusCode === 404) return 'Check the ID: the record may not exist or may have been deleted.';
	if (statusCode === 429)
		return `${service} is rate limiting these requests. Lower Requests per Second or raise Max Tries in the node's options, or run again later.`;
	if (statusCode >= 500)
		return `${service} had a temporary problem. Run again later, or turn on "Retry On Fail" in the node settings.`;
	return `Check the values sent for this item against what ${service} expects.`;
}

/** What one request is, for the policy: only a request that leaves the same state when sent twice may be retried. */
export interface RequestKind {
	/** For error messages: "remove members from selection 938" */
	action: string;
	/** Whether sending it twice leaves the same state; only such requests are retried */
	idempotent: boolean;
}

/** One request as an operation or trigger asks its service's transport for it. */
export interface ServiceRequest extends RequestKind {
	method: IHttpRequestMethods;
	/** Path below the service's base URL, already URL-encoded where it holds values */
	path: string;
	body?: IDataObject;
	qs?: IDataObject;
}

/**
 * Sends one request under the execution's policy: paced, and, when idempotent, retried on 429, 503,
 * connection resets and timeouts after the wait the server asks for (or a backoff). Other 4xx
 * answers are never retried.
 */
export async function serviceRequest(
	this: RequestContext,
	spec: ServiceSpec,
	{ action, idempotent }: RequestKind,
	options: IHttpRequestOptions,
	policy: RequestPolicy = SINGLE_ATTEMPT,
): Promise<HttpAnswer> {
	const fail = (httpCode: string | undefined, apiMessage: string, hint: string, tries: number) =>
		apiError(this.getNode(), {
			service: spec.service,
			action,
			httpCode,
			apiMessage: tries > 1 ? `${apiMessage} (after ${tries} tries)` : apiMessage,
			hint,
		});

	for (let attempt = 1; ; attempt++) {
		const admittedAt = (await policy.pacer?.acquire()) ?? Date.now();
		const canRetry = idempotent && attempt < policy.maxTries;
		let response: IN8nHttpFullResponse;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(this, spec.credentialType, {
				...options,
				...(policy.timeoutMs ? { timeout: policy.timeoutMs } : {}),
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			})) as IN8nHttpFullResponse;
		} catch (error) {
			// No HTTP answer at all. n8n-core wraps the network error in a NodeApiError that keeps its code
			// (ECONNRESET, ECONNABORTED for a timeout) in httpCode. Only the code and text are kept: the
			// request options behind the original error hold the credential.
			const wrapped = error as { code?: string; httpCode?: string | null; message?: string };
			const code = wrapped.code ?? wrapped.httpCode ?? undefined;
			const message = wrapped.message;
			if (canRetry && isTransientNetworkError({ code, message })) {
				await waitBeforeRetry(policy, backoffDelay(attempt));
				continue;
			}
			throw fail(
				undefined,
				`no answer from ${spec.service} (${message ?? code ?? 'connection failed'})`,
				`Check that the URL in the ${spec.service} credential is right and reachable from n8n, then run again. If ${spec.service} is slow, raise the Timeout option.`,
				attempt,
			);
		}

		const answer: HttpAnswer = {
			statusCode: response.statusCode,
			headers: response.headers ?? {},
			body: response.body,
		};
		if (answer.statusCode === 429) policy.pacer?.slowDown(admittedAt, statedRateLimit(answer.headers));
		else if (answer.statusCode < 300) policy.pacer?.speedUp();
		if (canRetry && isRetryableStatus(answer.statusCode)) {
			const asked = serverRetryDelay(answer.headers, answer.body);
			if (asked === undefined || asked <= MAX_RETRY_WAIT_MS) {
				await waitBeforeRetry(policy, asked ?? backoffDelay(attempt));
				continue;
			}
		}
		const apiMessage = spec.errorMessage(answer);
		if (apiMessage !== undefined) {
			const hint = spec.hints?.[answer.statusCode] ?? commonHint(spec.service, answer.statusCode);
			throw fail(String(answer.statusCode), apiMessage, hint, attempt);
		}
		return answer;
	}
}

/**
 * Text for an answer whose body is not the documented JSON: an HTML error page or plain text without
 * its tags, or a short JSON excerpt.
 */
export function describeBody(body: unknown, statusCode: number): string {
	const text =
		typeof body === 'string'
			? body
					.replace(/<[^>]*>/g, ' ')
					.replace(/\s+/g, ' ')
					.trim()
			: body && typeof body === 'object'
				? JSON.stringify(body)
				: '';
	if (text === '' || text === '{}') return `HTTP ${statusCode} with no explanation`;
	return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}
