// One error type for everything an API answers badly, so every operation reports failures the same way.
import type { INode, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

export interface ApiFailure {
	/** 'SuperOffice' or 'AutoSend' */
	service: string;
	/** What the node tried, in the user's words: "remove members from selection 938" */
	action: string;
	/**
	 * HTTP status as text; absent when no answer came (a network code here would make n8n replace the
	 * whole message with its generic text for that code).
	 */
	httpCode?: string;
	/** The API's own message, verbatim (secrets removed) */
	apiMessage: string;
	/** How the user can fix it */
	hint: string;
	/** 'unknown' when the server may have made the change although no success came back. Default: it did not. */
	outcome?: 'notApplied' | 'unknown';
	/** Whether an earlier attempt of the request may have been applied (see HttpAnswer) */
	afterUnknownAttempt?: boolean;
}

// What each API error describes, so that a request carrying several items can be reported against each
// of them. A WeakMap rather than a subclass: n8n identifies errors by name, and these are NodeApiErrors.
const failures = new WeakMap<Error, ApiFailure>();

export function apiError(node: INode, failure: ApiFailure, itemIndex?: number, itemsInRequest = 1): NodeApiError {
	const where = itemIndex === undefined ? '' : ` [item ${itemIndex}]`;
	const shared =
		itemsInRequest > 1 ? ` This request carried ${itemsInRequest} items combined; all of them failed with it.` : '';
	const response = { message: failure.apiMessage, ...(failure.httpCode ? { httpCode: failure.httpCode } : {}) };
	const headline =
		failure.outcome === 'unknown'
			? `${failure.service} did not confirm whether it could ${failure.action}: ${failure.apiMessage}`
			: `${failure.service} could not ${failure.action}: ${failure.apiMessage}`;
	const error = new NodeApiError(node, response as JsonObject, {
		message: `${headline}${where}`,
		description: `${failure.hint}${shared}`,
		httpCode: failure.httpCode,
		itemIndex,
	});
	failures.set(error, failure);
	return error;
}

/** The API failure behind an error, if it came from a request. */
export function failureOf(error: unknown): ApiFailure | undefined {
	return error instanceof Error ? failures.get(error) : undefined;
}

/** The same error, told about the item (or the first of the items) it happened to, in this node. */
export function errorForItem(node: INode, error: Error, itemIndex: number, itemsInRequest = 1): Error {
	const failure = failureOf(error);
	if (failure) return apiError(node, failure, itemIndex, itemsInRequest);
	if (error instanceof NodeApiError || (error instanceof NodeOperationError && error.context.itemIndex !== undefined)) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	const description = (error as NodeOperationError).description ?? undefined;
	return new NodeOperationError(node, `${error.message} [item ${itemIndex}]`, { itemIndex, description });
}

/**
 * An item some of whose values were applied and some not: the error of the first value that failed,
 * saying which values did reach the requested state, so that nobody repeats or loses them blindly.
 */
export function partialError(
	node: INode,
	error: Error,
	itemIndex: number,
	{ applied, notApplied, unknown }: { applied: string[]; notApplied: string[]; unknown: string[] },
	itemsInRequest = 1,
): Error {
	const itemError = errorForItem(node, error, itemIndex, itemsInRequest);
	if (applied.length === 0 && notApplied.length + unknown.length <= 1) return itemError;
	const list = (values: string[]) =>
		values.length > 10 ? `${values.slice(0, 10).join(', ')} and ${values.length - 10} more` : values.join(', ');
	const parts = [
		applied.length ? `Done: ${list(applied)}.` : '',
		notApplied.length ? `Not done: ${list(notApplied)}.` : '',
		unknown.length ? `Unknown whether done: ${list(unknown)}.` : '',
	].filter(Boolean);
	const description = [(itemError as NodeOperationError).description, parts.join(' ')].filter(Boolean).join(' ');
	const failure = failureOf(itemError);
	if (failure) return apiError(node, { ...failure, hint: description }, itemIndex);
	return new NodeOperationError(node, itemError.message, { itemIndex, description });
}

/**
 * The error that stops a run (without "On Error: Continue"), saying which other items were done by then, so
 * that a user knows what happened before it stopped. Items are numbered as in n8n's input panel.
 */
export function stoppedRun(node: INode, error: Error, itemIndex: number, done: number[], total: number): Error {
	if (done.length === 0) return error;
	const list = (items: number[]) =>
		items.length > 20 ? `${items.slice(0, 20).join(', ')} and ${items.length - 20} more` : items.join(', ');
	const note = `Before the run stopped, ${done.length} of ${total} items were done (items ${list(done)}).`;
	const description = [(error as NodeOperationError).description, note].filter(Boolean).join(' ');
	const failure = failureOf(error);
	if (failure) return apiError(node, { ...failure, hint: description }, itemIndex);
	return new NodeOperationError(node, error.message, { itemIndex, description });
}

/** The output item for a failed input item under "On Error: Continue": only `error`, so n8n can route it. */
export function errorItem(error: Error & { description?: string | null }, itemIndex: number): INodeExecutionData {
	const howToFix = error.description ? ` ${error.description}` : '';
	return { json: { error: `${error.message}.${howToFix}` }, pairedItem: { item: itemIndex } };
}

/**
 * Removes every credential value (and the Basic-auth form of a user name and password) from text that an
 * API or proxy echoed, before it reaches an error, an output or a log.
 */
export function redact(text: string, secrets: string[]): string {
	let result = text;
	for (const secret of secrets) {
		if (secret.length < 4) continue;
		result = result.split(secret).join('[redacted]');
	}
	return result;
}
