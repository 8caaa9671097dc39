// What Add Members and Remove Members share: the member parameters, SuperOffice's ContactPersonId carrier, and
// one combined agent call per selection (items for the same selection, from this run and from concurrent
// runs, share AddContactSelectionMembers / RemoveContactSelectionMembers calls).
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { RequestPolicy } from '../../../shared/http';
import { inputModeProperties, mappedEachField } from '../../../shared/descriptions';
import { ItemParameters } from '../../../shared/parameters';
import { runCombined } from '../../../shared/runners';
import { superOfficeRequest, superOfficeSigner } from '../../transport';
import { selectionRLC } from '../../descriptions/rlc.description';
import { MEMBER_BATCHING, superOfficeOptions } from '../common.description';

/** SuperOffice's ContactPersonId carrier: a person, or with PersonId 0 the company itself. */
export type ContactPersonId = { PersonId: number; ContactId: number };

/** Selection, Company (Contact) ID and Person ID, worded for adding or removing. */
export function memberProperties(verb: 'add' | 'remove'): INodeProperties[] {
	const [toOrFrom, company] =
		verb === 'add' ? ['to', 'add the company itself to'] : ['from', 'remove the company itself from'];
	return [
		{ ...selectionRLC, description: `The static selection to ${verb} the members ${toOrFrom}` },
		...inputModeProperties([
			{ parameter: 'contactId', label: 'Company (Contact) ID' },
			{ parameter: 'personId', label: 'Person ID' },
		]),
		mappedEachField({
			displayName: 'Company (Contact) ID',
			name: 'contactId',
			type: 'number',
			default: 0,
			required: true,
			description: 'ID of the company (SuperOffice calls it a contact) the member belongs to',
		}),
		mappedEachField({
			displayName: 'Person ID',
			name: 'personId',
			type: 'number',
			default: 0,
			description: `ID of the person to ${verb}. Use 0 to ${company} the selection.`,
		}),
		superOfficeOptions({ combines: true }),
	];
}

export interface MemberChange {
	/** The SelectionAgent method: both take {SelectionId, ContactPersonIds} and answer 204 for the whole request */
	agent: 'AddContactSelectionMembers' | 'RemoveContactSelectionMembers';
	/** For messages: "add members to", "remove members from" */
	verb: string;
	/** Advice for answers that mean something particular for this change */
	hints?: Record<number, string>;
	/** Looks again at a request SuperOffice refused and may give a better hint; the error itself otherwise */
	explain?: (context: IExecuteFunctions, selectionId: number, error: Error, policy: RequestPolicy) => Promise<Error>;
}

/** Runs Add or Remove Members: one combined request per selection, each item answered with its own member. */
export async function changeMembers(
	context: IExecuteFunctions,
	properties: INodeProperties[],
	{ agent, verb, hints, explain }: MemberChange,
): Promise<INodeExecutionData[]> {
	const parameters = new ItemParameters(context, properties);
	const action = (selectionId: number) => `${verb} selection ${selectionId}`;
	return await runCombined<number, ContactPersonId, unknown>(context, {
		defaults: MEMBER_BATCHING,
		request: `superOffice/${agent}`,
		signer: async (sender) => await superOfficeSigner.call(sender),
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
		action,
		send: async (sender, selectionId, members, policy) => {
			try {
				return await superOfficeRequest.call(
					sender,
					{
						method: 'POST',
						path: `/Agents/Selection/${agent}`,
						action: action(selectionId),
						// Adding or removing a member twice leaves the same selection.
						idempotent: true,
						body: { SelectionId: selectionId, ContactPersonIds: members },
						hints,
					},
					policy,
				);
			} catch (error) {
				return await Promise.reject(explain ? await explain(sender, selectionId, error as Error, policy) : error);
			}
		},
		// SuperOffice answers 204 for the whole request and says nothing per member: each member is in (or out)
		// afterwards, whether it already was or not.
		output: ({ target, values: [member] }) => ({
			success: true,
			selectionId: target,
			contactId: member.ContactId,
			personId: member.PersonId,
		}),
	});
}
