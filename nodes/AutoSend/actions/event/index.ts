import type { INodeProperties } from 'n8n-workflow';
import * as send from './send.operation';

export { send };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['event'] } },
		options: [
			{
				name: 'Send',
				value: 'send',
				description: 'Record an event for a contact, which starts the AutoSend automations waiting for it',
				action: 'Send event',
			},
		],
		default: 'send',
	},
	...send.description,
];
