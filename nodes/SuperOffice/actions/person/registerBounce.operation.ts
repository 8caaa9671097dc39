// Person › Register Bounce: one AddBounce call per item, or AddBounceWithDetails when the item gives a
// count, code or reason. The PersonAgent counts the bounce on the address wherever SuperOffice has it.
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { ItemParameters } from '../../../shared/parameters';
import { runEach } from '../../../shared/runners';
import { invalidInput, parseInteger } from '../../../shared/validation';
import { collectionText } from '../../descriptions/records.description';
import { SUPEROFFICE } from '../../transport';
import { superOfficeOptions } from '../common.description';
import { personAgent } from './agent';

const properties: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. jane@example.com',
		description: 'The address that bounced',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Code',
				name: 'code',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0 },
				description: 'The bounce code to record, e.g. an SMTP status such as 550',
			},
			{
				displayName: 'Counts',
				name: 'counts',
				type: 'number',
				default: 1,
				typeOptions: { minValue: 1 },
				description: 'How many bounces to add to the address',
			},
			{
				displayName: 'Reason',
				name: 'reason',
				type: 'string',
				default: '',
				placeholder: 'e.g. Mailbox does not exist',
				description: 'Why the message bounced, as the sending service reported it',
			},
		],
	},
	superOfficeOptions({ combines: false }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['person'], operation: ['registerBounce'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const parameters = new ItemParameters(this, properties);
	const node = this.getNode();
	return await runEach(this, {
		defaults: SUPEROFFICE,
		prepare: (itemIndex) => {
			const emails = parameters.emails('email', itemIndex);
			if (emails.length > 1) {
				throw invalidInput(
					node,
					itemIndex,
					`Email holds ${emails.length} addresses; a bounce is registered for one`,
					'Give one address per item (split a list into items first, e.g. with the Split Out node).',
				);
			}
			const fields = parameters.collection('additionalFields', itemIndex);
			const number = (key: string, label: string, allowZero: boolean) =>
				key in fields
					? parseInteger(node, itemIndex, `Additional Fields › ${label}`, fields[key], { allowZero })
					: undefined;
			const details = {
				counts: number('counts', 'Counts', false),
				code: number('code', 'Code', true),
				reason: collectionText(node, itemIndex, fields, 'reason', 'Additional Fields › Reason'),
			};
			return {
				email: emails[0],
				details: Object.values(details).some((value) => value !== undefined) ? details : undefined,
			};
		},
		execute: async (context, { email, details }, policy) => {
			const body: IDataObject = details
				? { EmailAddress: email, Counts: details.counts ?? 1, Code: details.code ?? 0, Reason: details.reason ?? '' }
				: { EmailAddress: email };
			await personAgent(
				context,
				details ? 'AddBounceWithDetails' : 'AddBounce',
				body,
				// Each call adds to the bounce counter: sending it twice would count the bounce twice.
				{ action: `register a bounce for ${email}`, idempotent: false },
				policy,
			);
			// SuperOffice answers 204 whether or not it has the address, so the output claims no more than that.
			return {
				success: true,
				email,
				...(details ? { counts: body.Counts, code: body.Code, reason: body.Reason } : {}),
			};
		},
	});
}
