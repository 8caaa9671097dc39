// Selection › Create: a new static selection of companies or persons, the way SuperOffice recommends creating
// entities: its defaults from GET /Selection/default, then POST /Selection.
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { ItemParameters } from '../../../shared/parameters';
import { runEach } from '../../../shared/runners';
import { SUPEROFFICE, superOfficeRequest } from '../../transport';
import { responseOptionsOf, superOfficeOptions } from '../common.description';
import { entryText } from './entryText';

/** What a selection's members are: SuperOffice's target table, by name and by table number. */
const TARGET_TABLES = {
	company: { TargetTableName: 'contact', TargetTableNumber: 5 },
	person: { TargetTableName: 'person', TargetTableNumber: 6 },
} as const;

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Newsletter subscribers',
		description: 'Name of the new selection',
	},
	{
		displayName: 'Member Type',
		name: 'memberType',
		type: 'options',
		options: [
			{ name: 'Company', value: 'company', description: 'Members are companies (SuperOffice: contacts)' },
			{ name: 'Person', value: 'person', description: 'Members are persons' },
		],
		default: 'person',
		description: 'What the selection holds',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
				description: 'Text shown with the selection in SuperOffice',
			},
		],
	},
	superOfficeOptions({ combines: false, returnsRecords: true }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['selection'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const parameters = new ItemParameters(this, properties);
	return await runEach(this, {
		defaults: SUPEROFFICE,
		prepare: (itemIndex) => ({
			name: parameters.text('name', itemIndex, { required: true }) as string,
			memberType: parameters.choice('memberType', itemIndex, ['person', 'company'] as const),
			description: entryText(
				this.getNode(),
				itemIndex,
				'Additional Fields › Description',
				parameters.collection('additionalFields', itemIndex).description,
			),
			options: responseOptionsOf(parameters, itemIndex),
		}),
		execute: async (context, { name, memberType, description, options }, policy) => {
			const defaults = (await superOfficeRequest.call(
				context,
				{ method: 'GET', path: '/Selection/default', action: 'get the defaults for a new selection', idempotent: true },
				policy,
			)) as IDataObject | null;
			const entity: IDataObject = {
				...(defaults ?? {}),
				Name: name,
				SelectionType: 'Static',
				...TARGET_TABLES[memberType],
				...(description !== undefined ? { Description: description } : {}),
			};
			return (await superOfficeRequest.call(
				context,
				{
					method: 'POST',
					path: '/Selection',
					action: `create selection "${name}"`,
					// A second POST would create a second selection.
					idempotent: false,
					body: entity,
					options,
				},
				policy,
			)) as IDataObject;
		},
	});
}
