// Sends one request with n8n's credential handling: paced by the API identity's shared limiter, retried as
// the answer allows, and turned into a NodeApiError that says what happened, for every kind of failure.
import { createHash } from 'node:crypto';
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
import type { ApiFailure } from './errors';
import { apiError, redact } from './errors';
import { limiterFor, waitFor } from './limiter';
import type { Verdict } from './retry';
import { backoffDelay, isTimeout, networkVerdict, serverRetryDelay, statedRateLimit, statusVerdict } from './retry';

/** Every context a request can come from: operations, pickers, a trigger's lifecycle and its webhook. */
export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

export interface HttpAnswer {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
	/**
	 * Whether an earlier attempt of this request may have been applied (it timed out, or lost its
	 * connection): then this answer describes the state after that attempt too, e.g. "not in list" for a
	 * value the earlier attempt removed.
	 */
	afterUnknownAttempt?: boolean;
}

/** An error answer explained by the service: its message, what to do, and whether the change may have happened. */
export interface Explained {
	message: string;
	hint: string;
	outcome?: 'unknown';
}

export interface ServiceSpec {
	service: string;
	credentialType: string;
	/**
	 * The API's own message in an error answer, or undefined when the answer is a success; with a hint
	 * when the answer itself tells what to do (e.g. a sign-in page instead of JSON).
	 */
	errorMessage: (answer: HttpAnswer) => string | Explained | undefined;
	/** Advice for statuses this service gives a special meaning (SuperOffice's 421, AutoSend's 402). */
	hints?: Record<number, string>;
}

/** What one request is, for the retry rules and for messages. */
export interface RequestKind {
	/** For error messages: "remove members from selection 938" */
	action: string;
	/** Whether sending it twice leaves the same state; only such requests are retried after an unknown outcome */
	idempotent: boolean;
	/** Advice for statuses that mean something particular for this request, e.g. 404 "the selection does not exist" */
	hints?: Record<number, string>;
}

/** One request as an operation or trigger asks its service's transport for it. */
export interface ServiceRequest extends RequestKind {
	method: IHttpRequestMethods;
	/** Path below the service's base URL, already URL-encoded where it holds values */
	path: string;
	body?: IDataObject | IDataObject[];
	qs?: IDataObject;
}

/** How patient one request may be; the node's throughput options fill it in. */
export interface RequestPolicy {
	/** Requests per Second the node is set to, counted against everyone on the same API identity */
	rate: number;
	/** Longest total time to keep retrying a request the server did not process (429) */
	maxWaitMs: number;
	/** Attempts for a request whose outcome was unknown (only idempotent ones are repeated) */
	maxTries: number;
	timeoutMs: number;
	/** When the limiter already admitted the first attempt (a combined request formed on admission) */
	admittedAt?: number;
	/** Ends waiting and sending early; by default, the execution's cancel signal */
	signal?: AbortSignal;
}

/** The identity a transport computed: whose limiter to use and which values never to show. */
export interface Signer {
	/** Digest of service, host and secret: requests with the same one share a limiter */
	identity: string;
	/** Every credential value, to be removed from any text that leaves the node */
	secrets: string[];
}

/**
 * A digest of what makes requests count against the same limit at the API (service, host, secret), so that
 * limiters and shared requests can be keyed by it without keeping a secret in clear.
 */
export function identityOf(...parts: string[]): string {
	return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

function commonHint(service: string, statusCode: number): string {
	if (statusCode === 401)
		return `Check the ${service} credential: the key, ticket or password may be wrong or expired.`;
	if (statusCode === 403)
		return `The ${service} user or app is not allowed to do this. Ask an administrator for the needed rights.`;
	if (statusCode === 404) return 'Check the ID: the record may not exist or may have been deleted.';
	if (statusCode >= 500)
		return `${service} had a problem with this request. Run again later, or turn on "Retry On Fail" in the node settings.`;
	return `Check the values sent for this item against what ${service} expects.`;
}

function cancelSignalOf(context: RequestContext): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;
}

/**
 * Sends one request under the policy. A 429 (or a 503 with a retry hint) means the server did not process
 * it, so any request is sent again after the wait the server asks for, for as long as Max Wait allows. An
 * unknown outcome (no answer, a dropped connection, 502/504) is retried only for idempotent requests, up to
 * Max Tries. Everything else fails at once with the API's own message.
 */
