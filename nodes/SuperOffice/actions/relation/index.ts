import type { INodeProperties } from 'n8n-workflow';
import * as create from './create.operation';
import * as deleteRelation from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { create, deleteRelation as delete, get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['relation'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a relation of a given kind between two companies or persons, and return it',
				action: 'Create relation',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a relation between companies or persons',
				action: 'Delete relation',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get one relation by ID: both parties, its kind and comment',
				action: 'Get relation',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the relations of one company or one person',
				action: 'Get many relations',
			},
		],
		default: 'delete',
	},
	...create.description,
	...deleteRelation.description,
	...get.description,
	...getAll.description,
];
