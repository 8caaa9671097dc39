import type { INodeProperties } from 'n8n-workflow';
import * as deleteContact from './delete.operation';
import * as get from './get.operation';
import * as upsert from './upsert.operation';

export { deleteContact as delete, get, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update contact',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete contacts by ID or by email address',
				action: 'Delete contact',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a contact by ID or by email address',
				action: 'Get contact',
			},
		],
		default: 'upsert',
	},
	...deleteContact.description,
	...get.description,
	...upsert.description,
];