export async function serviceRequest(
	this: RequestContext,
	spec: ServiceSpec,
	signer: Signer,
	kind: RequestKind,
	options: IHttpRequestOptions,
	policy: RequestPolicy,
): Promise<HttpAnswer> {
	const limiter = limiterFor(signer.identity);
	const signal = policy.signal ?? cancelSignalOf(this);
	const firstAttemptAt = policy.admittedAt ?? Date.now();
	let afterUnknownAttempt = false;
	const fail = (failure: Omit<ApiFailure, 'service' | 'action' | 'apiMessage'> & { apiMessage: string }) =>
		apiError(this.getNode(), {
			service: spec.service,
			action: kind.action,
			...failure,
			apiMessage: redact(failure.apiMessage, signer.secrets),
			afterUnknownAttempt,
		});
	/** The wait before the next attempt, or undefined when Max Wait or Max Tries rule out another one. */
	const nextWait = (verdict: Verdict, attempt: number, asked: number | undefined) => {
		if (verdict === 'unknown' && (!kind.idempotent || attempt >= policy.maxTries)) return undefined;
		if (verdict === 'notSent' && attempt >= policy.maxTries) return undefined;
		const wait = asked ?? backoffDelay(attempt);
		return Date.now() + wait - firstAttemptAt <= policy.maxWaitMs ? wait : undefined;
	};

	for (let attempt = 1; ; attempt++) {
		const admittedAt =
			attempt === 1 && policy.admittedAt !== undefined ? policy.admittedAt : await limiter.acquire(policy.rate, signal);
		let response: IN8nHttpFullResponse;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(this, spec.credentialType, {
				...options,
				timeout: policy.timeoutMs,
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				// A redirect on an API call leads to a sign-in or proxy page, and a POST replayed as GET.
				disableFollowRedirect: true,
			})) as IN8nHttpFullResponse;
		} catch (error) {
			signal?.throwIfAborted();
			// No HTTP answer at all. n8n-core wraps the network error in a NodeApiError that keeps its code
			// (ECONNRESET, ECONNABORTED for a timeout) in httpCode. Only the code and text are kept: the
			// request options behind the original error hold the credential.
			const wrapped = error as { code?: string; httpCode?: string | null; message?: string };
			const code = wrapped.code ?? wrapped.httpCode ?? undefined;
			const verdict = networkVerdict({ code, message: wrapped.message });
			const wait = verdict && nextWait(verdict, attempt, undefined);
			if (wait !== undefined) {
				afterUnknownAttempt ||= verdict === 'unknown';
				await waitFor(wait, signal);
				continue;
			}
			throw fail(noAnswer(spec.service, kind, policy, { code, message: wrapped.message }, verdict, attempt));
		}

		const answer: HttpAnswer = {
			statusCode: response.statusCode,
			headers: response.headers ?? {},
			body: response.body,
		};
		if (answer.statusCode === 429) limiter.slowDown(admittedAt, policy.rate, statedRateLimit(answer.headers));
		else if (answer.statusCode < 300) limiter.speedUp(policy.rate);

		const verdict = statusVerdict(answer.statusCode, answer.headers, answer.body);
		if (verdict) {
			const asked = serverRetryDelay(answer.headers, answer.body);
			const wait = nextWait(verdict, attempt, asked);
			if (wait !== undefined) {
				// Everyone on this identity holds back, not only this request.
				if (verdict === 'notProcessed') limiter.pause(wait);
				afterUnknownAttempt ||= verdict === 'unknown';
				await waitFor(wait, signal);
				continue;
			}
			if (verdict === 'notProcessed')
				throw fail(rateLimited(spec, kind, policy, answer, asked, firstAttemptAt, attempt));
		}
		if (answer.statusCode >= 300 && answer.statusCode < 400) throw fail(redirected(spec.service, answer));
		const explained = spec.errorMessage(answer);
		if (explained !== undefined) {
			const apiMessage = typeof explained === 'string' ? explained : explained.message;
			const hint =
				(typeof explained === 'string' ? undefined : explained.hint) ??
				kind.hints?.[answer.statusCode] ??
				spec.hints?.[answer.statusCode] ??
				commonHint(spec.service, answer.statusCode);
			const unknown = verdict === 'unknown' || (typeof explained !== 'string' && explained.outcome === 'unknown');
			throw fail({
				httpCode: String(answer.statusCode),
				apiMessage: attempt > 1 ? `${apiMessage} (after ${attempt} tries)` : apiMessage,
				hint: verdict === 'unknown' ? unknownOutcomeHint(spec.service, kind) : hint,
				outcome: unknown ? 'unknown' : 'notApplied',
			});
		}
		return { ...answer, afterUnknownAttempt };
	}
}

