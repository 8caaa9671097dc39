import type { INodeProperties } from 'n8n-workflow';
import * as addContacts from './addContacts.operation';
import * as create from './create.operation';
import * as deleteList from './delete.operation';
import * as getAll from './getAll.operation';
import * as getContacts from './getContacts.operation';
import * as removeContacts from './removeContacts.operation';

export { addContacts, create, deleteList as delete, getAll, getContacts, removeContacts };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contactList'] } },
		options: [
			{
				name: 'Add Contacts',
				value: 'addContacts',
				description: 'Add contacts to a contact list by email or contact ID; unknown addresses become new contacts',
				action: 'Add contacts to list',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a contact list with a name and description',
				action: 'Create contact list',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a contact list; its contacts stay in AutoSend',
				action: 'Delete contact list',
			},
			{
				name: 'Get Contacts',
				value: 'getContacts',
				description: 'Get the contacts of a list, a segment or all contacts, optionally filtered by email',
				action: 'Get contacts of list',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get the contact lists or segments of the project',
				action: 'Get many contact lists',
			},
			{
				name: 'Remove Contacts',
				value: 'removeContacts',
				description: 'Remove contacts from a contact list, by email or contact ID',
				action: 'Remove contacts from list',
			},
		],
		default: 'removeContacts',
	},
	...addContacts.description,
	...create.description,
	...deleteList.description,
	...getAll.description,
	...getContacts.description,
	...removeContacts.description,
];
