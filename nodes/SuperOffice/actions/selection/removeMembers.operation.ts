// Selection › Remove Members: all items that target the same selection share one RemoveContactSelectionMembers call.
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { executeBatched } from '../../../shared/batching';
import { parseInteger } from '../../../shared/validation';
import type { BatchingOptions } from '../../../shared/options';
import { executionPlan } from '../../../shared/options';
import type { SuperOfficeOptions } from '../../transport';
import { superOfficeRequest } from '../../transport';
import { MEMBER_BATCHING, superOfficeOptions } from '../common.description';

/** SuperOffice's ContactPersonId carrier: a person, or with PersonId 0 the company itself. */
interface ContactPersonId {
	PersonId: number;
	ContactId: number;
}

const properties: INodeProperties[] = [
	{
		displayName: 'Selection',
		name: 'selectionId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The static selection to remove the members from',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a selection...',
				typeOptions: { searchListMethod: 'searchSelections', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 938',
				validation: [
					{ type: 'regex', properties: { regex: '^\\s*[0-9]+\\s*$', errorMessage: 'Enter the numeric selection ID' } },
				],
			},
		],
	},
	{
		displayName: 'Company (Contact) ID',
		name: 'contactId',
		type: 'number',
		default: 0,
		required: true,
		description: 'ID of the company (SuperOffice calls it a contact) the member belongs to',
	},
	{
		displayName: 'Person ID',
		name: 'personId',
		type: 'number',
		default: 0,
		description: 'ID of the person to remove. Use 0 to remove the company itself from the selection.',
	},
	superOfficeOptions({ combines: true }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['selection'], operation: ['removeMembers'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const options = this.getNodeParameter('options', 0, {}) as SuperOfficeOptions & BatchingOptions;
	const plan = executionPlan(options, MEMBER_BATCHING);
	return await executeBatched<ContactPersonId, unknown>(this, {
		prepare: (itemIndex) => {
			const selectionId = parseInteger(
				node,
				itemIndex,
				'Selection',
				this.getNodeParameter('selectionId', itemIndex, '', { extractValue: true }),
			);
			const member = {
				PersonId: parseInteger(node, itemIndex, 'Person ID', this.getNodeParameter('personId', itemIndex, 0), {
					allowZero: true,
				}),
				ContactId: parseInteger(
					node,
					itemIndex,
					'Company (Contact) ID',
					this.getNodeParameter('contactId', itemIndex, 0),
				),
			};
			return { itemIndex, group: String(selectionId), values: [member] };
		},
		keyOf: (member) => `${member.PersonId}:${member.ContactId}`,
		chunkSize: plan.batchSize,
		combine: plan.combine,
		concurrency: plan.concurrency,
		send: async (batch) =>
			await superOfficeRequest.call(
				this,
				{
					method: 'POST',
					path: '/Agents/Selection/RemoveContactSelectionMembers',
					action: `remove members from selection ${batch.group}`,
					// Removing a member twice leaves the same selection.
					idempotent: true,
					body: { SelectionId: Number(batch.group), ContactPersonIds: batch.values },
					options,
				},
				plan,
			),
		output: (plan) => ({
			success: true,
			selectionId: Number(plan.group),
			contactId: plan.values[0].ContactId,
			personId: plan.values[0].PersonId,
		}),
	});
}
