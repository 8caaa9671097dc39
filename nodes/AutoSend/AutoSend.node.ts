import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import * as contactList from './actions/contactList';
import { router } from './actions/router';
import { searchContactLists } from './methods/listSearch';

export class AutoSend implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AutoSend',
		name: 'autoSend',
		icon: { light: 'file:autoSend.svg', dark: 'file:autoSend.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Keep AutoSend contact lists in step with your CRM',
		defaults: { name: 'AutoSend' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'autoSendApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Contact List', value: 'contactList' }],
				default: 'contactList',
			},
			...contactList.description,
		],
	};

	methods = { listSearch: { searchContactLists } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
