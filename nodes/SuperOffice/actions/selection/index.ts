import type { INodeProperties } from 'n8n-workflow';
import * as addMembers from './addMembers.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getMembers from './getMembers.operation';
import * as removeMembers from './removeMembers.operation';

export { addMembers, create, get, getAll, getMembers, removeMembers };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['selection'] } },
		options: [
			{
				name: 'Add Members',
				value: 'addMembers',
				description: 'Add companies or persons to a static selection (a member already there stays, no error)',
				action: 'Add members to selection',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a static selection of companies or persons and return it with its new ID',
				action: 'Create selection',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get one selection by ID: name, type (static, dynamic or combined), member count',
				action: 'Get selection',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List selections, optionally only those whose name contains a text',
				action: 'Get many selections',
			},
			{
				name: 'Get Members',
				value: 'getMembers',
				description: 'List the companies and persons in a selection, with their IDs, names and email addresses',
				action: 'Get members of selection',
			},
			{
				name: 'Remove Members',
				value: 'removeMembers',
				description: 'Remove companies or persons from a static selection',
				action: 'Remove members from selection',
			},
		],
		default: 'removeMembers',
	},
	...addMembers.description,
	...create.description,
	...get.description,
	...getAll.description,
	...getMembers.description,
	...removeMembers.description,
];
