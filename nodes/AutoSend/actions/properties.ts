// Every parameter of the AutoSend node: the resources, and each resource's operations and their fields.
import type { INodeProperties } from 'n8n-workflow';
import * as contactList from './contactList';

export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'Contact List', value: 'contactList' }],
		default: 'contactList',
	},
	...contactList.description,
];
