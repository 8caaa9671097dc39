// Contact › Delete: by ID, one request per item; by email, items (from this run and concurrent runs) share
// requests of up to 100 addresses. A contact that is already gone counts as deleted, flagged.
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { ItemParameters } from '../../../shared/parameters';
import { runCombined, runEach } from '../../../shared/runners';
import { AUTOSEND, autoSendCall, autoSendSigner } from '../../transport';
import { emailsProperty, VALUE_BATCHING } from '../common.description';
import { deleteOrGone } from '../deletion';
import { counted } from '../outcomes';
import { contactsByEmail, lookupProperties, readBy, readContactId } from './lookup';

/** Which addresses had a contact before the request, and the IDs AutoSend says it removed (if it says). */
interface RemoveResult {
	existing: Map<string, IDataObject>;
	removedIds?: Set<string>;
}

const properties: INodeProperties[] = lookupProperties('delete', emailsProperty('delete'));

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['delete'] } }, properties);

/** Newer docs say POST /contacts/remove returns the removed contacts' IDs (shape not documented): any array of IDs in the answer. */
function removedIdsOf(data: IDataObject): Set<string> | undefined {
	const list = [data, ...Object.values(data)].find(
		(value) => Array.isArray(value) && value.every((entry) => typeof entry === 'string'),
	) as string[] | undefined;
	return list && new Set(list);
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const parameters = new ItemParameters(this, properties);
	const node = this.getNode();
	if (readBy(parameters) === 'id') {
		return await runEach(this, {
			defaults: AUTOSEND,
			prepare: (itemIndex) => readContactId(parameters, node, itemIndex),
			execute: async (context, contactId, policy) => {
				const path = `/contacts/${encodeURIComponent(contactId)}`;
				const { alreadyDeleted } = await deleteOrGone(context, { path, action: `delete contact ${contactId}` }, policy);
				return { success: true, contactId, alreadyDeleted };
			},
		});
	}
	return await runCombined<'byEmail', string, RemoveResult>(this, {
		defaults: VALUE_BATCHING,
		request: 'autoSend/removeContactsByEmail',
		signer: async (context) => await autoSendSigner.call(context),
		prepare: (itemIndex) => ({ target: 'byEmail', values: [...new Set(parameters.emails('emails', itemIndex))] }),
		targetKey: () => 'byEmail',
		valueKey: (email) => email,
		describe: (email) => email,
		action: () => 'delete contacts by email',
		send: async (context, _target, emails, policy) => {
			// AutoSend's answer does not say which addresses had a contact: ask first.
			const existing = await contactsByEmail(context, emails, policy);
			if (existing.size === 0) return { existing };
			const { data, afterUnknownAttempt } = await autoSendCall.call(
				context,
				{
					method: 'POST',
					path: '/contacts/remove',
					action: `delete ${counted(existing.size, 'contact')} by email`,
					// Deleting twice leaves no contact either way.
					idempotent: true,
					body: { emails: [...existing.keys()] },
				},
				{ ...policy, admittedAt: undefined },
			);
			// After an attempt whose answer was lost, a contact that attempt removed is missing from this answer.
			return { existing, removedIds: afterUnknownAttempt ? undefined : removedIdsOf(data) };
		},
		outcomeOf: ({ existing, removedIds }, email) => {
			const contact = existing.get(email);
			if (!contact) return { done: true, detail: { alreadyDeleted: true } };
			const contactId = String(contact.id);
			if (removedIds && !removedIds.has(contactId)) {
				return {
					done: false,
					apiMessage: `AutoSend did not list contact ${contactId} among the ones it removed`,
					hint: 'The contact may still exist; check it in AutoSend and run again.',
				};
			}
			return { done: true, detail: { contactId, alreadyDeleted: false } };
		},
		output: ({ values }, outcomes) => ({
			success: true,
			emails: values,
			results: values.map((email, index) => ({ email, ...outcomes[index].detail })),
		}),
	});
}
