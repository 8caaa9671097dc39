// Input checks that run before any request is sent, so bad input never reaches an API.
import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

const INT32_MAX = 2147483647;
const EMAIL_PATTERN = /^[^\s@,;<>()]+@[^\s@,;<>()]+\.[^\s@,;<>().]+$/;

export function invalidInput(node: INode, itemIndex: number, message: string, description: string) {
	return new NodeOperationError(node, `${message} [item ${itemIndex}]`, { itemIndex, description });
}

function show(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === '') return 'an empty value';
	const text = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
	return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Reads a numeric id: a whole number (numbers from expressions often arrive as strings, so "938" is
 * accepted) that fits an int32. `allowZero` is for ids where 0 has a meaning, like Person ID.
 */
export function parseInteger(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
	{ allowZero = false } = {},
): number {
	const text = typeof value === 'string' ? value.trim() : value;
	const parsed = typeof text === 'number' ? text : typeof text === 'string' && /^\d+$/.test(text) ? Number(text) : NaN;
	const lowest = allowZero ? 0 : 1;
	if (!Number.isSafeInteger(parsed) || parsed < lowest || parsed > INT32_MAX) {
		throw invalidInput(
			node,
			itemIndex,
			`${field} must be a whole number from ${lowest} to ${INT32_MAX}, but got ${show(value)}`,
			`Set ${field} to a numeric ID${allowZero ? ' (or 0, where the field allows it)' : ''}. If it comes from an expression, check that the expression resolves to a single number for this item.`,
		);
	}
	return parsed;
}

/** Splits one value, a comma-separated list or an array (from an expression) into trimmed, non-empty strings. */
export function toStringList(value: unknown): string[] | undefined {
	const parts = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,;\n]/) : [value];
	const list: string[] = [];
	for (const part of parts) {
		if (typeof part !== 'string' && typeof part !== 'number') return undefined;
		const trimmed = String(part).trim();
		if (trimmed !== '') list.push(trimmed);
	}
	return list;
}

/** At least one value, read as toStringList does, or an error naming the field and the item. */
function nonEmptyList(node: INode, itemIndex: number, field: string, value: unknown, what: string): string[] {
	const list = toStringList(value);
	if (list === undefined || list.length === 0) {
		throw invalidInput(
			node,
			itemIndex,
			`${field} needs at least one ${what}, but got ${show(value)}`,
			`Enter one ${what}, a comma-separated list, or an expression that returns an array.`,
		);
	}
	return list;
}

/** Characters no address contains and that make two addresses look alike: controls (NUL, …) and format marks (zero-width, …). */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/**
 * One address as a mail system compares it: NFC-normalised (so a composed and a decomposed "ö" are one
 * address) and lower-cased; undefined when it is not an address (mailto: links, zero-width or control
 * characters, "..", a domain that is no valid host name even as an international one). An international
 * domain keeps the form it was written in: AutoSend compares addresses as stored.
 */
export function normaliseEmail(value: string): string | undefined {
	const email = value.normalize('NFC').toLowerCase();
	if (INVISIBLE.test(email) || email.startsWith('mailto:') || email.includes('..')) return undefined;
	if (!EMAIL_PATTERN.test(email)) return undefined;
	const at = email.lastIndexOf('@');
	const local = email.slice(0, at);
	const domain = email.slice(at + 1);
	if (local.startsWith('.') || local.endsWith('.')) return undefined;
	try {
		// The host-name rules for international domains (IDNA), as URL applies them.
		if (!new URL(`http://${domain}`).hostname.includes('.')) return undefined;
	} catch {
		return undefined;
	}
	return email;
}

/** Email addresses, normalised as normaliseEmail says; the first one that is not an address is refused. */
export function parseEmails(node: INode, itemIndex: number, field: string, value: unknown): string[] {
	const emails: string[] = [];
	for (const entry of nonEmptyList(node, itemIndex, field, value, 'email address')) {
		const email = normaliseEmail(entry);
		if (email === undefined) {
			throw invalidInput(
				node,
				itemIndex,
				`${field} contains ${JSON.stringify(entry)}, which is not an email address`,
				'Each value must look like name@example.com, separated by commas (no "mailto:", no invisible characters).',
			);
		}
		emails.push(email);
	}
	return emails;
}

export function parseIdList(node: INode, itemIndex: number, field: string, value: unknown): string[] {
	const ids = nonEmptyList(node, itemIndex, field, value, 'ID');
	const malformed = ids.find((id) => /\s/.test(id));
	if (malformed !== undefined) {
		throw invalidInput(
			node,
			itemIndex,
			`${field} contains "${malformed}", which is not an ID`,
			'IDs cannot contain spaces.',
		);
	}
	return ids;
}

/** Loopback hosts, the only ones where plain http is accepted (local test servers, the simulators). */
export function isLoopback(hostname: string): boolean {
	const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
	return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}
