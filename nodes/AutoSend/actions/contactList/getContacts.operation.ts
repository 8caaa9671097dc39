// Contact List › Get Contacts: the contacts of a list, a segment or All Contacts, page by page, optionally
// only those whose address contains a text.
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { readLimit, returnAllOrLimit } from '../../../shared/descriptions';
import { ItemParameters } from '../../../shared/parameters';
import { runEach } from '../../../shared/runners';
import { invalidInput } from '../../../shared/validation';
import { anyContactListRLC } from '../../descriptions/rlc.description';
import { AUTOSEND, autoSendRecords } from '../../transport';
import { autoSendOptions } from '../common.description';
import { readListId } from './members';

const properties: INodeProperties[] = [
	{
		...anyContactListRLC,
		description: 'The list or segment to read; All Contacts (GLOBAL_CONTACT_LIST) reads every contact',
	},
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				default: '',
				placeholder: 'e.g. @example.com',
				description: 'Only contacts whose email address contains this text',
			},
		],
	},
	autoSendOptions({ combines: false }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contactList'], operation: ['getContacts'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const parameters = new ItemParameters(this, properties);
	const node = this.getNode();
	return await runEach(this, {
		defaults: AUTOSEND,
		prepare: (itemIndex) => {
			const email = parameters.collection('filters', itemIndex).email;
			if (email !== undefined && typeof email !== 'string') {
				throw invalidInput(
					node,
					itemIndex,
					`Filters › Email must be text, but got ${JSON.stringify(email)?.slice(0, 60)}`,
					'Enter part of an address, e.g. @example.com, or an expression that resolves to text.',
				);
			}
			return {
				contactListId: readListId(parameters, node, itemIndex),
				limit: readLimit(parameters, itemIndex),
				email: email?.trim() || undefined,
			};
		},
		execute: async (context, { contactListId, limit, email }, policy) =>
			await autoSendRecords.call(
				context,
				{
					method: 'POST',
					path: '/contact-lists/contacts/search',
					action: `get the contacts of list ${contactListId}`,
					idempotent: true,
					body: { contactListId, ...(email ? { email } : {}) },
					hints: { 404: 'Check the contact list ID: the list may not exist in the project this API key belongs to.' },
				},
				['contacts'],
				{ limit },
				policy,
			),
	});
}
