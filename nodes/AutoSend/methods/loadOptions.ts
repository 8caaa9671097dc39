// Dropdown options for the AutoSend node: custom fields, lists for a contact's List IDs, suppression groups.
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { autoSendRecords, LIST_KEYS } from '../transport';
import { GLOBAL_LIST } from './listSearch';

/** The project's custom contact fields; the value is the field name, as customFields takes it. */
export async function getCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const fields = await autoSendRecords.call(
		this,
		{ method: 'GET', path: '/custom-fields', action: 'list custom fields', idempotent: true },
		['customFields'],
		{ paged: false },
	);
	return fields
		.map((field) => ({
			name: String(field.fieldName),
			value: String(field.fieldName),
			description: `Type: ${String(field.fieldType ?? 'string')}`,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Lists a contact can be put into (listIds takes lists, not segments or All Contacts). */
export async function getContactLists(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const lists = await autoSendRecords.call(
		this,
		{ method: 'GET', path: '/contact-lists', action: 'list contact lists', idempotent: true, qs: { type: 'list' } },
		LIST_KEYS,
	);
	return lists
		.filter((list) => list.id !== GLOBAL_LIST)
		.map((list) => ({ name: String(list.name), value: String(list.id) }));
}

/** Suppression (unsubscribe) groups, global ones included; the value is the short groupId AutoSend takes. */
export async function getSuppressionGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const groups = await autoSendRecords.call(
		this,
		{
			method: 'GET',
			path: '/suppression-groups',
			action: 'list suppression groups',
			idempotent: true,
			qs: { includeGlobal: true },
		},
		['groups'],
		{ paged: false },
	);
	return groups.map((group) => ({
		name: `${String(group.name)}${group.isGlobal ? ' (global)' : ''}`,
		value: String(group.groupId ?? group.id),
		...(group.description ? { description: String(group.description) } : {}),
	}));
}
