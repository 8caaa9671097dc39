/**
 * Sending: one email (POST /mails/send, to + cc + bcc at most 50) and the same email to 1-100 recipients
 * (POST /mails/bulk). Content is a template or html/text, never both; the sender's domain must be
 * verified. A suppressed recipient is refused by send and counted as failed by bulk (which names no one).
 */
import { randomUUID } from 'node:crypto';
import type { SimRequest } from '../../common/request';
import type { SimResponse } from '../../common/response';
import type { Route } from '../../common/routes';
import type { AutoSendContext } from '../context';
import {
	addressErrors,
	failure,
	isObject,
	ok,
	textErrors,
	unknownKeyErrors,
	validationFailed,
	type FieldError,
} from '../helpers';
import { findSuppressionGroup, isSuppressed, type AsMail, type AutoSendState } from '../state';

export const MAX_BULK_RECIPIENTS = 100;
export const MAX_RECIPIENTS_PER_EMAIL = 50;

type Address = { email: string; name?: string };

const CONTENT_KEYS = ['from', 'replyTo', 'subject', 'html', 'text', 'templateId', 'dynamicData', 'unsubscribeGroupId'];

export function mailRoutes({ state }: AutoSendContext): Route[] {
	return [
		{ method: 'POST', pattern: /^\/mails\/send$/, run: (req) => send(state, req) },
		{ method: 'POST', pattern: /^\/mails\/bulk$/, run: (req) => bulk(state, req) },
	];
}

function addressListErrors(field: string, value: unknown): FieldError[] {
	if (value === undefined) return [];
	if (!Array.isArray(value)) return [{ field, message: `${field} must be an array` }];
	return value.flatMap((entry, index) => addressErrors(`${field}[${index}]`, entry, { required: true }));
}

/** What send and bulk check alike: sender, content (template or html/text), reply-to, group. */
function contentErrors(body: Record<string, unknown>): FieldError[] {
	const details = [
		...addressErrors('from', body.from, { required: true }),
		...addressErrors('replyTo', body.replyTo),
		...textErrors('subject', body.subject, 998),
		...textErrors('html', body.html),
		...textErrors('text', body.text),
		...textErrors('templateId', body.templateId),
		...textErrors('unsubscribeGroupId', body.unsubscribeGroupId),
	];
	if (body.dynamicData !== undefined && !isObject(body.dynamicData)) {
		details.push({ field: 'dynamicData', message: 'dynamicData must be an object' });
	}
	const html = Boolean(body.html || body.text);
	if (body.templateId !== undefined && html) {
		details.push({ field: 'templateId', message: 'Provide either templateId or html/text, not both' });
	}
	if (body.templateId === undefined) {
		if (!html) details.push({ field: 'html', message: 'html or text is required if not using templateId' });
		if (!body.subject) details.push({ field: 'subject', message: 'subject is required if not using templateId' });
	}
	return details;
}

/** Checks against the project: a verified sender domain, an existing template and unsubscribe group. */
function projectRefusal(state: AutoSendState, body: Record<string, unknown>): SimResponse | undefined {
	const domain = (body.from as Address).email.split('@')[1].toLowerCase();
	if (!state.verifiedDomains.has(domain)) {
		return failure(400, 'DOMAIN_NOT_VERIFIED', `The sender domain ${domain} is not verified`);
	}
	if (body.templateId !== undefined && !state.templates.has(body.templateId as string)) {
		return failure(404, 'TEMPLATE_NOT_FOUND', 'Template not found');
	}
	if (body.unsubscribeGroupId !== undefined && !findSuppressionGroup(state, body.unsubscribeGroupId as string)) {
		return failure(404, 'SUPPRESSION_GROUP_NOT_FOUND', 'Suppression group not found');
	}
	return undefined;
}

/** Whether AutoSend holds mail to this recipient back, including in the mail's unsubscribe group. */
function suppressedFor(state: AutoSendState, body: Record<string, unknown>, email: string): boolean {
	const group = body.unsubscribeGroupId ? findSuppressionGroup(state, body.unsubscribeGroupId as string) : undefined;
	return isSuppressed(state, email, group?.groupId);
}

