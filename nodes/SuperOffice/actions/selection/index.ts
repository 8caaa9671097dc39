import type { INodeProperties } from 'n8n-workflow';
import * as removeMembers from './removeMembers.operation';

export { removeMembers };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['selection'] } },
		options: [
			{
				name: 'Remove Members',
				value: 'removeMembers',
				description: 'Remove companies or persons from a static selection',
				action: 'Remove members from selection',
			},
		],
		default: 'removeMembers',
	},
	...removeMembers.description,
];
