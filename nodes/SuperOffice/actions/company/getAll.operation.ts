// Company (Contact) › Get Many: GET /v1/Contact with $select and $filter (OData over the Contact archive),
// paged until Return All has everything or Limit is reached.
import type { IExecuteFunctions, INode, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { readLimit, returnAllOrLimit } from '../../../shared/descriptions';
import { ItemParameters } from '../../../shared/parameters';
import { runEach } from '../../../shared/runners';
import {
	collectionText,
	odataText,
	simplifyProperty,
	updatedSinceFilter,
	updatedSinceTerm,
} from '../../descriptions/records.description';
import { SUPEROFFICE } from '../../transport';
import { superOfficeOptions } from '../common.description';
import { findEntities, recordShape } from '../entity';
import { COMPANY_COLUMNS, simpleCompanyRow } from './company';

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'e.g. Nordic',
				description: 'Only companies whose name contains this text',
			},
			{
				displayName: 'Organization Number',
				name: 'orgNr',
				type: 'string',
				default: '',
				placeholder: 'e.g. NO912345678',
				description: 'Only companies with exactly this organization (VAT) number',
			},
			updatedSinceFilter('companies'),
		],
	},
	simplifyProperty,
	superOfficeOptions({ combines: false, returnsRecords: true }),
];

export const description = updateDisplayOptions({ show: { resource: ['company'], operation: ['getAll'] } }, properties);

/** The $filter an item's Filters ask for: each set filter, joined by "and". */
function filterOf(parameters: ItemParameters, node: INode, itemIndex: number): string {
	const filters = parameters.collection('filters', itemIndex);
	const terms: string[] = [];
	const name = collectionText(node, itemIndex, filters, 'name', 'Filters › Name');
	if (name) terms.push(`name contains ${odataText(name)}`);
	const orgNr = collectionText(node, itemIndex, filters, 'orgNr', 'Filters › Organization Number');
	if (orgNr) terms.push(`orgnr eq ${odataText(orgNr)}`);
	terms.push(...updatedSinceTerm(node, itemIndex, filters, 'updatedDate'));
	return terms.join(' and ');
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const parameters = new ItemParameters(this, properties);
	const node = this.getNode();
	return await runEach(this, {
		defaults: SUPEROFFICE,
		prepare: (itemIndex) => ({
			limit: readLimit(parameters, itemIndex),
			filter: filterOf(parameters, node, itemIndex),
			...recordShape(parameters, itemIndex),
		}),
		execute: async (context, query, policy) =>
			await findEntities(context, 'Contact', query, policy, { columns: COMPANY_COLUMNS, simplified: simpleCompanyRow }),
	});
}
