// What Send and Send to Many share: the sender, the subject and the content (a template, or HTML and/or
// text), the reply-to address and the unsubscribe group, each checked before anything is sent.
import type { IDataObject, INode, INodeProperties } from 'n8n-workflow';
import type { ItemParameters } from '../../../shared/parameters';
import { invalidInput, normaliseEmail } from '../../../shared/validation';
import { maxLength, oneEmail } from '../checks';

export const senderProperties: INodeProperties[] = [
	{
		displayName: 'From Email',
		name: 'fromEmail',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. hello@mail.example.com',
		description: 'Sender address; its domain must be verified in AutoSend',
	},
	{
		displayName: 'From Name',
		name: 'fromName',
		type: 'string',
		default: '',
		placeholder: 'e.g. Example Inc.',
		description: 'Sender name shown to recipients',
	},
];

/** To Email and To Name, described for the operation. */
export function recipientProperties(email: string, name: string): INodeProperties[] {
	return [
		{
			displayName: 'To Email',
			name: 'toEmail',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. jane@example.com',
			description: email,
		},
		{
			displayName: 'To Name',
			name: 'toName',
			type: 'string',
			default: '',
			placeholder: 'e.g. Jane Doe',
			description: name,
		},
	];
}

/** The JSON object that fills the template's or HTML's {{variables}}. */
export function dynamicDataProperty(whose: string): INodeProperties {
	return {
		displayName: 'Dynamic Data',
		name: 'dynamicData',
		type: 'json',
		default: '{}',
		description: `${whose} values for the {{variables}} of the template or HTML, as a JSON object, e.g. {"firstName": "Jane"}`,
	};
}

export const contentProperties: INodeProperties[] = [
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		default: '',
		placeholder: 'e.g. Welcome, {{firstName}}!',
		description:
			"Subject line (at most 998 characters). Required for HTML / Text; with a template, leave empty to use the template's subject.",
	},
	{
		displayName: 'Content',
		name: 'content',
		type: 'options',
		options: [
			{ name: 'HTML / Text', value: 'html', description: 'Write the email here, in HTML and/or plain text' },
			{ name: 'Template', value: 'template', description: 'Use an AutoSend template by its ID' },
		],
		default: 'html',
	},
	{
		displayName: 'Template ID',
		name: 'templateId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. A-abc123',
		description: 'ID of the AutoSend template (Templates in AutoSend)',
		displayOptions: { show: { content: ['template'] } },
	},
	{
		displayName: 'HTML',
		name: 'html',
		type: 'string',
		typeOptions: { rows: 5 },
		default: '',
		placeholder: 'e.g. <p>Hello {{firstName}}!</p>',
		description: 'HTML body; {{variables}} are filled from Dynamic Data. Give HTML, Text or both.',
		displayOptions: { show: { content: ['html'] } },
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		placeholder: 'e.g. Hello {{firstName}}!',
		description: 'Plain-text body. Give HTML, Text or both.',
		displayOptions: { show: { content: ['html'] } },
	},
];

export const replyToOption: INodeProperties = {
	displayName: 'Reply To',
	name: 'replyTo',
	type: 'string',
	default: '',
	placeholder: 'e.g. support@example.com',
	description: 'Address replies go to',
};

export const unsubscribeGroupOption: INodeProperties = {
	displayName: 'Unsubscribe Group Name or ID',
	name: 'unsubscribeGroupId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getSuppressionGroups' },
	default: '',
	description:
		'The unsubscribe group the email belongs to. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** An {email, name} object as AutoSend takes it; the name only when given. */
export function address(email: string, name: string | undefined): IDataObject {
	return name ? { email, name } : { email };
}

/** One address from Additional Fields (Reply To), checked; undefined when empty. */
export function optionalAddress(
	node: INode,
	itemIndex: number,
	label: string,
	value: unknown,
): IDataObject | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const parsed = typeof value === 'string' ? normaliseEmail(value.trim()) : undefined;
	if (parsed === undefined) {
		throw invalidInput(
			node,
			itemIndex,
			`${label} is ${JSON.stringify(value)?.slice(0, 80)}, which is not one email address`,
			`Enter one address like name@example.com in ${label}.`,
		);
	}
	return { email: parsed };
}

/** The sender, subject and content of an item's email, and its reply-to and unsubscribe group. */
export function readMessage(
	parameters: ItemParameters,
	node: INode,
	itemIndex: number,
	extra: IDataObject,
): IDataObject {
	const message: IDataObject = {
		from: address(oneEmail(parameters, node, 'fromEmail', itemIndex)!, parameters.text('fromName', itemIndex)),
	};
	const subject = maxLength(node, itemIndex, 'Subject', parameters.text('subject', itemIndex), 998);
	if (parameters.choice('content', itemIndex, ['html', 'template'] as const) === 'template') {
		message.templateId = parameters.text('templateId', itemIndex, {
			required: true,
			fix: 'Enter the ID of an AutoSend template (e.g. A-abc123), or set Content to HTML / Text.',
		});
	} else {
		// Only the fields the Content switch shows reach the node, so a template and HTML never go together.
		const html = parameters.text('html', itemIndex);
		const text = parameters.text('text', itemIndex);
		if (html === undefined && text === undefined) {
			throw invalidInput(
				node,
				itemIndex,
				'The email has no content: HTML and Text are both empty',
				'Enter HTML, Text or both, or set Content to Template and give a template ID.',
			);
		}
		if (subject === undefined) {
			throw invalidInput(
				node,
				itemIndex,
				'Subject is empty',
				'Enter a subject: AutoSend needs one unless the email uses a template.',
			);
		}
		Object.assign(message, html === undefined ? {} : { html }, text === undefined ? {} : { text });
	}
	if (subject !== undefined) message.subject = subject;
	const replyTo = optionalAddress(node, itemIndex, 'Reply To', extra.replyTo);
	if (replyTo) message.replyTo = replyTo;
	const group =
		typeof extra.unsubscribeGroupId === 'string' ? extra.unsubscribeGroupId.trim() : extra.unsubscribeGroupId;
	if (group !== undefined && group !== '') {
		if (typeof group !== 'string') {
			throw invalidInput(
				node,
				itemIndex,
				`Unsubscribe Group must be a group ID, but got ${JSON.stringify(group)?.slice(0, 60)}`,
				'Choose a group, or use an expression that resolves to its ID.',
			);
		}
		message.unsubscribeGroupId = group;
	}
	return message;
}
