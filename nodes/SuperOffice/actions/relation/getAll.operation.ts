// Relation › Get Many: the relations of one company or one person (the Relation archive under the company or
// person card), paged through with $top/$skip (Return All) or up to Limit.
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { readLimit, returnAllOrLimit } from '../../../shared/descriptions';
import { ItemParameters } from '../../../shared/parameters';
import { runEach } from '../../../shared/runners';
import { SUPEROFFICE } from '../../transport';
import { companyRLC, personRLC } from '../../descriptions/rlc.description';
import { archiveRecords, rowId as id, rowText as text } from '../archiveRows';
import { responseOptionsOf, superOfficeOptions } from '../common.description';

/** Columns of the Relation archive that make up one relation. */
const RELATION_COLUMNS = [
	'relationId',
	'relationDefinitionId',
	'relationName',
	'reversedName',
	'relationComment',
	'direction',
	'source/contactId',
	'source/personId',
	'source/name',
	'source/fullName',
	'target/contactId',
	'target/personId',
	'target/name',
	'target/fullName',
];

const properties: INodeProperties[] = [
	{
		displayName: 'Relations Of',
		name: 'of',
		type: 'options',
		options: [
			{ name: 'Company', value: 'company', description: 'The relations of a company (SuperOffice: contact)' },
			{ name: 'Person', value: 'person', description: 'The relations of a person' },
		],
		default: 'company',
		description: 'Whose relations to list',
	},
	{
		...companyRLC,
		displayOptions: { show: { of: ['company'] } },
		description: 'The company (SuperOffice calls it a contact) whose relations to list',
	},
	{ ...personRLC, displayOptions: { show: { of: ['person'] } }, description: 'The person whose relations to list' },
	...returnAllOrLimit,
	superOfficeOptions({ combines: false, returnsRecords: true }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['relation'], operation: ['getAll'] } },
	properties,
);

/** One relation as the node outputs it, with the names the relation's own entity uses. */
function relation(row: IDataObject): IDataObject {
	return {
		relationId: id(row.relationId),
		relationDefinitionId: id(row.relationDefinitionId),
		relationName: text(row.relationName),
		reversedName: text(row.reversedName),
		comment: text(row.relationComment),
		direction: id(row.direction),
		sourceContactId: id(row['source/contactId']),
		sourcePersonId: id(row['source/personId']),
		sourceContactName: text(row['source/name']),
		sourcePersonName: text(row['source/fullName']),
		destinationContactId: id(row['target/contactId']),
		destinationPersonId: id(row['target/personId']),
		destinationContactName: text(row['target/name']),
		destinationPersonName: text(row['target/fullName']),
	};
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const parameters = new ItemParameters(this, properties);
	return await runEach(this, {
		defaults: SUPEROFFICE,
		prepare: (itemIndex) => {
			const of = parameters.choice('of', itemIndex, ['company', 'person'] as const);
			return {
				of,
				id: parameters.id(of === 'company' ? 'contactId' : 'personId', itemIndex, { locator: true }),
				limit: readLimit(parameters, itemIndex),
				options: responseOptionsOf(parameters, itemIndex),
			};
		},
		execute: async (context, { of, id: ownerId, limit, options }, policy) => {
			const [path, owner] = of === 'company' ? ['Contact', 'company'] : ['Person', 'person'];
			return await archiveRecords(
				context,
				{
					method: 'GET',
					path: `/${path}/${ownerId}/Relations`,
					action: `list the relations of ${owner} ${ownerId}`,
					idempotent: true,
					qs: { $select: RELATION_COLUMNS.join(',') },
					options,
					hints: { 404: `Check the ${owner} ID: SuperOffice has no ${owner} ${ownerId}.` },
				},
				limit,
				policy,
				relation,
			);
		},
	});
}
