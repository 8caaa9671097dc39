import type { INodeProperties } from 'n8n-workflow';
import * as suppress from './suppress.operation';

export { suppress };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['suppression'] } },
		options: [
			{
				name: 'Suppress Emails',
				value: 'suppress',
				description:
					'Add email addresses to a suppression group or the global suppression list, so no email goes to them',
				action: 'Suppress emails',
			},
		],
		default: 'suppress',
	},
	...suppress.description,
];
