import type { INodeProperties } from 'n8n-workflow';
import * as send from './send.operation';
import * as sendMany from './sendMany.operation';

export { send, sendMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['email'] } },
		options: [
			{
				name: 'Send',
				value: 'send',
				description: 'Send one email to one recipient (plus CC and BCC), from a template or HTML/text',
				action: 'Send email',
			},
			{
				name: 'Send to Many',
				value: 'sendMany',
				description: 'Send the same email to one recipient per item, up to 100 recipients per request',
				action: 'Send email to many recipients',
			},
		],
		default: 'send',
	},
	...send.description,
	...sendMany.description,
];
