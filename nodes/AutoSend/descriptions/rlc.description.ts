// Resource locators the AutoSend operations share, so every operation offers a contact list the same way.
import type { INodeProperties } from 'n8n-workflow';

/** A contact list: From List (the account's lists) or By ID. */
export const contactListRLC: INodeProperties = {
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
			placeholder: 'Select a list...',
			typeOptions: { searchListMethod: 'searchContactLists', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 60d5ec49f1b2c72d9c8b4567',
		},
	],
};
