// Resource-locator search for the AutoSend node: the account's contact lists, filtered by name.
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { autoSendRecords } from '../transport';

/** "All Contacts": contacts cannot be added to or removed from it, only deleted. */
export const GLOBAL_LIST = 'GLOBAL_CONTACT_LIST';

export async function searchContactLists(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	// Older AutoSend documentation names the array `contacts`, newer `lists`.
	const lists = await autoSendRecords.call(
		this,
		{ method: 'GET', path: '/contact-lists', action: 'list contact lists', idempotent: true, qs: { type: 'list' } },
		['lists', 'contacts'],
	);
	const text = filter?.trim().toLowerCase();
	return {
		results: lists
			// Offering "All Contacts" for a list change would only lead to an error.
			.filter((list: IDataObject) => list.id !== GLOBAL_LIST)
			.filter((list) => !text || String(list.name).toLowerCase().includes(text))
			.map((list) => ({
				name: `${String(list.name)} (${String(list.contactCount ?? '?')} contacts)`,
				value: String(list.id),
			})),
	};
}
