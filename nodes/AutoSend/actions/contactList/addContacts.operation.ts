// Contact List › Add Contacts: items for the same list, from this run and from concurrent runs, share
// bulk-add requests of at most 100 values each; each item learns what happened to each of its values.
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

interface AddResult {
	sent: number;
	added: number;
	created: number;
	alreadyInList: number;
	errors: IDataObject[];
	/** Addresses AutoSend's validation refused, with its reason */
	invalid: Map<string, string>;
	/** Addresses on a suppression list, which AutoSend does not add */
	suppressed: Set<string>;
	/** An earlier attempt may have added values that this answer counts as already in the list */
	afterUnknownAttempt: boolean;
}

const BY = { name: 'addBy', displayName: 'Add By' };

const properties: INodeProperties[] = [
	{
		...contactListRLC,
		description: 'The list to add the contacts to. Addresses AutoSend does not know become new contacts.',
	},
	...memberProperties(BY, 'add'),
	autoSendOptions({ combines: true }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contactList'], operation: ['addContacts'] } },
	properties,
);

/** Addresses in one of bulk-add's validation arrays ({ email, status, reason? }), lower-cased. */
function validated(entries: unknown): Map<string, string> {
	return new Map(
		arrayOf(entries).map((entry) => [
			String(entry.email ?? '').toLowerCase(),
			String(entry.reason ?? entry.message ?? entry.status ?? ''),
		]),
	);
}

function outcomeOf(response: AddResult, value: string): ValueOutcome {
	const refused = refusalOf(response.errors, value);
	if (refused) return refused;
	if (response.invalid.has(value)) {
		return {
			done: false,
			apiMessage: `AutoSend found the address invalid${response.invalid.get(value) ? ` (${response.invalid.get(value)})` : ''}`,
			hint: 'Correct the address; it was not added. The other values of the request were handled.',
		};
	}
	if (response.suppressed.has(value)) {
		return {
			done: false,
			apiMessage: 'the address is suppressed in AutoSend (unsubscribed, bounced or reported spam), so it was not added',
			hint: 'Leave the address out, or remove it from the suppression list in AutoSend if the person opted in again.',
		};
	}
	// AutoSend reports totals only: a value's own fate is known when every handled value fared alike.
	const handled = response.sent - response.errors.length - response.invalid.size - response.suppressed.size;
	const status = statusFromTotals(
		handled,
		[
			{ status: 'added', count: response.added },
			{ status: 'created', count: response.created },
			{ status: 'alreadyInList', count: response.alreadyInList, certainAfterUnknownAttempt: false },
		],
		response.afterUnknownAttempt,
		'inList',
	);
	return { done: true, detail: { status } };
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const parameters = new ItemParameters(this, properties);
	return await runCombined<ListTarget, string, AddResult>(this, {
		...listChange<AddResult>(this, parameters, {
			by: BY,
			global: {
				message: 'Contacts cannot be added to GLOBAL_CONTACT_LIST ("All Contacts")',
				fix: 'Every contact is in All Contacts already: use Contact › Create or Update to create contacts, or choose a specific list.',
			},
		}),
		request: 'autoSend/addContactsToList',
		action: ({ contactListId }) => `add contacts to list ${contactListId}`,
		send: async (context, { contactListId, by }, values, policy) => {
			const { data, afterUnknownAttempt } = await autoSendCall.call(
				context,
				{
					method: 'POST',
					path: '/contact-lists/contacts/bulk-add',
					action: `add contacts to list ${contactListId}`,
					// Adding twice leaves the same list (the repeat counts them as alreadyInList).
					idempotent: true,
					body: { contactListId, ...membersBody(by, values) },
					hints: {
						404: 'Check the contact list ID: the list may not exist in the project this API key belongs to.',
						400: 'Contacts can be added to lists only (not to segments or All Contacts), by address or contact ID.',
					},
				},
				policy,
			);
			const validation = (data.validation ?? {}) as IDataObject;
			return {
				sent: values.length,
				added: Number(data.added ?? 0),
				created: Number(data.created ?? 0),
				alreadyInList: Number(data.alreadyInList ?? 0),
				errors: arrayOf(data.errors),
				invalid: validated(validation.invalid),
				suppressed: new Set(validated(validation.suppressed).keys()),
				afterUnknownAttempt,
			};
		},
		outcomeOf,
	});
}
