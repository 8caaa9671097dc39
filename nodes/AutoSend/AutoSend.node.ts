import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { properties } from './actions/properties';
import { router } from './actions/router';
import { searchAllContactLists, searchContactLists, searchEvents } from './methods/listSearch';
import { getContactLists, getCustomFields, getSuppressionGroups } from './methods/loadOptions';

export class AutoSend implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AutoSend',
		name: 'autoSend',
		icon: { light: 'file:../../icons/autoSend.svg', dark: 'file:../../icons/autoSend.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Keep AutoSend contacts and lists in step with your CRM, and send emails and events',
		defaults: { name: 'AutoSend' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'autoSendApi', required: true }],
		properties,
	};

	methods = {
		listSearch: { searchContactLists, searchAllContactLists, searchEvents },
		loadOptions: { getContactLists, getCustomFields, getSuppressionGroups },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
