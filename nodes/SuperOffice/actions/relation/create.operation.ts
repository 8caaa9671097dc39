// Relation › Create: one SaveContactRelation call per item (a relation between two companies, or persons at
// them, of a kind the tenant defines). Not repeated after an unknown outcome: that could create it twice.
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { apiError } from '../../../shared/errors';
import { ItemParameters } from '../../../shared/parameters';
import { runEach } from '../../../shared/runners';
import { SUPEROFFICE, superOfficeRequest } from '../../transport';
import { companyRLC } from '../../descriptions/rlc.description';
import { responseOptionsOf, superOfficeOptions } from '../common.description';

const party = (side: 'Source' | 'Destination', role: string): INodeProperties[] => [
	{
		...companyRLC,
		displayName: `${side} Company (Contact)`,
		name: `${side.toLowerCase()}ContactId`,
		description: `The company (SuperOffice calls it a contact) the relation ${role}`,
	},
	{
		displayName: `${side} Person ID`,
		name: `${side.toLowerCase()}PersonId`,
		type: 'number',
		default: 0,
		description: `ID of a person at that company, when the relation ${role} the person rather than the company; 0 for the company itself`,
	},
];

const properties: INodeProperties[] = [
	{
		displayName: 'Relation Definition Name or ID',
		name: 'relationDefinitionId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getRelationDefinitions' },
		default: '',
		required: true,
		description:
			'The kind of relation, as the tenant defines them (e.g. "Subsidiary of"). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	...party('Source', 'starts from'),
	...party('Destination', 'points to'),
	{
		displayName: 'Comment',
		name: 'comment',
		type: 'string',
		default: '',
		placeholder: 'e.g. Since the 2026 merger',
		description: 'Comment stored with the relation',
	},
	superOfficeOptions({ combines: false, returnsRecords: true }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['relation'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const parameters = new ItemParameters(this, properties);
	return await runEach(this, {
		defaults: SUPEROFFICE,
		prepare: (itemIndex) => ({
			entity: {
				// RelationId 0: SaveContactRelation creates a new relation.
				RelationId: 0,
				SourceContactId: parameters.id('sourceContactId', itemIndex, { locator: true }),
				SourcePersonId: parameters.id('sourcePersonId', itemIndex, { allowZero: true }),
				DestinationContactId: parameters.id('destinationContactId', itemIndex, { locator: true }),
				DestinationPersonId: parameters.id('destinationPersonId', itemIndex, { allowZero: true }),
				RelationDefinitionId: parameters.id('relationDefinitionId', itemIndex),
				// The relation runs in the direction its definition names (source "Subsidiary of" destination).
				Reversed: 0,
				Comment: parameters.text('comment', itemIndex) ?? '',
			},
			options: responseOptionsOf(parameters, itemIndex),
		}),
		execute: async (context, { entity, options }, policy) => {
			const action = `create a relation from company ${entity.SourceContactId} to company ${entity.DestinationContactId}`;
			const saved = (await superOfficeRequest.call(
				context,
				{
					method: 'POST',
					path: '/Agents/Relation/SaveContactRelation',
					action,
					idempotent: false,
					body: { ContactRelationEntity: entity },
					options,
					hints: {
						200: 'Check that both companies exist, that each person belongs to the company given with it, and that the relation definition exists and is meant for these companies or persons.',
					},
				},
				policy,
			)) as IDataObject | null;
			// Agents answer a call that failed with null rather than an HTTP error.
			if (!saved || typeof saved !== 'object' || !(Number(saved.RelationId) > 0)) {
				throw apiError(context.getNode(), {
					service: 'SuperOffice',
					action,
					apiMessage: `the answer holds no saved relation (${JSON.stringify(saved)?.slice(0, 80)})`,
					hint: 'SuperOffice answers a save it could not do with an empty answer. Check the IDs and the relation definition, then run again.',
				});
			}
			return saved;
		},
	});
}
