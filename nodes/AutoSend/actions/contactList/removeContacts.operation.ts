// Contact List › Remove Contacts: items for the same list, from this run and from concurrent runs, share
// requests of at most 100 values each; each item learns what happened to each of its values.
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { ItemParameters } from '../../../shared/parameters';
import type { ValueOutcome } from '../../../shared/runners';
import { runCombined } from '../../../shared/runners';
import { invalidInput } from '../../../shared/validation';
import { contactListRLC } from '../../descriptions/rlc.description';
import { GLOBAL_LIST } from '../../methods/listSearch';
import { autoSendCall, autoSendSigner } from '../../transport';
import { autoSendOptions, VALUE_BATCHING } from '../common.description';

interface Target {
	contactListId: string;
	removeBy: 'email' | 'contactId';
}

interface RemoveResult {
	/** How many values the request carried */
	sent: number;
	removed: number;
	notInList: number;
	errors: IDataObject[];
	/** An earlier attempt may have removed values that this answer counts as not in the list */
	afterUnknownAttempt: boolean;
}

const properties: INodeProperties[] = [
	{ ...contactListRLC, description: 'The list to remove the contacts from' },
	{
		displayName: 'Remove By',
		name: 'removeBy',
		type: 'options',
		options: [
			{ name: 'Email', value: 'email', description: 'Identify the contacts by email address' },
			{ name: 'Contact ID', value: 'contactId', description: 'Identify the contacts by their AutoSend contact ID' },
		],
		default: 'email',
	},
	{
		displayName: 'Emails',
		name: 'emails',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. jane@example.com, john@example.com',
		description: 'One email address, a comma-separated list, or an expression returning an array',
		displayOptions: { show: { removeBy: ['email'] } },
	},
	{
		displayName: 'Contact IDs',
		name: 'contactIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 60d5ec49f1b2c72d9c8b1111',
		description: 'One contact ID, a comma-separated list, or an expression returning an array',
		displayOptions: { show: { removeBy: ['contactId'] } },
	},
	autoSendOptions({ combines: true }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contactList'], operation: ['removeContacts'] } },
	properties,
);

/** The rest of the request's answer that concerns one value: a per-value error, or what happened to it. */
function outcomeOf(response: RemoveResult, value: string): ValueOutcome {
	const error = response.errors.find(
		(entry) => String(entry.email ?? '').toLowerCase() === value || String(entry.contactId ?? '') === value,
	);
	if (error) {
		return {
			done: false,
			apiMessage: String(error.message ?? error.error ?? JSON.stringify(error)),
			hint: 'AutoSend refused this value; the others of the same request were handled.',
		};
	}
	// AutoSend reports totals only. When all were removed, or none were in the list (and no earlier attempt
	// of the request may have removed them), each value's fate is known; otherwise each one is off the list
	// either way, which is what was asked for.
	const handled = response.sent - response.errors.length;
	const status =
		response.removed === handled
			? 'removed'
			: response.notInList === handled && !response.afterUnknownAttempt
				? 'notInList'
				: 'removedOrNotInList';
	return { done: true, detail: { status } };
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const parameters = new ItemParameters(this, properties);
	const node = this.getNode();
	return await runCombined<Target, string, RemoveResult>(this, {
		defaults: VALUE_BATCHING,
		request: 'autoSend/removeContactsFromList',
		signer: async (context) => await autoSendSigner.call(context),
		prepare: (itemIndex) => {
			const contactListId = parameters.locator('contactListId', itemIndex, 'Choose a list, or enter its ID.');
			// Encoding alone is not enough: an ID of ".." would be resolved by the HTTP client into another
			// endpoint (/contacts/remove, which deletes contacts). AutoSend IDs are letters, digits, - and _.
			if (!/^[A-Za-z0-9_-]+$/.test(contactListId)) {
				throw invalidInput(
					node,
					itemIndex,
					`Contact List "${contactListId}" is not an AutoSend list ID`,
					'A list ID has only letters, digits, - and _, e.g. 60d5ec49f1b2c72d9c8b4567. Pick the list From List to be sure.',
				);
			}
			if (contactListId.toUpperCase() === GLOBAL_LIST) {
				throw invalidInput(
					node,
					itemIndex,
					'Contacts cannot be removed from GLOBAL_CONTACT_LIST ("All Contacts")',
					"Removing someone from all contacts means deleting the contact; use AutoSend's Delete Contact instead, or choose a specific list.",
				);
			}
			const removeBy = parameters.choice('removeBy', itemIndex, ['email', 'contactId'] as const);
			// Only the field Remove By shows reaches the node: n8n drops hidden parameters before execution.
			const values =
				removeBy === 'email' ? parameters.emails('emails', itemIndex) : parameters.idList('contactIds', itemIndex);
			const email = removeBy === 'contactId' ? values.find((value) => value.includes('@')) : undefined;
			if (email !== undefined) {
				throw invalidInput(
					node,
					itemIndex,
					`Contact IDs contains the email address "${email}"`,
					'Set Remove By to Email to remove contacts by their address, or enter AutoSend contact IDs.',
				);
			}
			return { target: { contactListId, removeBy }, values: [...new Set(values)] };
		},
		targetKey: ({ contactListId, removeBy }) => JSON.stringify([contactListId, removeBy]),
		valueKey: (value) => value,
		describe: (value) => value,
		action: ({ contactListId }) => `remove contacts from list ${contactListId}`,
		send: async (context, { contactListId, removeBy }, values, policy) => {
			const { data, afterUnknownAttempt } = await autoSendCall.call(
				context,
				{
					method: 'POST',
					path: `/contact-lists/${encodeURIComponent(contactListId)}/contacts/remove`,
					action: `remove contacts from list ${contactListId}`,
					// Removing twice leaves the same list (the repeat counts them as notInList).
					idempotent: true,
					body: removeBy === 'email' ? { emails: values } : { contactIds: values },
					hints: { 404: 'Check the contact list ID: the list may not exist in the project this API key belongs to.' },
				},
				policy,
			);
			return {
				sent: values.length,
				removed: Number(data.removed ?? 0),
				notInList: Number(data.notInList ?? 0),
				errors: Array.isArray(data.errors) ? (data.errors as IDataObject[]) : [],
				afterUnknownAttempt,
			};
		},
		outcomeOf,
		output: ({ target, values }, outcomes) => ({
			success: true,
			contactListId: target.contactListId,
			[target.removeBy === 'email' ? 'emails' : 'contactIds']: values,
			results: values.map((value, index) => ({ [target.removeBy]: value, ...outcomes[index].detail })),
		}),
	});
}
