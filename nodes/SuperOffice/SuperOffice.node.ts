import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { superOfficeCredentials } from './authentication';
import { properties } from './actions/properties';
import { router } from './actions/router';
import { searchCompanies, searchPersons, searchSelections } from './methods/listSearch';
import {
	getCompanyCustomFields,
	getConsentPurposes,
	getConsentSources,
	getLegalBases,
	getPersonCustomFields,
} from './methods/loadOptions';
import { getRelationDefinitions } from './methods/loadOptions-relations';

export class SuperOffice implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SuperOffice',
		name: 'superOffice',
		icon: { light: 'file:../../icons/superOffice.svg', dark: 'file:../../icons/superOffice.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read and change SuperOffice CRM persons, companies, selections and relations',
		defaults: { name: 'SuperOffice' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: superOfficeCredentials,
		properties,
	};

	methods = {
		listSearch: { searchSelections, searchPersons, searchCompanies },
		loadOptions: {
			getRelationDefinitions,
			getPersonCustomFields,
			getCompanyCustomFields,
			getConsentPurposes,
			getConsentSources,
			getLegalBases,
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
