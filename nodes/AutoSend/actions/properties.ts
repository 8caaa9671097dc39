// Every parameter of the AutoSend node: the resources, and each resource's operations and their fields.
import type { INodeProperties } from 'n8n-workflow';
import * as contact from './contact';
import * as contactList from './contactList';
import * as email from './email';
import * as event from './event';
import * as suppression from './suppression';

export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Contact', value: 'contact' },
			{ name: 'Contact List', value: 'contactList' },
			{ name: 'Email', value: 'email' },
			{ name: 'Event', value: 'event' },
			{ name: 'Suppression', value: 'suppression' },
		],
		// Saved workflows leave out parameters at their default: Contact List stays the default.
		default: 'contactList',
	},
	...contact.description,
	...contactList.description,
	...email.description,
	...event.description,
	...suppression.description,
];
