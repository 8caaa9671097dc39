// Contact List › Remove Contacts: items for the same list share requests of at most 100 values each.
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { BatchResult } from '../../../shared/batching';
import { executeBatched } from '../../../shared/batching';
import type { BatchingDefaults, BatchingOptions } from '../../../shared/options';
import { batchingOptions, executionPlan, optionsCollection } from '../../../shared/options';
import { invalidInput, parseEmails, parseIdList } from '../../../shared/validation';
import { autoSendRequest } from '../../transport';

/**
 * AutoSend allows 2 requests per second per API key by default. It documents no maximum of values per
 * request here, but caps its other bulk endpoints at 100; staying at 100 is safe.
 */
const BATCHING: BatchingDefaults = {
	service: 'AutoSend',
	requestsPerSecond: 2,
	batch: { unit: 'email addresses or contact IDs', default: 100, max: 100 },
};
const GLOBAL_LIST = 'GLOBAL_CONTACT_LIST';

interface RemoveResult {
	removed: number;
	notInList: number;
	errors: IDataObject[];
}

const properties: INodeProperties[] = [
	{
		displayName: 'Contact List',
		name: 'contactListId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The list to remove the contacts from',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a list...',
				typeOptions: { searchListMethod: 'searchContactLists', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 60d5ec49f1b2c72d9c8b4567',
			},
		],
	},
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
	optionsCollection([
		...batchingOptions('AutoSend', { combines: true }),
		{
			displayName: 'Batch Size',
			name: 'batchSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: 100,
			description:
				'Most email addresses or contact IDs one request carries when items are combined (default and maximum 100)',
		},
		{
			displayName: 'Requests per Second',
			name: 'requestsPerSecond',
			type: 'number',
			typeOptions: { minValue: 0.1, maxValue: 100, numberPrecision: 1 },
			default: 2,
			description:
				'Most requests this node starts per second; AutoSend allows 2 per API key unless it raised your limit. Requests under this rate are not delayed.',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contactList'], operation: ['removeContacts'] } },
	properties,
);

/** The API's per-value errors that name one of this item's values: the only per-value facts it gives. */
function errorsFor(values: string[], errors: IDataObject[]): IDataObject[] {
	const mine = new Set(values);
	return errors.filter(
		(error) =>
			mine.has(String(error.email ?? error.contactId ?? '').toLowerCase()) || mine.has(String(error.contactId ?? '')),
	);
}

function summarise(values: string[], results: Array<BatchResult<string, RemoveResult>>): IDataObject {
	const totals = { removed: 0, notInList: 0, valuesSent: 0, itemsCombined: 0 };
	const errors: IDataObject[] = [];
	for (const { batch, response } of results) {
		totals.removed += response.removed;
		totals.notInList += response.notInList;
		totals.valuesSent += batch.values.length;
		totals.itemsCombined = Math.max(totals.itemsCombined, batch.itemIndexes.length);
		errors.push(...errorsFor(values, response.errors));
	}
	return { request: { ...totals, requests: results.length }, errors };
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const plan = executionPlan(this.getNodeParameter('options', 0, {}) as BatchingOptions, BATCHING);
	return await executeBatched<string, RemoveResult>(this, {
		prepare: (itemIndex) => {
			const contactListId = String(
				this.getNodeParameter('contactListId', itemIndex, '', { extractValue: true }) ?? '',
			).trim();
			if (contactListId === '') {
				throw invalidInput(node, itemIndex, 'Contact List is empty', 'Choose a list, or enter its ID.');
			}
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
			const removeBy = this.getNodeParameter('removeBy', itemIndex) as 'email' | 'contactId';
			// Only the field Remove By shows reaches the node: n8n drops hidden parameters before execution.
			const values =
				removeBy === 'email'
					? parseEmails(node, itemIndex, 'Emails', this.getNodeParameter('emails', itemIndex, ''))
					: parseIdList(node, itemIndex, 'Contact IDs', this.getNodeParameter('contactIds', itemIndex, ''));
			const email = removeBy === 'contactId' ? values.find((value) => value.includes('@')) : undefined;
			if (email !== undefined) {
				throw invalidInput(
					node,
					itemIndex,
					`Contact IDs contains the email address "${email}"`,
					'Set Remove By to Email to remove contacts by their address, or enter AutoSend contact IDs.',
				);
			}
			return { itemIndex, group: `${removeBy}\u0000${contactListId}`, values: [...new Set(values)] };
		},
		keyOf: (value) => value,
		chunkSize: plan.batchSize,
		combine: plan.combine,
		concurrency: plan.concurrency,
		send: async (batch) => {
			const [removeBy, contactListId] = batch.group.split('\u0000');
			const data = await autoSendRequest.call(
				this,
				{
					method: 'POST',
					path: `/contact-lists/${encodeURIComponent(contactListId)}/contacts/remove`,
					action: `remove contacts from list ${contactListId}`,
					// Removing twice leaves the same list (the repeat counts them as notInList).
					idempotent: true,
					body: removeBy === 'email' ? { emails: batch.values } : { contactIds: batch.values },
				},
				plan,
			);
			return {
				removed: Number(data.removed ?? 0),
				notInList: Number(data.notInList ?? 0),
				errors: Array.isArray(data.errors) ? (data.errors as IDataObject[]) : [],
			};
		},
		output: (plan, results) => {
			const [removeBy, contactListId] = plan.group.split('\u0000');
			return {
				success: true,
				contactListId,
				[removeBy === 'email' ? 'emails' : 'contactIds']: plan.values,
				...summarise(plan.values, results),
			};
		},
	});
}
