import type { INodeProperties } from 'n8n-workflow';
import * as removeContacts from './removeContacts.operation';

export { removeContacts };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contactList'] } },
		options: [
			{
				name: 'Remove Contacts',
				value: 'removeContacts',
				description: 'Remove contacts from a contact list, by email or contact ID',
				action: 'Remove contacts from list',
			},
		],
		default: 'removeContacts',
	},
	...removeContacts.description,
];
