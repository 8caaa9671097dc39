import type {
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeExecutionData,
	INodeListSearchResult,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import * as relation from './actions/relation';
import { router } from './actions/router';
import * as selection from './actions/selection';
import { authenticationProperty, superOfficeCredentials } from './authentication';
import { searchSelections } from './methods/listSearch';
import { useAuthentication } from './transport';

export class SuperOffice implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SuperOffice',
		name: 'superOffice',
		icon: { light: 'file:superOffice.svg', dark: 'file:superOffice.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Keep SuperOffice CRM selections and relations up to date',
		defaults: { name: 'SuperOffice' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: superOfficeCredentials,
		properties: [
			authenticationProperty,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Relation', value: 'relation' },
					{ name: 'Selection', value: 'selection' },
				],
				default: 'selection',
			},
			...selection.description,
			...relation.description,
		],
	};

	methods = {
		listSearch: {
			async searchSelections(
				this: ILoadOptionsFunctions,
				filter?: string,
				paginationToken?: string,
			): Promise<INodeListSearchResult> {
				useAuthentication(this, this.getCurrentNodeParameter('authentication'));
				return await searchSelections.call(this, filter, paginationToken);
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		useAuthentication(this, this.getNodeParameter('authentication', 0));
		return await router.call(this);
	}
}