function record(state: AutoSendState, body: Record<string, unknown>, to: Address, extra: Partial<AsMail>): AsMail {
	const mail: AsMail = {
		emailId: randomUUID().replace(/-/g, '').slice(0, 24),
		from: body.from as Address,
		to,
		cc: [],
		bcc: [],
		createdAt: new Date().toISOString(),
		...Object.fromEntries(
			['subject', 'html', 'text', 'templateId', 'dynamicData', 'replyTo', 'unsubscribeGroupId']
				.filter((key) => body[key] !== undefined)
				.map((key) => [key, body[key]]),
		),
		...extra,
	};
	state.mails.push(mail);
	return mail;
}

function send(state: AutoSendState, req: SimRequest): SimResponse {
	const body = req.body as Record<string, unknown>;
	const details = [
		...unknownKeyErrors(body, ['to', 'cc', 'bcc', ...CONTENT_KEYS]),
		...addressErrors('to', body.to, { required: true }),
		...addressListErrors('cc', body.cc),
		...addressListErrors('bcc', body.bcc),
		...contentErrors(body),
	];
	const cc = (Array.isArray(body.cc) ? body.cc : []) as Address[];
	const bcc = (Array.isArray(body.bcc) ? body.bcc : []) as Address[];
	const total = 1 + cc.length + bcc.length;
	if (total > MAX_RECIPIENTS_PER_EMAIL) {
		details.push({
			field: 'to',
			message: `The total combined recipients across to, cc, and bcc cannot exceed ${MAX_RECIPIENTS_PER_EMAIL}`,
		});
	}
	if (details.length > 0) return validationFailed(details);
	const refusal = projectRefusal(state, body);
	if (refusal) return refusal;
	const to = body.to as Address;
	if (suppressedFor(state, body, to.email)) {
		return failure(400, 'RECIPIENT_SUPPRESSED', `The recipient ${to.email} is suppressed`);
	}
	const mail = record(state, body, to, { cc, bcc });
	return ok({ emailId: mail.emailId, message: 'Email queued successfully.', totalRecipients: total });
}

function recipientErrors(value: unknown): FieldError[] {
	if (!Array.isArray(value) || value.length === 0) {
		return [{ field: 'recipients', message: 'recipients must contain at least 1 item' }];
	}
	if (value.length > MAX_BULK_RECIPIENTS) {
		return [{ field: 'recipients', message: `recipients must contain at most ${MAX_BULK_RECIPIENTS} items` }];
	}
	return value.flatMap((recipient, index) => {
		const field = `recipients[${index}]`;
		if (!isObject(recipient)) return [{ field, message: 'Must be an object' }];
		const { dynamicData, cc, bcc, ...address } = recipient;
		return [
			...addressErrors(field, address, { required: true }),
			...(dynamicData !== undefined && !isObject(dynamicData)
				? [{ field: `${field}.dynamicData`, message: 'dynamicData must be an object' }]
				: []),
			...addressListErrors(`${field}.cc`, cc),
			...addressListErrors(`${field}.bcc`, bcc),
		];
	});
}

function bulk(state: AutoSendState, req: SimRequest): SimResponse {
	const body = req.body as Record<string, unknown>;
	const details = [
		...unknownKeyErrors(body, ['recipients', ...CONTENT_KEYS]),
		...recipientErrors(body.recipients),
		...contentErrors(body),
	];
	if (details.length > 0) return validationFailed(details);
	const refusal = projectRefusal(state, body);
	if (refusal) return refusal;
	const batchId = randomUUID();
	const recipients = body.recipients as Array<Address & { dynamicData?: Record<string, unknown> }>;
	let successCount = 0;
	for (const { email, name, dynamicData } of recipients) {
		if (suppressedFor(state, body, email)) continue;
		const merged = dynamicData ? { ...((body.dynamicData as object) ?? {}), ...dynamicData } : body.dynamicData;
		record(state, body, name === undefined ? { email } : { email, name }, {
			batchId,
			...(merged ? { dynamicData: merged as Record<string, unknown> } : {}),
		});
		successCount += 1;
	}
	return ok({
		batchId,
		totalRecipients: recipients.length,
		successCount,
		failedCount: recipients.length - successCount,
	});
}
