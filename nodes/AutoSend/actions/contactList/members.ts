// What Add Contacts and Remove Contacts share: the list ID check (path characters, GLOBAL_CONTACT_LIST), the
// values (emails or contact IDs, one item's or a comma-separated list), the request body, AutoSend's
// per-value errors, and the output that says what happened to each value.
import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';
import { inputModeProperties, mappedEachField } from '../../../shared/descriptions';
import type { ItemParameters } from '../../../shared/parameters';
import type { CombinedOperation, ItemRequest, ValueOutcome } from '../../../shared/runners';
import { invalidInput } from '../../../shared/validation';
import { GLOBAL_LIST } from '../../methods/listSearch';
import { autoSendSigner } from '../../transport';
import { pathId } from '../checks';
import { emailsProperty, VALUE_BATCHING } from '../common.description';

export type MemberKind = 'email' | 'contactId';

export interface ListTarget {
	contactListId: string;
	by: MemberKind;
}

/** The By switch (`removeBy` / `addBy`), the input mode, and the Emails / Contact IDs fields they show. */
export function memberProperties(by: { name: string; displayName: string }, verb: string): INodeProperties[] {
	return [
		{
			displayName: by.displayName,
			name: by.name,
			type: 'options',
			options: [
				{ name: 'Email', value: 'email', description: 'Identify the contacts by email address' },
				{ name: 'Contact ID', value: 'contactId', description: 'Identify the contacts by their AutoSend contact ID' },
			],
			default: 'email',
		},
		...inputModeProperties([
			{ parameter: 'emails', label: 'Email', field: 'email', show: { [by.name]: ['email'] } },
			{ parameter: 'contactIds', label: 'Contact ID', field: 'contactId', show: { [by.name]: ['contactId'] } },
		]),
		mappedEachField({ ...emailsProperty(verb), displayOptions: { show: { [by.name]: ['email'] } } }),
		mappedEachField({
			displayName: 'Contact IDs',
			name: 'contactIds',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 60d5ec49f1b2c72d9c8b1111',
			description: `One contact ID to ${verb}, a comma-separated list, or an expression returning an array`,
			displayOptions: { show: { [by.name]: ['contactId'] } },
		}),
	];
}

/**
 * The list an item names, checked before anything is sent. `global` says why GLOBAL_CONTACT_LIST ("All
 * Contacts") cannot be the target, when it cannot.
 */
export function readListId(
	parameters: ItemParameters,
	node: INode,
	itemIndex: number,
	global?: { message: string; fix: string },
): string {
	const contactListId = parameters.locator('contactListId', itemIndex, 'Choose a list, or enter its ID.');
	pathId(
		node,
		itemIndex,
		'Contact List',
		contactListId,
		'A list ID has only letters, digits, - and _, e.g. 60d5ec49f1b2c72d9c8b4567. Pick the list From List to be sure.',
	);
	if (global && contactListId.toUpperCase() === GLOBAL_LIST) {
		throw invalidInput(node, itemIndex, global.message, global.fix);
	}
	return contactListId;
}

/** One item's values: emails (checked, lower-cased) or contact IDs, each once. */
export function readMembers(
	parameters: ItemParameters,
	node: INode,
	itemIndex: number,
	by: { name: string; displayName: string },
): { by: MemberKind; values: string[] } {
	const kind = parameters.choice(by.name, itemIndex, ['email', 'contactId'] as const);
	// Only the field the By switch shows reaches the node: n8n drops hidden parameters before execution.
	const values = kind === 'email' ? parameters.emails('emails', itemIndex) : parameters.idList('contactIds', itemIndex);
	const email = kind === 'contactId' ? values.find((value) => value.includes('@')) : undefined;
	if (email !== undefined) {
		throw invalidInput(
			node,
			itemIndex,
			`Contact IDs contains the email address "${email}"`,
			`Set ${by.displayName} to Email to use contacts' addresses, or enter AutoSend contact IDs.`,
		);
	}
	return { by: kind, values: [...new Set(values)] };
}

/** The request's values as AutoSend takes them: `emails` or `contactIds`, never both. */
export function membersBody(by: MemberKind, values: string[]): IDataObject {
	return by === 'email' ? { emails: values } : { contactIds: values };
}

/** AutoSend's per-value error entry for a value, if the answer has one. */
export function refusalOf(errors: IDataObject[], value: string): ValueOutcome | undefined {
	const error = errors.find(
		(entry) => String(entry.email ?? '').toLowerCase() === value || String(entry.contactId ?? '') === value,
	);
	if (!error) return undefined;
	return {
		done: false,
		apiMessage: String(error.message ?? error.error ?? JSON.stringify(error)),
		hint: 'AutoSend refused this value; the others of the same request were handled.',
	};
}

/** An answer's array, or none when AutoSend left it out. */
export function arrayOf(value: unknown): IDataObject[] {
	return Array.isArray(value) ? (value as IDataObject[]) : [];
}

/** An item whose values are all done: its values and, for each, what happened. */
function membersOutput(
	{ target, values }: ItemRequest<ListTarget, string>,
	outcomes: Array<ValueOutcome & { done: true }>,
): IDataObject {
	return {
		success: true,
		contactListId: target.contactListId,
		[target.by === 'email' ? 'emails' : 'contactIds']: values,
		results: values.map((value, index) => ({ [target.by]: value, ...outcomes[index].detail })),
	};
}

/**
 * What a list change's combined run needs besides its request: reading and checking each item (the list,
 * then By and its values), keys that put items for the same list and kind of value together and send each
 * value once, and the output.
 */
export function listChange<R>(
	context: IExecuteFunctions,
	parameters: ItemParameters,
	{ by, global }: { by: { name: string; displayName: string }; global: { message: string; fix: string } },
): Pick<
	CombinedOperation<ListTarget, string, R>,
	'defaults' | 'signer' | 'prepare' | 'targetKey' | 'valueKey' | 'describe' | 'output'
> {
	const node = context.getNode();
	return {
		defaults: VALUE_BATCHING,
		signer: async (sender) => await autoSendSigner.call(sender),
		prepare: (itemIndex) => {
			const contactListId = readListId(parameters, node, itemIndex, global);
			const members = readMembers(parameters, node, itemIndex, by);
			return { target: { contactListId, by: members.by }, values: members.values };
		},
		targetKey: ({ contactListId, by: kind }) => JSON.stringify([contactListId, kind]),
		valueKey: (value) => value,
		describe: (value) => value,
		output: membersOutput,
	};
}
