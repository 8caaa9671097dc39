// Suppression › Suppress Emails: items with the same group, reason and scope (from this run and concurrent
// runs) share requests of up to 100 addresses; each item learns what happened to each of its addresses.
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { inputModeProperties, mappedEachField } from '../../../shared/descriptions';
import { ItemParameters } from '../../../shared/parameters';
import { runCombined } from '../../../shared/runners';
import { invalidInput } from '../../../shared/validation';
import { autoSendCall, autoSendSigner } from '../../transport';
import { autoSendOptions, emailsProperty, VALUE_BATCHING } from '../common.description';
import { counted, statusFromTotals } from '../outcomes';

interface Target {
	groupId?: string;
	reason?: string;
	isGlobal?: boolean;
}

interface SuppressResult {
	sent: number;
	suppressed: number;
	/** An earlier attempt may have suppressed addresses that this answer does not count */
	afterUnknownAttempt: boolean;
}

const properties: INodeProperties[] = [
	...inputModeProperties([{ parameter: 'emails', label: 'Email', field: 'email' }]),
	mappedEachField(emailsProperty('suppress')),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Group Name or ID',
				name: 'groupId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getSuppressionGroups' },
				default: '',
				description:
					'The suppression (unsubscribe) group to add the addresses to; without one, AutoSend uses its default group. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Is Global',
				name: 'isGlobal',
				type: 'boolean',
				default: false,
				description: 'Whether to add the addresses to the global suppression list, which stops every email to them',
			},
			{
				displayName: 'Reason',
				name: 'reason',
				type: 'string',
				default: '',
				placeholder: 'e.g. unsubscribed',
				description:
					'Why the addresses are suppressed (e.g. unsubscribed, bounced, spam_complaint), kept for reporting',
			},
		],
	},
	autoSendOptions({ combines: true }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['suppression'], operation: ['suppress'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const parameters = new ItemParameters(this, properties);
	const node = this.getNode();
	return await runCombined<Target, string, SuppressResult>(this, {
		defaults: VALUE_BATCHING,
		request: 'autoSend/suppressEmails',
		signer: async (context) => await autoSendSigner.call(context),
		prepare: (itemIndex) => {
			const extra = parameters.collection('additionalFields', itemIndex);
			const target: Target = {};
			for (const name of ['groupId', 'reason'] as const) {
				const value = extra[name];
				if (value === undefined || value === '') continue;
				if (typeof value !== 'string') {
					throw invalidInput(
						node,
						itemIndex,
						`${name === 'groupId' ? 'Group' : 'Reason'} must be text, but got ${JSON.stringify(value)?.slice(0, 60)}`,
						'Use a value, or an expression that resolves to text.',
					);
				}
				if (value.trim() !== '') target[name] = value.trim();
			}
			if (extra.isGlobal !== undefined) target.isGlobal = extra.isGlobal === true || extra.isGlobal === 'true';
			if (target.isGlobal && target.groupId) {
				throw invalidInput(
					node,
					itemIndex,
					'Group and Is Global are both set',
					'Choose one: a group, or the global suppression list (Is Global). AutoSend would ignore the group.',
				);
			}
			return { target, values: [...new Set(parameters.emails('emails', itemIndex))] };
		},
		targetKey: (target) => JSON.stringify([target.groupId, target.reason, target.isGlobal]),
		valueKey: (email) => email,
		describe: (email) => email,
		action: ({ groupId, isGlobal }) =>
			`suppress emails ${isGlobal ? 'globally' : groupId ? `in group ${groupId}` : 'in the default group'}`,
		send: async (context, target, emails, policy) => {
			const { data, afterUnknownAttempt } = await autoSendCall.call(
				context,
				{
					method: 'POST',
					path: '/suppression-groups/emails/suppress',
					action: `suppress ${counted(emails.length, 'email address', 'email addresses')}`,
					// Suppressing twice leaves the same suppression list.
					idempotent: true,
					body: { emails, ...target },
					hints: { 404: 'Check the group: it may not exist in the project this API key belongs to.' },
				},
				policy,
			);
			return { sent: emails.length, suppressed: Number(data.suppressed ?? 0), afterUnknownAttempt };
		},
		// AutoSend counts only the addresses it newly suppressed; the others already were (or an earlier,
		// unanswered attempt suppressed them). Every address is suppressed either way.
		outcomeOf: (response) => ({
			done: true,
			detail: {
				status: statusFromTotals(
					response.sent,
					[
						{ status: 'suppressed', count: response.suppressed },
						{
							status: 'alreadySuppressed',
							count: response.sent - response.suppressed,
							certainAfterUnknownAttempt: false,
						},
					],
					response.afterUnknownAttempt,
					'suppressedOrAlreadySuppressed',
				),
			},
		}),
		output: ({ target, values }, outcomes) => ({
			success: true,
			emails: values,
			...(target as IDataObject),
			results: values.map((email, index) => ({ email, ...outcomes[index].detail })),
		}),
	});
}