function unknownOutcomeHint(service: string, kind: RequestKind): string {
	return kind.idempotent
		? `The change may or may not have been made. Running again is safe: repeating it leaves the same result. If ${service} is often this slow, raise the Timeout option.`
		: `The change may or may not have been made, so it was not sent again (sending twice could do it twice). Check in ${service} before running again. If ${service} is often this slow, raise the Timeout option.`;
}

/** n8n replaces a whole error message that mentions a network code with its generic text; say it in words. */
const NETWORK_WORDS: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ECONNRESET: 'connection reset',
	ENOTFOUND: 'host not found',
	ETIMEDOUT: 'timed out',
	ECONNABORTED: 'connection aborted',
	EHOSTUNREACH: 'host unreachable',
	EAI_AGAIN: 'host name lookup failed for now',
	EPIPE: 'connection closed while sending',
	GETADDRINFO: 'host name lookup failed',
};

function inWords(error: { code?: string; message?: string }): string {
	const text = error.message ?? error.code ?? 'connection failed';
	return text.replace(
		/\b(E[A-Z_]{3,}|GETADDRINFO)\b/gi,
		(code) => NETWORK_WORDS[code.toUpperCase()] ?? 'network error',
	);
}

function noAnswer(
	service: string,
	kind: RequestKind,
	policy: RequestPolicy,
	error: { code?: string; message?: string },
	verdict: Verdict | undefined,
	attempt: number,
) {
	const tries = attempt > 1 ? ` (after ${attempt} tries)` : '';
	if (verdict === 'unknown') {
		const what = isTimeout(error)
			? `no answer within ${seconds(policy.timeoutMs)}`
			: `the connection broke before ${service} answered (${inWords(error)})`;
		return { apiMessage: `${what}${tries}`, hint: unknownOutcomeHint(service, kind), outcome: 'unknown' as const };
	}
	return {
		apiMessage: `no answer from ${service} (${inWords(error)})${tries}`,
		hint: `Nothing was sent. Check that the URL in the ${service} credential is right and reachable from n8n, then run again.`,
	};
}

function rateLimited(
	spec: ServiceSpec,
	kind: RequestKind,
	policy: RequestPolicy,
	answer: HttpAnswer,
	asked: number | undefined,
	firstAttemptAt: number,
	attempt: number,
) {
	const { service } = spec;
	const waited = Date.now() - firstAttemptAt;
	const left = Math.max(0, policy.maxWaitMs - waited);
	const explained = spec.errorMessage(answer);
	const serverMessage = (typeof explained === 'string' ? explained : explained?.message) ?? 'too many requests';
	const tries = attempt > 1 ? ` after ${attempt} tries over ${seconds(waited)}` : '';
	// A first answer asking for more than the whole budget calls for more budget; a server that keeps
	// refusing calls for fewer requests.
	const tooLongAtOnce = attempt === 1 && asked !== undefined;
	const apiMessage =
		asked !== undefined && asked > left
			? `${serverMessage}; ${service} asked to wait ${seconds(asked)}, more than the ${seconds(left)} left of Max Wait (${seconds(policy.maxWaitMs)})${tries}`
			: `${serverMessage}; still rate limited${tries || ' at once'} (Max Wait ${seconds(policy.maxWaitMs)})`;
	const advice = tooLongAtOnce
		? `Raise Max Wait in the node's options to at least ${Math.ceil((asked ?? 0) / 1000)} s, or run again later.`
		: `Lower Requests per Second (workflows and n8n workers using the same credential share ${service}'s limit), or raise Max Wait.`;
	const extra = kind.hints?.[429] ?? spec.hints?.[429];
	return {
		httpCode: String(answer.statusCode),
		apiMessage,
		hint: `${service} did not process the rejected request, so nothing was changed by it. ${advice}${extra ? ` ${extra}` : ''}`,
	};
}

function redirected(service: string, answer: HttpAnswer) {
	const location = String(answer.headers.location ?? answer.headers.Location ?? '').split('?')[0];
	return {
		httpCode: String(answer.statusCode),
		apiMessage: `${service} answered with a redirect${location ? ` to ${location}` : ''} instead of an API answer`,
		hint: `A sign-in page or proxy sits in front of the API, or the URL in the ${service} credential is not the API's address. Use the address the API answers on directly; redirects are not followed, so that a change is never replayed somewhere else.`,
	};
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
