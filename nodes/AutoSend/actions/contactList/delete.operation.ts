// Contact List › Delete: one list per item; a list that is already gone counts as deleted.
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { ItemParameters } from '../../../shared/parameters';
import { runEach } from '../../../shared/runners';
import { contactListRLC } from '../../descriptions/rlc.description';
import { AUTOSEND } from '../../transport';
import { autoSendOptions } from '../common.description';
import { deleteOrGone } from '../deletion';
import { readListId } from './members';

const properties: INodeProperties[] = [
	{ ...contactListRLC, description: 'The list to delete. Its contacts stay in AutoSend.' },
	autoSendOptions({ combines: false }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contactList'], operation: ['delete'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const parameters = new ItemParameters(this, properties);
	const node = this.getNode();
	return await runEach(this, {
		defaults: AUTOSEND,
		prepare: (itemIndex) =>
			readListId(parameters, node, itemIndex, {
				message: 'GLOBAL_CONTACT_LIST ("All Contacts") cannot be deleted',
				fix: 'Choose a list or segment. To delete contacts, use Contact › Delete.',
			}),
		execute: async (context, contactListId, policy) => {
			const { alreadyDeleted } = await deleteOrGone(
				context,
				{ path: `/contact-lists/${encodeURIComponent(contactListId)}`, action: `delete contact list ${contactListId}` },
				policy,
			);
			return { success: true, contactListId, alreadyDeleted };
		},
	});
}
