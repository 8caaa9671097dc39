// What Contact › Get and Contact › Delete share: By (ID or email), the contact ID check, and the search
// that finds contacts by address.
import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';
import type { RequestPolicy } from '../../../shared/http';
import type { ItemParameters } from '../../../shared/parameters';
import { invalidInput } from '../../../shared/validation';
import { autoSendRequest } from '../../transport';
import { pathId } from '../checks';
import { autoSendOptions } from '../common.description';
import { counted } from '../outcomes';

const byProperty: INodeProperties = {
	displayName: 'By',
	name: 'by',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Contact ID', value: 'id', description: "The contact's AutoSend ID" },
		{ name: 'Email', value: 'email', description: "The contact's email address" },
	],
	default: 'id',
};

/** By, the Contact ID it shows for `id`, the address field it shows for `email`, and the Options. */
export function lookupProperties(verb: string, emailField: INodeProperties): INodeProperties[] {
	return [
		byProperty,
		{
			displayName: 'Contact ID',
			name: 'contactId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 60d5ec49f1b2c72d9c8b1111',
			description: `ID of the contact to ${verb}`,
			displayOptions: { show: { by: ['id'] } },
		},
		{ ...emailField, displayOptions: { show: { by: ['email'] } } },
		autoSendOptions({ combines: true }),
	];
}

/** How the whole run finds its contacts (By takes no expression). */
export function readBy(parameters: ItemParameters): 'id' | 'email' {
	return parameters.choice('by', 0, ['id', 'email'] as const);
}

/** A contact ID, safe to put into the URL path. */
export function readContactId(parameters: ItemParameters, node: INode, itemIndex: number): string {
	const contactId = parameters.text('contactId', itemIndex, { required: true })!;
	if (contactId.includes('@')) {
		throw invalidInput(
			node,
			itemIndex,
			`Contact ID is the email address "${contactId}"`,
			'Set By to Email to find the contact by its address, or enter its AutoSend contact ID.',
		);
	}
	return pathId(
		node,
		itemIndex,
		'Contact ID',
		contactId,
		'A contact ID has only letters, digits, - and _, e.g. 60d5ec49f1b2c72d9c8b1111.',
	);
}

/** The contacts AutoSend has for these addresses, by lower-cased address. */
export async function contactsByEmail(
	context: IExecuteFunctions,
	emails: string[],
	policy: RequestPolicy,
): Promise<Map<string, IDataObject>> {
	const data = await autoSendRequest.call(
		context,
		{
			method: 'POST',
			path: '/contacts/search/emails',
			action: `look up ${counted(emails.length, 'contact')} by email`,
			idempotent: true,
			body: { emails },
		},
		policy,
	);
	const contacts = Array.isArray(data.contacts) ? (data.contacts as IDataObject[]) : [];
	return new Map(contacts.map((contact) => [String(contact.email ?? '').toLowerCase(), contact]));
}
