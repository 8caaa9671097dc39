import type { INodeProperties } from 'n8n-workflow';
import * as deleteRelation from './delete.operation';

export { deleteRelation as delete };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['relation'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a relation between companies or persons',
				action: 'Delete relation',
			},
		],
		default: 'delete',
	},
	...deleteRelation.description,
];
