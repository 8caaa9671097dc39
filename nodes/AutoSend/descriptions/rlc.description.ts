// Resource locators the AutoSend operations share, so every operation offers a list or an event the same way.
import type { INodeProperties } from 'n8n-workflow';

/** A contact list, From List (searched with `searchListMethod`) or By ID. */
function contactListLocator(searchListMethod: string, listPlaceholder: string, idPlaceholder: string): INodeProperties {
	return {
		displayName: 'Contact List',
		name: 'contactListId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: listPlaceholder,
				typeOptions: { searchListMethod, searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: idPlaceholder },
		],
	};
}

/** A contact list contacts can be added to or removed from: From List (lists, no "All Contacts") or By ID. */
export const contactListRLC = contactListLocator(
	'searchContactLists',
	'Select a list...',
	'e.g. 60d5ec49f1b2c72d9c8b4567',
);

/** Any contact list or segment, "All Contacts" (GLOBAL_CONTACT_LIST) included: for reading contacts. */
export const anyContactListRLC = contactListLocator(
	'searchAllContactLists',
	'Select a list or segment...',
	'e.g. 60d5ec49f1b2c72d9c8b4567 or GLOBAL_CONTACT_LIST',
);

/** An event definition of the project: From List or By Name. */
export const eventRLC: INodeProperties = {
	displayName: 'Event',
	name: 'eventName',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select an event...',
			typeOptions: { searchListMethod: 'searchEvents', searchable: true },
		},
		{
			displayName: 'By Name',
			name: 'name',
			type: 'string',
			placeholder: 'e.g. order_completed',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\s*[A-Za-z0-9_]{1,64}\\s*$',
						errorMessage: 'An event name has up to 64 letters, digits and _',
					},
				},
			],
		},
	],
};
