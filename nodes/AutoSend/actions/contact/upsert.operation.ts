// Contact › Create or Update: the contact with the item's address is created or updated. With Combine Items,
// items (from this run and concurrent runs) share POST /contacts/bulk-update requests of up to 100
// contacts; bulk-update answers with counts only, so when it reports failures the node sends that
// request's contacts again one by one (an upsert by address leaves the same contact when repeated), and
// every item learns its own outcome.
import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { failureOf } from '../../../shared/errors';
import type { RequestPolicy } from '../../../shared/http';
import { inputModeProperties, mappedEachField } from '../../../shared/descriptions';
import { ItemParameters } from '../../../shared/parameters';
import type { ValueOutcome } from '../../../shared/runners';
import { runCombined } from '../../../shared/runners';
import { invalidInput, toStringList } from '../../../shared/validation';
import { GLOBAL_LIST } from '../../methods/listSearch';
import { autoSendCall, autoSendRequest, autoSendSigner } from '../../transport';
import { oneEmail, pathId } from '../checks';
import { autoSendOptions, VALUE_BATCHING } from '../common.description';
import { counted } from '../outcomes';
import { readCustomFields } from './customFields';

interface Target {
	runWorkflow: boolean;
	/** Contacts with List IDs go one by one: bulk-update takes no listIds */
	withLists: boolean;
}

/** What became of each contact a request carried; none when bulk-update took them all. */
type UpsertResult = { each?: Map<string, { contact: IDataObject } | { error: Error }> };

const properties: INodeProperties[] = [
	...inputModeProperties([
		{ parameter: 'email', label: 'Email' },
		{ parameter: 'firstName', label: 'First Name', optional: true },
		{ parameter: 'lastName', label: 'Last Name', optional: true },
	]),
	mappedEachField({
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'e.g. jane@example.com',
		default: '',
		required: true,
		description: 'Address of the contact: the contact with this address is updated, or created when there is none',
	}),
	mappedEachField({
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		default: '',
		description: 'Leave empty to keep the current first name',
	}),
	mappedEachField({
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		default: '',
		description: 'Leave empty to keep the current last name',
	}),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Custom Fields',
				name: 'customFields',
				type: 'fixedCollection',
				placeholder: 'Add Custom Field',
				typeOptions: { multipleValues: true },
				default: {},
				description: "Values for the project's custom contact fields",
				options: [
					{
						displayName: 'Field',
						name: 'field',
						values: [
							{
								displayName: 'Field Name or ID',
								name: 'name',
								type: 'options',
								typeOptions: { loadOptionsMethod: 'getCustomFields' },
								default: '',
								description:
									'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
							},
							{
								displayName: 'Value',
								name: 'value',
								type: 'string',
								default: '',
								description:
									'The value; AutoSend checks it against the field type (text, number, true/false or a date)',
							},
						],
					},
				],
			},
			{
				displayName: 'Custom Fields (JSON)',
				name: 'customFieldsJson',
				type: 'json',
				default: '{}',
				description:
					'Custom field values as a JSON object, e.g. {"plan": "pro", "seats": 5}; fields picked above win over the same names here',
			},
			{
				displayName: 'List Names or IDs',
				name: 'listIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getContactLists' },
				default: [],
				description:
					'Lists to add the contact to (lists only, not segments). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Run Workflows',
				name: 'runWorkflow',
				type: 'boolean',
				default: false,
				description:
					"Whether AutoSend should start its workflows for the updated contacts (bulk-update's runWorkflow). Cannot be combined with List IDs.",
			},
			{
				displayName: 'User ID',
				name: 'userId',
				type: 'string',
				default: '',
				placeholder: 'e.g. user_12345',
				description: "Your application's identifier for the contact",
			},
		],
	},
	autoSendOptions({ combines: true }),
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['upsert'] } }, properties);

/** The contact as AutoSend takes it, keyed so that identical contacts are sent once. */
const keyOf = (contact: IDataObject) => JSON.stringify(contact);

/** After the first request of a shared send, each further one waits for its own turn at the rate. */
const ownTurn = (policy: RequestPolicy): RequestPolicy => ({ ...policy, admittedAt: undefined });

async function upsertOne(context: IExecuteFunctions, contact: IDataObject, policy: RequestPolicy) {
	return await autoSendRequest.call(
		context,
		{
			method: 'POST',
			path: '/contacts/email',
			action: `create or update contact ${String(contact.email)}`,
			// An upsert by address leaves the same contact when repeated.
			idempotent: true,
			body: contact,
		},
		policy,
	);
}

/**
 * Each contact through POST /contacts/email. A request that carried one contact fails as itself (its
 * status and message); in a longer send, each contact keeps its own result.
 */
