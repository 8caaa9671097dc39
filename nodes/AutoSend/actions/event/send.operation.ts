// Event › Send: records an event for a contact (found by address or ID), which also starts the AutoSend
// automations that wait for it. Not idempotent: a send whose outcome is unknown is never repeated.
import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { ItemParameters } from '../../../shared/parameters';
import { runEach } from '../../../shared/runners';
import { invalidInput } from '../../../shared/validation';
import { eventRLC } from '../../descriptions/rlc.description';
import { AUTOSEND, autoSendRequest } from '../../transport';
import { oneEmail } from '../checks';
import { autoSendOptions } from '../common.description';

const properties: INodeProperties[] = [
	{ ...eventRLC, description: 'The event, as defined in AutoSend (Events)' },
	{
		displayName: 'Identify Contact By',
		name: 'identifyBy',
		type: 'options',
		options: [
			{ name: 'Email', value: 'email', description: "The contact's email address" },
			{ name: 'Contact ID', value: 'contactId', description: "The contact's AutoSend ID" },
		],
		default: 'email',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. jane@example.com',
		description: 'Address of the contact the event happened to',
		displayOptions: { show: { identifyBy: ['email'] } },
	},
	{
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 60d5ec49f1b2c72d9c8b1111',
		description: 'ID of the contact the event happened to',
		displayOptions: { show: { identifyBy: ['contactId'] } },
	},
	{
		displayName: 'Specify Properties',
		name: 'specifyProperties',
		type: 'options',
		options: [
			{ name: 'Using Fields Below', value: 'keypair' },
			{ name: 'Using JSON', value: 'json' },
		],
		default: 'keypair',
	},
	{
		displayName: 'Properties',
		name: 'properties',
		type: 'fixedCollection',
		placeholder: 'Add Property',
		typeOptions: { multipleValues: true },
		default: {},
		description: "The event's property values; AutoSend converts each to the type the event declares",
		displayOptions: { show: { specifyProperties: ['keypair'] } },
		options: [
			{
				displayName: 'Property',
				name: 'property',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. order_total',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'e.g. 129.99',
					},
				],
			},
		],
	},
	{
		displayName: 'Properties (JSON)',
		name: 'propertiesJson',
		type: 'json',
		default: '{}',
		description: 'The event\'s property values as a JSON object, e.g. {"order_total": 129.99, "currency": "USD"}',
		displayOptions: { show: { specifyProperties: ['json'] } },
	},
	autoSendOptions({ combines: false }),
];

export const description = updateDisplayOptions({ show: { resource: ['event'], operation: ['send'] } }, properties);

const FIX_NAME = 'Pick the event From List, or enter its name: up to 64 letters, digits and _, e.g. order_completed.';

function readProperties(parameters: ItemParameters, node: INode, itemIndex: number): IDataObject {
	const values: IDataObject = {};
	const given: Array<[string, unknown]> =
		parameters.choice('specifyProperties', itemIndex, ['keypair', 'json'] as const) === 'json'
			? Object.entries(parameters.object('propertiesJson', itemIndex) ?? {})
			: ((parameters.collection('properties', itemIndex).property ?? []) as IDataObject[]).map(({ name, value }) => [
					String(name ?? '').trim(),
					value ?? '',
				]);
	for (const [name, value] of given) {
		if (name === '') {
			throw invalidInput(
				node,
				itemIndex,
				'Properties has a property without a name',
				'Name the property, or remove the row.',
			);
		}
		if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
			throw invalidInput(
				node,
				itemIndex,
				`The value of property "${name}" must be text, a number, true/false or null, but got ${JSON.stringify(value)?.slice(0, 60)}`,
				'Event properties are text, numbers, true/false or dates (as text).',
			);
		}
		values[name] = value as IDataObject[string];
	}
	return values;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const parameters = new ItemParameters(this, properties);
	const node = this.getNode();
	return await runEach(this, {
		defaults: AUTOSEND,
		prepare: (itemIndex) => {
			const eventName = parameters.locator('eventName', itemIndex, FIX_NAME);
			if (!/^[A-Za-z0-9_]{1,64}$/.test(eventName)) {
				throw invalidInput(
					node,
					itemIndex,
					`Event "${eventName.slice(0, 80)}" is not an AutoSend event name`,
					FIX_NAME,
				);
			}
			const body: IDataObject = { eventName };
			if (parameters.choice('identifyBy', itemIndex, ['email', 'contactId'] as const) === 'email') {
				body.email = oneEmail(parameters, node, 'email', itemIndex);
			} else {
				const contactId = parameters.text('contactId', itemIndex, { required: true })!;
				if (contactId.includes('@') || /\s/.test(contactId)) {
					throw invalidInput(
						node,
						itemIndex,
						`Contact ID "${contactId.slice(0, 80)}" is not an AutoSend contact ID`,
						'Set Identify Contact By to Email to use an address, or enter the contact ID, e.g. 60d5ec49f1b2c72d9c8b1111.',
					);
				}
				body.contactId = contactId;
			}
			const eventProperties = readProperties(parameters, node, itemIndex);
			if (Object.keys(eventProperties).length > 0) body.eventProperties = eventProperties;
			return body;
		},
		execute: async (context, body, policy) => {
			const data = await autoSendRequest.call(
				context,
				{
					method: 'POST',
					path: '/events/send',
					action: `send event ${String(body.eventName)} for ${String(body.email ?? body.contactId)}`,
					// Sending twice records it twice (and may start automations twice).
					idempotent: false,
					body,
					hints: {
						404: 'Check the event name (it must be defined under Events in AutoSend) and the contact (it must exist).',
						400: 'Check the properties: each must be declared on the event in AutoSend and fit the declared type.',
					},
				},
				policy,
			);
			return { success: true, ...data };
		},
	});
}
