// Email › Send: one email per item, to one recipient plus CC and BCC (at most 50 in all). Sending is not
// idempotent: a send whose outcome is unknown is never repeated, and the error says it may have been sent.
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { ItemParameters } from '../../../shared/parameters';
import { runEach } from '../../../shared/runners';
import { invalidInput, parseEmails } from '../../../shared/validation';
import { AUTOSEND, autoSendRequest } from '../../transport';
import { oneEmail } from '../checks';
import { autoSendOptions } from '../common.description';
import {
	address,
	contentProperties,
	readMessage,
	replyToOption,
	senderProperties,
	unsubscribeGroupOption,
	dynamicDataProperty,
	recipientProperties,
} from './content';

/** AutoSend: "The total combined recipients across to, cc, and bcc cannot exceed 50 per email." */
const MAX_RECIPIENTS = 50;

const properties: INodeProperties[] = [
	...senderProperties,
	...recipientProperties('Recipient address (one; use Send to Many for more recipients)', 'Recipient name'),
	...contentProperties,
	dynamicDataProperty('The'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'BCC',
				name: 'bcc',
				type: 'string',
				default: '',
				placeholder: 'e.g. archive@example.com',
				description: 'Blind-copy addresses, comma-separated or an array from an expression',
			},
			{
				displayName: 'CC',
				name: 'cc',
				type: 'string',
				default: '',
				placeholder: 'e.g. team@example.com',
				description: 'Copy addresses, comma-separated or an array from an expression',
			},
			replyToOption,
			unsubscribeGroupOption,
		],
	},
	autoSendOptions({ combines: false }),
];

export const description = updateDisplayOptions({ show: { resource: ['email'], operation: ['send'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const parameters = new ItemParameters(this, properties);
	const node = this.getNode();
	return await runEach(this, {
		defaults: AUTOSEND,
		prepare: (itemIndex) => {
			const extra = parameters.collection('additionalFields', itemIndex);
			const to = oneEmail(parameters, node, 'toEmail', itemIndex)!;
			const copies = (name: 'cc' | 'bcc', label: string) =>
				extra[name] === undefined || extra[name] === ''
					? []
					: [...new Set(parseEmails(node, itemIndex, label, extra[name]))];
			const [cc, bcc] = [copies('cc', 'CC'), copies('bcc', 'BCC')];
			const total = 1 + cc.length + bcc.length;
			if (total > MAX_RECIPIENTS) {
				throw invalidInput(
					node,
					itemIndex,
					`The email has ${total} recipients in To, CC and BCC; AutoSend allows at most ${MAX_RECIPIENTS}`,
					'Use fewer CC/BCC addresses, or Email › Send to Many for a larger audience.',
				);
			}
			const dynamicData = parameters.object('dynamicData', itemIndex);
			const body: IDataObject = {
				...readMessage(parameters, node, itemIndex, extra),
				to: address(to, parameters.text('toName', itemIndex)),
				...(cc.length ? { cc: cc.map((email) => ({ email })) } : {}),
				...(bcc.length ? { bcc: bcc.map((email) => ({ email })) } : {}),
				...(dynamicData && Object.keys(dynamicData).length ? { dynamicData } : {}),
			};
			return { to, body };
		},
		execute: async (context, { to, body }, policy) => {
			const data = await autoSendRequest.call(
				context,
				{
					method: 'POST',
					path: '/mails/send',
					action: `send an email to ${to}`,
					// Sending twice sends twice.
					idempotent: false,
					body,
					hints: {
						400: 'Check the sender (its domain must be verified in AutoSend), the addresses and the content; a suppressed recipient is refused too.',
						404: 'Check the template ID and the unsubscribe group: one of them does not exist in this project.',
					},
				},
				policy,
			);
			return { success: true, toEmail: to, ...data };
		},
	});
}