async function oneByOne(
	context: IExecuteFunctions,
	contacts: IDataObject[],
	policy: RequestPolicy,
): Promise<UpsertResult> {
	if (contacts.length === 1) {
		const contact = await upsertOne(context, contacts[0], policy);
		return { each: new Map([[keyOf(contacts[0]), { contact }]]) };
	}
	const each: NonNullable<UpsertResult['each']> = new Map();
	for (const [index, sent] of contacts.entries()) {
		try {
			each.set(keyOf(sent), { contact: await upsertOne(context, sent, index === 0 ? policy : ownTurn(policy)) });
		} catch (error) {
			each.set(keyOf(sent), { error: error as Error });
		}
	}
	return { each };
}

function outcomeOf(response: UpsertResult, contact: IDataObject): ValueOutcome {
	// bulk-update answers with counts only: the output is the contact as sent.
	const result = response.each?.get(keyOf(contact)) ?? { contact };
	if ('contact' in result) return { done: true, detail: result.contact };
	const failure = failureOf(result.error);
	return {
		done: false,
		apiMessage: failure
			? `${failure.apiMessage}${failure.httpCode ? ` (HTTP ${failure.httpCode})` : ''}`
			: result.error.message,
		hint: failure?.hint ?? 'Check the values sent for this contact.',
		outcome: failure?.outcome,
	};
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const parameters = new ItemParameters(this, properties);
	const node = this.getNode();
	return await runCombined<Target, IDataObject, UpsertResult>(this, {
		defaults: VALUE_BATCHING,
		request: 'autoSend/upsertContacts',
		signer: async (context) => await autoSendSigner.call(context),
		prepare: (itemIndex) => {
			const contact: IDataObject = { email: oneEmail(parameters, node, 'email', itemIndex) };
			for (const name of ['firstName', 'lastName']) {
				const text = parameters.text(name, itemIndex);
				if (text !== undefined) contact[name] = text;
			}
			const extra = parameters.collection('additionalFields', itemIndex);
			const userId = toStringList(extra.userId ?? '');
			if (userId === undefined || userId.length > 1) {
				throw invalidInput(
					node,
					itemIndex,
					`User ID must be one text value, but got ${JSON.stringify(extra.userId)?.slice(0, 60)}`,
					"Enter your application's identifier for the contact, e.g. user_12345.",
				);
			}
			if (userId.length === 1) contact.userId = userId[0];
			const customFields = readCustomFields(node, itemIndex, extra);
			if (customFields) contact.customFields = customFields;
			const listIds = readListIds(node, itemIndex, extra.listIds);
			if (listIds.length > 0) contact.listIds = listIds;
			const runWorkflow = extra.runWorkflow === true || extra.runWorkflow === 'true';
			if (runWorkflow && listIds.length > 0) {
				throw invalidInput(
					node,
					itemIndex,
					'Run Workflows cannot be combined with List IDs',
					"AutoSend's bulk update, which runs workflows, takes no list IDs. Remove List IDs and add the contacts with Contact List › Add Contacts, or turn Run Workflows off.",
				);
			}
			return { target: { runWorkflow, withLists: listIds.length > 0 }, values: [contact] };
		},
		targetKey: ({ runWorkflow, withLists }) => JSON.stringify([runWorkflow, withLists]),
		valueKey: keyOf,
		describe: (contact) => String(contact.email),
		action: () => 'create or update contacts',
		send: async (context, { runWorkflow, withLists }, contacts, policy) => {
			// A lone contact needs no bulk request, unless only bulk-update can run workflows for it.
			if (withLists || (contacts.length === 1 && !runWorkflow)) return await oneByOne(context, contacts, policy);
			const { data } = await autoSendCall.call(
				context,
				{
					method: 'POST',
					path: '/contacts/bulk-update',
					action: `create or update ${counted(contacts.length, 'contact')}`,
					// Repeating it leaves the same contacts, but would start their workflows again.
					idempotent: !runWorkflow,
					body: { contacts, runWorkflow },
				},
				policy,
			);
			if (Number(data.failedCount ?? 0) === 0 && Number(data.successCount) === contacts.length) return {};
			// AutoSend does not say which contacts failed: each one learns its own outcome by itself.
			return await oneByOne(context, contacts, ownTurn(policy));
		},
		outcomeOf,
		output: (_item, [outcome]) => ({ success: true, ...outcome.detail }),
	});
}

/** List IDs a contact is put into: lists by ID, never All Contacts. */
function readListIds(node: INode, itemIndex: number, value: unknown): string[] {
	const ids = toStringList(value ?? []);
	if (ids === undefined) {
		throw invalidInput(
			node,
			itemIndex,
			`List IDs must be list IDs, but got ${JSON.stringify(value)?.slice(0, 60)}`,
			'Choose lists, or use an expression that returns an array of list IDs.',
		);
	}
	for (const id of ids) {
		pathId(
			node,
			itemIndex,
			'List IDs entry',
			id,
			'A list ID has only letters, digits, - and _, e.g. 60d5ec49f1b2c72d9c8b4567.',
		);
		if (id.toUpperCase() === GLOBAL_LIST) {
			throw invalidInput(
				node,
				itemIndex,
				'List IDs contains GLOBAL_CONTACT_LIST ("All Contacts")',
				'Every contact is in All Contacts already; leave it out.',
			);
		}
	}
	return [...new Set(ids)];
}
