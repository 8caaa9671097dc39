// Contact › Get: by ID, one request per item; by email, items (from this run and concurrent runs) share
// search requests of up to 100 addresses, and an address without a contact fails its item.
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { ItemParameters } from '../../../shared/parameters';
import { runCombined, runEach } from '../../../shared/runners';
import { AUTOSEND, autoSendRequest, autoSendSigner } from '../../transport';
import { oneEmail } from '../checks';
import { VALUE_BATCHING } from '../common.description';
import { contactsByEmail, lookupProperties, readBy, readContactId } from './lookup';

const properties: INodeProperties[] = lookupProperties('get', {
	displayName: 'Email',
	name: 'email',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. jane@example.com',
	description: 'Address of the contact to get',
});

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const parameters = new ItemParameters(this, properties);
	const node = this.getNode();
	if (readBy(parameters) === 'id') {
		return await runEach(this, {
			defaults: AUTOSEND,
			prepare: (itemIndex) => readContactId(parameters, node, itemIndex),
			execute: async (context, contactId, policy) =>
				await autoSendRequest.call(
					context,
					{
						method: 'GET',
						path: `/contacts/${encodeURIComponent(contactId)}`,
						action: `get contact ${contactId}`,
						idempotent: true,
						hints: { 404: 'No contact has this ID in the project this API key belongs to.' },
					},
					policy,
				),
		});
	}
	return await runCombined<'byEmail', string, Map<string, IDataObject>>(this, {
		defaults: VALUE_BATCHING,
		request: 'autoSend/searchContactsByEmail',
		signer: async (context) => await autoSendSigner.call(context),
		prepare: (itemIndex) => ({ target: 'byEmail', values: [oneEmail(parameters, node, 'email', itemIndex)!] }),
		targetKey: () => 'byEmail',
		valueKey: (email) => email,
		describe: (email) => email,
		action: () => 'get contacts by email',
		send: async (context, _target, emails, policy) => await contactsByEmail(context, emails, policy),
		outcomeOf: (found, email) => {
			const contact = found.get(email);
			if (contact) return { done: true, detail: contact };
			return {
				done: false,
				apiMessage: 'no contact has this address',
				hint: 'Check the address, or create the contact first with Contact › Create or Update.',
			};
		},
		output: (_item, [outcome]) => outcome.detail ?? {},
	});
}
