// Person › Get Many: GET /v1/Person with $select and $filter (OData over the Person archive), paged until
// Return All has everything or Limit is reached. The way to find a person by email address.
import type { IExecuteFunctions, INode, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { readLimit, returnAllOrLimit } from '../../../shared/descriptions';
import { ItemParameters } from '../../../shared/parameters';
import { runEach } from '../../../shared/runners';
import { parseInteger } from '../../../shared/validation';
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
import { PERSON_COLUMNS, simplePersonRow } from './person';

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
				displayName: 'Company (Contact) ID',
				name: 'contactId',
				type: 'number',
				default: 0,
				description: 'Only persons of this company (SuperOffice calls it a contact)',
			},
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'e.g. jane@example.com',
				default: '',
				description: 'Only persons with exactly this email address (upper and lower case are the same)',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'e.g. Nordmann',
				description: 'Only persons whose full name contains this text',
			},
			updatedSinceFilter('persons'),
		],
	},
	simplifyProperty,
	superOfficeOptions({ combines: false, returnsRecords: true }),
];

export const description = updateDisplayOptions({ show: { resource: ['person'], operation: ['getAll'] } }, properties);

/** The $filter an item's Filters ask for: each set filter, joined by "and". */
function filterOf(parameters: ItemParameters, node: INode, itemIndex: number): string {
	const filters = parameters.collection('filters', itemIndex);
	const terms: string[] = [];
	const email = collectionText(node, itemIndex, filters, 'email', 'Filters › Email', { email: true });
	if (email) terms.push(`email/emailAddress eq ${odataText(email)}`);
	const name = collectionText(node, itemIndex, filters, 'name', 'Filters › Name');
	if (name) terms.push(`fullName contains ${odataText(name)}`);
	if ('contactId' in filters && filters.contactId !== 0 && filters.contactId !== '') {
		const contactId = parseInteger(node, itemIndex, 'Filters › Company (Contact) ID', filters.contactId);
		terms.push(`contactId eq ${contactId}`);
	}
	terms.push(...updatedSinceTerm(node, itemIndex, filters, 'personUpdatedDate'));
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
			await findEntities(context, 'Person', query, policy, { columns: PERSON_COLUMNS, simplified: simplePersonRow }),
	});
}
