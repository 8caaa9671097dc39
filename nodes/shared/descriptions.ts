// Parameters that read the same in every operation of both nodes.
import type { INodeProperties } from 'n8n-workflow';
import type { ItemParameters } from './parameters';

/** Return All and Limit, as n8n's own Get Many operations offer them; Return All really pages through everything. */
export const returnAllOrLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/** How many records an item asks for: undefined for all of them. */
export function readLimit(parameters: ItemParameters, itemIndex: number): number | undefined {
	if (parameters.value('returnAll', itemIndex, false) === true) return undefined;
	const limit = Math.floor(Number(parameters.value('limit', itemIndex, 50)));
	return Number.isFinite(limit) && limit >= 1 ? limit : 50;
}
