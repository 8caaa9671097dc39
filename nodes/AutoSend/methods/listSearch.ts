// Resource-locator search for the AutoSend node: the account's contact lists, filtered by name.
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { autoSendRequest } from '../transport';

export async function searchContactLists(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const data = await autoSendRequest.call(this, {
		method: 'GET',
		path: '/contact-lists',
		action: 'list contact lists',
		idempotent: true,
		qs: { type: 'list' },
	});
	// Older AutoSend documentation names the array `contacts`, newer `lists`.
	const lists = ((data.lists ?? data.contacts ?? []) as IDataObject[]).filter(
		// "All Contacts" cannot have contacts removed; offering it would only lead to an error.
		(list) => list.id !== 'GLOBAL_CONTACT_LIST',
	);
	const text = filter?.trim().toLowerCase();
	return {
		results: lists
			.filter((list) => !text || String(list.name).toLowerCase().includes(text))
			.map((list) => ({
				name: `${String(list.name)} (${String(list.contactCount ?? '?')} contacts)`,
				value: String(list.id),
			})),
	};
}
