// Selection › Remove Members: items for the same selection, from this run and from concurrent runs, share
// RemoveContactSelectionMembers calls.
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { ItemParameters } from '../../../shared/parameters';
import { runCombined } from '../../../shared/runners';
import { superOfficeRequest, superOfficeSigner } from '../../transport';
import { selectionRLC } from '../../descriptions/rlc.description';
import { MEMBER_BATCHING, superOfficeOptions } from '../common.description';

/** SuperOffice's ContactPersonId carrier: a person, or with PersonId 0 the company itself. */
type ContactPersonId = { PersonId: number; ContactId: number };

const properties: INodeProperties[] = [
	{ ...selectionRLC, description: 'The static selection to remove the members from' },
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
	const parameters = new ItemParameters(this, properties);
	return await runCombined<number, ContactPersonId, unknown>(this, {
		defaults: MEMBER_BATCHING,
		request: 'superOffice/RemoveContactSelectionMembers',
		signer: async (context) => await superOfficeSigner.call(context),
		prepare: (itemIndex) => ({
			target: parameters.id('selectionId', itemIndex, { locator: true }),
			values: [
				{
					PersonId: parameters.id('personId', itemIndex, { allowZero: true }),
					ContactId: parameters.id('contactId', itemIndex),
				},
			],
		}),
		targetKey: String,
		valueKey: (member) => `${member.PersonId}:${member.ContactId}`,
		describe: (member) =>
			member.PersonId === 0 ? `company ${member.ContactId}` : `person ${member.PersonId} (company ${member.ContactId})`,
		action: (selectionId) => `remove members from selection ${selectionId}`,
		send: async (context, selectionId, members, policy) =>
			await superOfficeRequest.call(
				context,
				{
					method: 'POST',
					path: '/Agents/Selection/RemoveContactSelectionMembers',
					action: `remove members from selection ${selectionId}`,
					// Removing a member twice leaves the same selection.
					idempotent: true,
					body: { SelectionId: selectionId, ContactPersonIds: members },
				},
				policy,
			),
		// SuperOffice answers 204 for the whole request: every member is out, whether it was in or not.
		output: ({ target, values: [member] }) => ({
			success: true,
			selectionId: target,
			contactId: member.ContactId,
			personId: member.PersonId,
		}),
	});
}
