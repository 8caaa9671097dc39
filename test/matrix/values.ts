// What the bad-input and fault matrices are made of: the kinds of wrong values and failed answers, and the
// shape of one operation's rows. Each service's rows are in <service>.cases.ts; cases.ts gathers them.
import type { INodeParameters } from 'n8n-workflow';
import type { Fault } from '../simulators';

export type Case = [name: string, value: unknown, field: string];

export const badIds = (field: string, { zeroAllowed = false } = {}): Case[] => [
	[`${field}: text`, 'abc', field],
	[`${field}: a decimal`, 1.5, field],
	[`${field}: a decimal in text`, '12.0', field],
	[`${field}: negative`, -3, field],
	...(zeroAllowed ? [] : ([[`${field}: zero`, 0, field]] as Case[])),
	[`${field}: beyond int32`, 2147483648, field],
	[`${field}: huge`, 1e18, field],
	[`${field}: empty`, '', field],
	[`${field}: null from an expression`, null, field],
	[`${field}: an array from an expression`, [1, 2], field],
];

export const badEmails: Case[] = [
	['Emails: a space inside', 'jane doe@example.com', 'Emails'],
	['Emails: no domain', 'jane@', 'Emails'],
	['Emails: no dot in the domain', 'jane@example', 'Emails'],
	['Emails: two @', 'jane@@example.com', 'Emails'],
	['Emails: empty', '', 'Emails'],
	['Emails: only commas', ' , ,', 'Emails'],
	['Emails: null', null, 'Emails'],
	['Emails: an empty array', [], 'Emails'],
	['Emails: objects in the array', [{ email: 'jane@example.com' }], 'Emails'],
	['Emails: one bad among good', 'jane@example.com, not-an-email', 'Emails'],
	['Emails: a mailto: link', 'mailto:jane@example.com', 'Emails'],
	['Emails: a zero-width space inside', 'ja\u200bne@example.com', 'Emails'],
	['Emails: a NUL character', 'jane@example.com\u0000', 'Emails'],
	['Emails: two dots in a row', 'jane..doe@example.com', 'Emails'],
];

export const badListIds: Case[] = [
	['Contact List: GLOBAL_CONTACT_LIST', 'GLOBAL_CONTACT_LIST', 'GLOBAL_CONTACT_LIST'],
	['Contact List: global_contact_list in lower case', 'global_contact_list', 'GLOBAL_CONTACT_LIST'],
	['Contact List: a slash', 'abc/def', 'Contact List'],
	['Contact List: ..', '..', 'Contact List'],
	['Contact List: a question mark', 'abc?x=1', 'Contact List'],
	['Contact List: a hash', 'abc#x', 'Contact List'],
	['Contact List: a percent sign', 'abc%2F', 'Contact List'],
	['Contact List: empty', '', 'Contact List'],
];

export interface Expected {
	/** NodeApiError.httpCode; null when no HTTP answer came */
	httpCode: string | null;
	text: string;
}

export type FaultCase = [name: string, fault: Fault, expected: Expected];

const STATUSES = [400, 401, 402, 403, 404, 409, 412, 421, 429, 500, 502, 503, 504];

const httpFaults = (body: (status: number) => unknown): FaultCase[] => [
	...STATUSES.map(
		(status): FaultCase => [
			`HTTP ${status}`,
			{ status, body: body(status) },
			{ httpCode: String(status), text: `Simulated ${status}` },
		],
	),
	[
		'HTTP 429 with a retry hint',
		{ status: 429, headers: { 'Retry-After': '1' }, body: body(429) },
		{ httpCode: '429', text: 'Simulated 429' },
	],
	[
		'an HTML error page',
		{ status: 502, contentType: 'text/html', body: '<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>' },
		{ httpCode: '502', text: '502 Bad Gateway nginx' },
	],
	['a connection reset', { kind: 'reset' }, { httpCode: null, text: 'the connection broke before' }],
	['a server that never answers', { kind: 'hang' }, { httpCode: null, text: 'no answer within 0.5 s' }],
];

export const superOfficeFaults: FaultCase[] = [
	...httpFaults((status) => ({
		Error: true,
		ErrorType: 'SoException',
		ErrorMessage: `Simulated ${status}`,
		ErrorSource: 'simulator',
	})),
	[
		'an agent error with status 200',
		{ status: 200, body: { Message: 'The request is invalid.', MessageDetail: 'Simulated agent failure' } },
		{ httpCode: '200', text: 'The request is invalid. Simulated agent failure' },
	],
	[
		'malformed JSON with status 500',
		{ status: 500, contentType: 'application/json', body: '{"ErrorMessage": "Simulated trunc' },
		{ httpCode: '500', text: 'Simulated trunc' },
	],
];

export const autoSendFaults: FaultCase[] = [
	...httpFaults((status) => ({ success: false, error: { message: `Simulated ${status}`, code: 'SIMULATED' } })),
	[
		'success false with an error object',
		{ status: 200, body: { success: false, error: { message: 'Simulated object', code: 'X' } } },
		{ httpCode: '200', text: 'Simulated object (X)' },
	],
	[
		'success false with a string error',
		{ status: 400, body: { success: false, error: 'Simulated string error' } },
		{ httpCode: '400', text: 'Simulated string error' },
	],
	[
		'a 200 with a null body',
		{ status: 200, contentType: 'application/json', body: 'null' },
		{ httpCode: '200', text: 'unexpected answer' },
	],
	[
		'malformed JSON with status 200',
		{ status: 200, contentType: 'application/json', body: '{"success": tru' },
		{ httpCode: '200', text: '{"success": tru' },
	],
];

export interface Operation {
	name: string;
	/** resource/operation, as workflows save them */
	key: string;
	service: 'superOffice' | 'autoSend';
	parameters: INodeParameters;
	/** Two items: the fault hits the request of one of them; the other must still succeed */
	items: object[];
	path: RegExp;
}

/** One operation's bad-input cases: each case's item replaces the good one in second place. */
export interface BadInputOperation {
	/** resource/operation, as workflows save them */
	key: string;
	service: 'superOffice' | 'autoSend';
	/** Parameters that read every value from the item ($json), so n8n's static checks do not hide them */
	parameters: INodeParameters;
	good: Record<string, unknown>;
	/** name, the item's fields that differ from the good item, the field the message must name */
	cases: Array<[name: string, change: Record<string, unknown>, field: string]>;
}

/** Value cases as changes to one field of the good item. */
export const asChanges = (cases: Case[], key: string) =>
	cases.map(([name, value, field]): [string, Record<string, unknown>, string] => [name, { [key]: value }, field]);
