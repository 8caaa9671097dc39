// The REST calls the Person and Company (Contact) operations make on SuperOffice entities: read, list
// (OData), create from the default template, patch (JSON Patch), and delete with the "already gone" rule.
import type { IDataObject } from 'n8n-workflow';
import { failureOf } from '../../shared/errors';
import type { RequestContext, RequestPolicy } from '../../shared/http';
import type { ItemParameters } from '../../shared/parameters';
import type { PatchOperation } from '../descriptions/records.description';
import type { SuperOfficeResponseOptions } from '../transport';
import { superOfficeRequest } from '../transport';
import { archiveRecords } from './archiveRows';
import { responseOptionsOf } from './common.description';

/** SuperOffice's names: a company is a Contact. */
export type EntityName = 'Person' | 'Contact';

const NOUN: Record<EntityName, string> = { Person: 'person', Contact: 'company' };
const NOUN_ID: Record<EntityName, string> = { Person: 'personId', Contact: 'contactId' };

const notFoundHint = (entity: EntityName, id: number) =>
	`SuperOffice has no ${NOUN[entity]} ${id}: check the ID (the ${NOUN[entity]} may have been deleted or merged).`;

export async function readEntity(
	context: RequestContext,
	entity: EntityName,
	id: number,
	policy: RequestPolicy,
	options?: SuperOfficeResponseOptions,
): Promise<IDataObject> {
	const response = await superOfficeRequest.call(
		context,
		{
			method: 'GET',
			path: `/${entity}/${id}`,
			action: `get ${NOUN[entity]} ${id}`,
			idempotent: true,
			options,
			hints: { 404: notFoundHint(entity, id) },
		},
		policy,
	);
	return (response ?? {}) as IDataObject;
}

/** What a Get Many item asks for: its $filter, how many rows, and in which form. */
export interface EntityQuery extends RecordShape {
	filter: string;
	limit: number | undefined;
}

/**
 * Rows of GET /v1/{Entity}?$select=…&$filter=…, all of them or the first `limit`, ordered by id so that
 * pages do not shift while paging.
 */
export async function findEntities(
	context: RequestContext,
	entity: EntityName,
	{ filter, limit, simplify, options }: EntityQuery,
	policy: RequestPolicy,
	view: { columns: string; simplified: (row: IDataObject) => IDataObject },
): Promise<IDataObject[]> {
	const qs: IDataObject = { $orderBy: NOUN_ID[entity] };
	// Simplified, the node asks for the columns it names; otherwise SuperOffice's default columns (or Fields).
	if (simplify && !options.select?.trim()) qs.$select = view.columns;
	if (filter) qs.$filter = filter;
	const request = {
		method: 'GET' as const,
		path: `/${entity}`,
		action: `list ${NOUN[entity]}s`,
		idempotent: true,
		qs,
		options,
	};
	return await archiveRecords(context, request, limit, policy, simplify ? view.simplified : undefined);
}

/**
 * SuperOffice's recommended create: GET /v1/{Entity}/default (the template with the tenant's preferences
 * applied), fill it in, POST it. The deprecated UserDefinedFields and ExtraFields copies are left out, so
 * CustomFields is the only place the custom field values come from.
 */
export async function createEntity(
	context: RequestContext,
	entity: EntityName,
	fill: (template: IDataObject) => IDataObject,
	policy: RequestPolicy,
	options?: SuperOfficeResponseOptions,
): Promise<IDataObject> {
	const template = (await superOfficeRequest.call(
		context,
		{ method: 'GET', path: `/${entity}/default`, action: `prepare a new ${NOUN[entity]}`, idempotent: true },
		policy,
	)) as IDataObject | null;
	const rest: IDataObject = { ...template };
	delete rest.UserDefinedFields;
	delete rest.ExtraFields;
	const response = await superOfficeRequest.call(
		context,
		{
			method: 'POST',
			path: `/${entity}`,
			action: `create ${NOUN[entity]}`,
			// A second POST would create a second record.
			idempotent: false,
			body: fill(rest),
			options,
		},
		policy,
	);
	return (response ?? {}) as IDataObject;
}

/**
 * PATCH /v1/{Entity}/{id} with only the changed fields (applying the same patch twice leaves the same
 * record), and the changed record as the item's output. Should SuperOffice answer without the record, the
 * output says what was sent.
 */
export async function updateEntity(
	context: RequestContext,
	entity: EntityName,
	id: number,
	operations: PatchOperation[],
	policy: RequestPolicy,
	shape: RecordShape,
	simplified: (record: IDataObject) => IDataObject,
): Promise<IDataObject> {
	const record = (await superOfficeRequest.call(
		context,
		{
			method: 'PATCH',
			path: `/${entity}/${id}`,
			action: `update ${NOUN[entity]} ${id}`,
			idempotent: true,
			body: operations,
			options: shape.options,
			hints: { 404: notFoundHint(entity, id) },
		},
		policy,
	)) as IDataObject | null;
	return record ? shaped(record, shape, simplified) : { success: true, [NOUN_ID[entity]]: id, updated: operations };
}

/**
 * DELETE /v1/{Entity}/{id}. A record that is already gone is the state asked for: when SuperOffice refuses
 * the delete, the record is looked up, and SuperOffice's error stands only while the record still exists.
 */
export async function deleteEntity(
	context: RequestContext,
	entity: EntityName,
	id: number,
	policy: RequestPolicy,
): Promise<{ alreadyDeleted: boolean }> {
	try {
		await superOfficeRequest.call(
			context,
			{
				method: 'DELETE',
				path: `/${entity}/${id}`,
				action: `delete ${NOUN[entity]} ${id}`,
				// Deleting twice leaves no record either way (the second call finds it gone).
				idempotent: true,
			},
			policy,
		);
		return { alreadyDeleted: false };
	} catch (error) {
		// If even the look-up fails, the delete's own error is the one to show.
		const exists = await readEntity(context, entity, id, policy, { select: `${entity}Id` }).then(
			() => true,
			(lookupError: Error) => failureOf(lookupError)?.httpCode !== '404',
		);
		if (exists) return await Promise.reject(error);
		// Gone before this run only if no attempt of this run may have deleted it.
		const failure = failureOf(error);
		return { alreadyDeleted: !(failure?.outcome === 'unknown' || failure?.afterUnknownAttempt === true) };
	}
}

/** Simplify and the Fields and Language options, as an item sets them: the form records come back in. */
export interface RecordShape {
	simplify: boolean;
	options: SuperOfficeResponseOptions;
}

export function recordShape(parameters: ItemParameters, itemIndex: number): RecordShape {
	return { simplify: parameters.flag('simplify', itemIndex, true), options: responseOptionsOf(parameters, itemIndex) };
}

/** A record's simplified form unless Simplify is off or Fields chose the columns, in which case it is as sent. */
export function shaped(
	record: IDataObject,
	{ simplify, options }: RecordShape,
	simplified: (record: IDataObject) => IDataObject,
): IDataObject {
	return simplify && !options.select?.trim() ? simplified(record) : record;
}
