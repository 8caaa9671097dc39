// Selection › Get Many: the tenant's selections (FindSelection archive), optionally those whose name contains a
// text, paged through with $top/$skip (Return All) or up to Limit.
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { readLimit, returnAllOrLimit } from '../../../shared/descriptions';
import { ItemParameters } from '../../../shared/parameters';
import { runEach } from '../../../shared/runners';
import { SUPEROFFICE } from '../../transport';
import { archiveRecords } from '../archiveRows';
import { responseOptionsOf, superOfficeOptions } from '../common.description';
import { entryText } from './entryText';

/** Columns of the FindSelection archive the node asks for unless Fields says otherwise. */
const SELECTION_COLUMNS = 'selectionId,name,kind,targetTableNumber,memberCount';

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
				displayName: 'Name Contains',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'e.g. newsletter',
				description: 'Only selections whose name contains this text (not case-sensitive)',
			},
		],
	},
	superOfficeOptions({ combines: false, returnsRecords: true }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['selection'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const parameters = new ItemParameters(this, properties);
	return await runEach(this, {
		defaults: SUPEROFFICE,
		prepare: (itemIndex) => ({
			name: entryText(
				this.getNode(),
				itemIndex,
				'Filters › Name Contains',
				parameters.collection('filters', itemIndex).name,
			),
			limit: readLimit(parameters, itemIndex),
			options: responseOptionsOf(parameters, itemIndex),
		}),
		execute: async (context, { name, limit, options }, policy) => {
			return await archiveRecords(
				context,
				{
					method: 'GET',
					path: '/Selection',
					action: name ? `list the selections whose name contains "${name}"` : 'list selections',
					idempotent: true,
					// OData string literals escape a quote by doubling it.
					qs: {
						$select: SELECTION_COLUMNS,
						...(name ? { $filter: `name contains '${name.replace(/'/g, "''")}'` } : {}),
					},
					options,
				},
				limit,
				policy,
			);
		},
	});
}
