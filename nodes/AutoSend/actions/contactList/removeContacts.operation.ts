// Contact List › Remove Contacts: items for the same list, from this run and from concurrent runs, share
// requests of at most 100 values each; each item learns what happened to each of its values.
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { ItemParameters } from '../../../shared/parameters';
import type { ValueOutcome } from '../../../shared/runners';
import { runCombined } from '../../../shared/runners';
import { contactListRLC } from '../../descriptions/rlc.description';
import { autoSendCall } from '../../transport';
import { autoSendOptions } from '../common.description';
import { statusFromTotals } from '../outcomes';
import type { ListTarget } from './members';
import { arrayOf, listChange, memberProperties, membersBody, refusalOf } from './members';

interface RemoveResult {
	/** How many values the request carried */
	sent: number;
	removed: number;
	notInList: number;
	errors: IDataObject[];
	/** An earlier attempt may have removed values that this answer counts as not in the list */
	afterUnknownAttempt: boolean;
}

const BY = { name: 'removeBy', displayName: 'Remove By' };

const properties: INodeProperties[] = [
	{ ...contactListRLC, description: 'The list to remove the contacts from' },
	...memberProperties(BY, 'remove'),
	autoSendOptions({ combines: true }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contactList'], operation: ['removeContacts'] } },
	properties,
);

/** The rest of the request's answer that concerns one value: a per-value error, or what happened to it. */
function outcomeOf(response: RemoveResult, value: string): ValueOutcome {
	const refused = refusalOf(response.errors, value);
	if (refused) return refused;
	// AutoSend reports totals only. When all were removed, or none were in the list (and no earlier attempt
	// of the request may have removed them), each value's fate is known; otherwise each one is off the list
	// either way, which is what was asked for.
	const status = statusFromTotals(
		response.sent - response.errors.length,
		[
			{ status: 'removed', count: response.removed },
			{ status: 'notInList', count: response.notInList, certainAfterUnknownAttempt: false },
		],
		response.afterUnknownAttempt,
		'removedOrNotInList',
	);
	return { done: true, detail: { status } };
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const parameters = new ItemParameters(this, properties);
	return await runCombined<ListTarget, string, RemoveResult>(this, {
		...listChange<RemoveResult>(this, parameters, {
			by: BY,
			global: {
				message: 'Contacts cannot be removed from GLOBAL_CONTACT_LIST ("All Contacts")',
				fix: "Removing someone from all contacts means deleting the contact; use AutoSend's Delete Contact instead, or choose a specific list.",
			},
		}),
		request: 'autoSend/removeContactsFromList',
		action: ({ contactListId }) => `remove contacts from list ${contactListId}`,
		send: async (context, { contactListId, by }, values, policy) => {
			const { data, afterUnknownAttempt } = await autoSendCall.call(
				context,
				{
					method: 'POST',
					path: `/contact-lists/${encodeURIComponent(contactListId)}/contacts/remove`,
					action: `remove contacts from list ${contactListId}`,
					// Removing twice leaves the same list (the repeat counts them as notInList).
					idempotent: true,
					body: membersBody(by, values),
					hints: { 404: 'Check the contact list ID: the list may not exist in the project this API key belongs to.' },
				},
				policy,
			);
			return {
				sent: values.length,
				removed: Number(data.removed ?? 0),
				notInList: Number(data.notInList ?? 0),
				errors: arrayOf(data.errors),
				afterUnknownAttempt,
			};
		},
		outcomeOf,
	});
}
