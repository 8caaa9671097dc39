// Contact List › Get Many: the project's lists or segments, page by page (AutoSend's virtual "All Contacts"
// list included among the lists).
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { readLimit, returnAllOrLimit } from '../../../shared/descriptions';
import { ItemParameters } from '../../../shared/parameters';
import { runEach } from '../../../shared/runners';
import { AUTOSEND, autoSendRecords, LIST_KEYS } from '../../transport';
import { autoSendOptions } from '../common.description';

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'List', value: 'list', description: 'Lists contacts are added to' },
			{ name: 'Segment', value: 'segment', description: 'Segments, filled by their filter criteria' },
		],
		default: 'list',
		description: 'Whether to return lists or segments',
	},
	autoSendOptions({ combines: false }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contactList'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const parameters = new ItemParameters(this, properties);
	return await runEach(this, {
		defaults: AUTOSEND,
		prepare: (itemIndex) => ({
			limit: readLimit(parameters, itemIndex),
			type: parameters.choice('type', itemIndex, ['list', 'segment'] as const),
		}),
		execute: async (context, { limit, type }, policy) =>
			await autoSendRecords.call(
				context,
				{ method: 'GET', path: '/contact-lists', action: `list contact ${type}s`, idempotent: true, qs: { type } },
				LIST_KEYS,
				{ limit },
				policy,
			),
	});
}
