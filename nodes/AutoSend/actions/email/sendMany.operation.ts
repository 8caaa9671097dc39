// Email › Send to Many: one recipient per item. Items that share sender, subject and content (from this run
// and concurrent runs) go out in POST /mails/bulk requests of up to 100 recipients. Sending is not
// idempotent: nothing is ever sent twice, and when AutoSend reports failures without naming the recipients,
// each recipient of that request is told that its outcome is unknown.
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { inputModeProperties, mappedEachField } from '../../../shared/descriptions';
import { ItemParameters } from '../../../shared/parameters';
import type { ValueOutcome } from '../../../shared/runners';
import { runCombined } from '../../../shared/runners';
import { autoSendRequest, autoSendSigner } from '../../transport';
import { oneEmail } from '../checks';
import { autoSendOptions, VALUE_BATCHING } from '../common.description';
import { counted } from '../outcomes';
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

/** One item's recipient; `seq` keeps every item's recipient apart, so that no email is merged away. */
interface Recipient {
	seq: number;
	recipient: IDataObject;
}

interface BulkResult {
	sent: number;
	batchId: string;
	successCount: number;
	failedCount: number;
}

let recipients = 0;

const properties: INodeProperties[] = [
	...senderProperties,
	...inputModeProperties([
		{ parameter: 'toEmail', label: 'To Email', field: 'email' },
		{ parameter: 'toName', label: 'To Name', field: 'name', optional: true },
		{ parameter: 'dynamicData', label: 'Dynamic Data', optional: true },
	]),
	...recipientProperties("This item's recipient address", "This item's recipient name").map(mappedEachField),
	...contentProperties,
	mappedEachField(dynamicDataProperty("This recipient's")),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [replyToOption, unsubscribeGroupOption],
	},
	autoSendOptions({ combines: true }),
];

export const description = updateDisplayOptions({ show: { resource: ['email'], operation: ['sendMany'] } }, properties);

function outcomeOf(response: BulkResult): ValueOutcome {
	const { sent, batchId, successCount, failedCount } = response;
	if (failedCount === 0 && successCount === sent) return { done: true, detail: { batchId } };
	if (successCount === 0) {
		return {
			done: false,
			apiMessage: `AutoSend accepted batch ${batchId} but sent none of its ${sent} emails`,
			hint: 'The recipients may be suppressed (unsubscribed, bounced) or refused. Check the batch in AutoSend.',
		};
	}
	return {
		done: false,
		outcome: 'unknown',
		apiMessage: `AutoSend sent ${successCount} and failed ${failedCount} of the ${sent} emails of batch ${batchId}, without saying which`,
		hint: `This recipient may or may not have got the email. Check batch ${batchId} in AutoSend before sending again: sending again may send it twice.`,
	};
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const parameters = new ItemParameters(this, properties);
	const node = this.getNode();
	return await runCombined<IDataObject, Recipient, BulkResult>(this, {
		defaults: VALUE_BATCHING,
		request: 'autoSend/sendBulkEmail',
		signer: async (context) => await autoSendSigner.call(context),
		prepare: (itemIndex) => {
			const message = readMessage(parameters, node, itemIndex, parameters.collection('additionalFields', itemIndex));
			const dynamicData = parameters.object('dynamicData', itemIndex);
			const recipient: IDataObject = {
				...address(oneEmail(parameters, node, 'toEmail', itemIndex)!, parameters.text('toName', itemIndex)),
				...(dynamicData && Object.keys(dynamicData).length ? { dynamicData } : {}),
			};
			return { target: message, values: [{ seq: ++recipients, recipient }] };
		},
		targetKey: (message) => JSON.stringify(message),
		valueKey: ({ seq }) => String(seq),
		describe: ({ recipient }) => String(recipient.email),
		action: () => 'send the email',
		send: async (context, message, batch, policy) => {
			const data = await autoSendRequest.call(
				context,
				{
					method: 'POST',
					path: '/mails/bulk',
					action: `send the email to ${counted(batch.length, 'recipient')}`,
					// Sending twice sends twice.
					idempotent: false,
					body: { ...message, recipients: batch.map(({ recipient }) => recipient) },
					hints: {
						400: 'Check the sender (its domain must be verified in AutoSend), the addresses and the content.',
						404: 'Check the template ID and the unsubscribe group: one of them does not exist in this project.',
					},
				},
				policy,
			);
			return {
				sent: batch.length,
				batchId: String(data.batchId ?? ''),
				successCount: Number(data.successCount ?? 0),
				failedCount: Number(data.failedCount ?? 0),
			};
		},
		outcomeOf,
		output: ({ values: [{ recipient }] }, [outcome]) => ({
			success: true,
			toEmail: recipient.email,
			...outcome.detail,
		}),
	});
}
