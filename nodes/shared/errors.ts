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
	/** The API's own message, verbatim */
	apiMessage: string;
	/** How the user can fix it */
	hint: string;
}

// What each API error describes, so that a request carrying several items can be reported against each
// of them. A WeakMap rather than a subclass: n8n identifies errors by name, and these are NodeApiErrors.
const failures = new WeakMap<NodeApiError, ApiFailure>();

export function apiError(node: INode, failure: ApiFailure, itemIndex?: number, itemsInRequest = 1): NodeApiError {
	const where = itemIndex === undefined ? '' : ` [item ${itemIndex}]`;
	const shared =
		itemsInRequest > 1 ? ` This request carried ${itemsInRequest} items combined; all of them failed with it.` : '';
	const response = { message: failure.apiMessage, ...(failure.httpCode ? { httpCode: failure.httpCode } : {}) };
	const error = new NodeApiError(node, response as JsonObject, {
		message: `${failure.service} could not ${failure.action}: ${failure.apiMessage}${where}`,
		description: `${failure.hint}${shared}`,
		httpCode: failure.httpCode,
		itemIndex,
	});
	failures.set(error, failure);
	return error;
}

/** The same error, told about the item (or the first of the items) it happened to. */
export function errorForItem(node: INode, error: Error, itemIndex: number, itemsInRequest = 1) {
	const failure = error instanceof NodeApiError ? failures.get(error) : undefined;
	if (failure) return apiError(node, failure, itemIndex, itemsInRequest);
	if (error instanceof NodeApiError || (error instanceof NodeOperationError && error.context.itemIndex !== undefined)) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	const description = (error as NodeOperationError).description ?? undefined;
	return new NodeOperationError(node, `${error.message} [item ${itemIndex}]`, { itemIndex, description });
}

/** The output item for a failed input item under "On Error: Continue": only `error`, so n8n can route it. */
export function errorItem(error: Error & { description?: string | null }, itemIndex: number): INodeExecutionData {
	const howToFix = error.description ? ` ${error.description}` : '';
	return { json: { error: `${error.message}.${howToFix}` }, pairedItem: { item: itemIndex } };
}
