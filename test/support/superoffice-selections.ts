// Parameters of the SuperOffice Selection and Relation operations, for the tests and the matrices: values come
// from the item ($json) unless a test passes literals, and selections and companies are given By ID.
import type { INodeParameters } from 'n8n-workflow';

/** Parameters a test adds or overrides; checked by n8n when the node runs. */
type Extra = Record<string, unknown>;

/** A resource locator (Selection, Company, Person) given By ID. */
export const byId = (value: unknown) => ({ __rl: true as const, mode: 'id', value: value as string });

/** Selection › Add Members (same parameters as Remove Members). */
export function addMembersParameters(selectionId: unknown, extra: Extra = {}): INodeParameters {
	return {
		resource: 'selection',
		operation: 'addMembers',
		selectionId: byId(selectionId),
		contactId: '={{ $json.contactId }}',
		personId: '={{ $json.personId }}',
		...extra,
	} as INodeParameters;
}

/** Selection › Get Members, Return All unless a limit is given. */
export function getMembersParameters(selectionId: unknown, extra: Extra = {}): INodeParameters {
	return {
		resource: 'selection',
		operation: 'getMembers',
		selectionId: byId(selectionId),
		returnAll: true,
		...extra,
	} as INodeParameters;
}

/** Any other Selection operation: get, getAll, create. */
export function selectionParameters(operation: string, extra: Extra = {}): INodeParameters {
	return { resource: 'selection', operation, ...extra } as INodeParameters;
}

/** Any Relation operation: create, get, getAll, delete. */
export function relationParameters(operation: string, extra: Extra = {}): INodeParameters {
	return { resource: 'relation', operation, ...extra } as INodeParameters;
}

/** Relation › Create with every value from the item. */
export function createRelationParameters(extra: Extra = {}): INodeParameters {
	return relationParameters('create', {
		relationDefinitionId: '={{ $json.relationDefinitionId }}',
		sourceContactId: byId('={{ $json.sourceContactId }}'),
		sourcePersonId: '={{ $json.sourcePersonId ?? 0 }}',
		destinationContactId: byId('={{ $json.destinationContactId }}'),
		destinationPersonId: '={{ $json.destinationPersonId ?? 0 }}',
		comment: '={{ $json.comment ?? "" }}',
		...extra,
	});
}

/** Options that make the fault matrix see every fault once: no retries, a short timeout, no pacing. */
export const FAULT_OPTIONS = { maxTries: 1, maxWait: 0, timeout: 500, requestsPerSecond: 100 };
