// Resource-locator searches for the AutoSend node: contact lists (those contacts can be added to or removed
// from, or every list and segment) and event definitions, filtered by name.
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { autoSendRecords, LIST_KEYS } from '../transport';

/** "All Contacts": contacts cannot be added to or removed from it, only created or deleted. */
export const GLOBAL_LIST = 'GLOBAL_CONTACT_LIST';

async function contactLists(context: ILoadOptionsFunctions, type?: 'list'): Promise<IDataObject[]> {
	return await autoSendRecords.call(
		context,
		{
			method: 'GET',
			path: '/contact-lists',
			action: 'list contact lists',
			idempotent: true,
			...(type ? { qs: { type } } : {}),
		},
		LIST_KEYS,
	);
}

function matching(records: IDataObject[], filter: string | undefined, name: (record: IDataObject) => string) {
	const text = filter?.trim().toLowerCase();
	return records.filter((record) => !text || name(record).toLowerCase().includes(text));
}

function listResults(lists: IDataObject[], filter: string | undefined): INodeListSearchResult {
	return {
		results: matching(lists, filter, (list) => String(list.name)).map((list) => ({
			name: `${String(list.name)} (${list.type === 'segment' ? 'segment, ' : ''}${String(list.contactCount ?? '?')} contacts)`,
			value: String(list.id),
		})),
	};
}

/** Lists contacts can be added to or removed from: type list, without "All Contacts". */
export async function searchContactLists(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	// Offering "All Contacts" for a list change would only lead to an error.
	const lists = (await contactLists(this, 'list')).filter((list) => list.id !== GLOBAL_LIST);
	return listResults(lists, filter);
}

/** Every list and segment, "All Contacts" included: for reading a list's contacts. */
export async function searchAllContactLists(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return listResults(await contactLists(this), filter);
}

/** The project's event definitions, by name. */
export async function searchEvents(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const events = await autoSendRecords.call(
		this,
		{ method: 'GET', path: '/events', action: 'list events', idempotent: true },
		['events'],
		{ paged: false },
	);
	return {
		results: matching(events, filter, (event) => String(event.eventName)).map((event) => ({
			name: String(event.eventName),
			value: String(event.eventName),
			...(event.description ? { description: String(event.description) } : {}),
		})),
	};
}
